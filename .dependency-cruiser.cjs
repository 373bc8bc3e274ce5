/**
 * The layers of lintas, each importing only those below it:
 *   core ← model ← scenario ← experiment ← report ← { cli (src/*.ts and src/cli/), explorer, notebook }
 * and src/i18n (words and number formats) beside core, importable by every layer; src/io (files
 * written whole) beside it, importable by every layer that may touch the file system.
 * One rule per forbidden direction. `npm run lint:deps` checks them; CI runs it.
 */
const LAYERS = ['core', 'model', 'scenario', 'experiment', 'report'];
const TOP = ['explorer', 'notebook'];
// The top files (cli.ts, run-if-main.ts, index.ts) and the CLI's own folder (src/cli/: a file per command).
const TOP_FILES = ['^src/[^/]+\\.ts$', '^src/cli/'];

const above = (i) => [...LAYERS.slice(i + 1).map((l) => `^src/${l}/`), ...TOP.map((l) => `^src/${l}/`), ...TOP_FILES];

module.exports = {
  forbidden: [
    ...LAYERS.map((layer, i) => ({
      name: `${layer}-imports-no-layer-above`,
      comment: `src/${layer} may import only ${LAYERS.slice(0, i).join(', ') || 'packages'}: it must not reach up into ${above(i).join(', ')}`,
      severity: 'error',
      from: { path: `^src/${layer}/` },
      to: { path: above(i) },
    })),
    {
      name: 'explorer-imports-no-cli-or-notebook',
      severity: 'error',
      from: { path: '^src/explorer/' },
      to: { path: ['^src/notebook/', ...TOP_FILES] },
    },
    {
      name: 'notebook-imports-no-cli-or-explorer',
      severity: 'error',
      from: { path: '^src/notebook/' },
      to: { path: ['^src/explorer/', ...TOP_FILES] },
    },
    {
      name: 'i18n-imports-no-lintas-layer',
      comment: 'src/i18n (the message catalogs and Intl formats) sits below every layer, so each of them may use it: it imports only packages',
      severity: 'error',
      from: { path: '^src/i18n/' },
      to: { path: '^src/(?!i18n/)' },
    },
    {
      name: 'io-imports-no-lintas-layer',
      comment: 'src/io (atomic file writes) sits below the layers that write files: it imports only packages and Node.js built-ins',
      severity: 'error',
      from: { path: '^src/io/' },
      to: { path: '^src/(?!io/)' },
    },
    {
      name: 'engine-writes-no-files',
      comment: 'the engine, the model and the catalogs run in a browser: they do not reach src/io',
      severity: 'error',
      from: { path: ['^src/core/', '^src/model/', '^src/i18n/'] },
      to: { path: '^src/io/' },
    },
    {
      name: 'core-and-model-run-anywhere',
      comment: 'the engine and the model run in a browser or a worker untouched: no Node.js built-ins',
      severity: 'error',
      from: { path: ['^src/core/', '^src/model/', '^src/i18n/'] },
      to: { dependencyTypes: ['core'] },
    },
    {
      name: 'model-read-through-its-api',
      comment:
        'the experiment, report, explorer and notebook layers read a run through the Model (model.ts, observe.ts) and the declared tables of the model (metrics, codes, levers, interventions, events, parameters, geography, input, cooperation, fork): never its state or its phases',
      severity: 'error',
      from: { path: ['^src/experiment/', '^src/report/', '^src/explorer/', '^src/notebook/'] },
      to: { path: '^src/model/', pathNot: '^src/model/(model|observe|metrics|codes|conditions|interventions/index|interventions/define|events/index|parameters|geography|input|cooperation|fork)\\.ts$' },
    },
    {
      name: 'no-circular',
      comment: 'no import cycles, type-only ones included: each module sits above what it imports',
      severity: 'error',
      from: { path: '^src/' },
      to: { circular: true },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: { exportsFields: ['exports'], conditionNames: ['import', 'require', 'node', 'default', 'types'] },
  },
};
