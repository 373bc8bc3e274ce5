// `npm run build` (also run by `npm ci` through `prepare`): bundles the CLI and the experiment
// worker to dist/ with esbuild, so `lintas` starts without compiling TypeScript each time.
// Packages stay external (node_modules); .ts scenarios are still loaded, through tsx on demand.
import { build } from 'esbuild';

import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, relative, resolve } from 'node:path';

// The modules a .ts scenario imports (defineScenario, tables, variants, interventions, ...) get a
// built copy at dist/src/…, so a scenario loaded by the built CLI shares them (src/scenario/compile.ts).
const scenarioApi = ['src/core', 'src/model', 'src/scenario']
  .flatMap((dir) => readdirSync(dir, { recursive: true }).map((f) => `${dir}/${f}`))
  .concat('src/run-if-main.ts')
  .filter((f) => f.endsWith('.ts'))
  .sort();

// Small pure-JS packages the CLI loads at start are bundled in: Node's module loader spends about a
// millisecond on each file it resolves, and zod, commander and seedrandom alone are 30 files.
// The rest (native code, WebAssembly, the browser and chart stacks, JSON data) stay in node_modules.
const BUNDLED = new Set(['commander', 'zod', 'seedrandom', 'immer', 'd3-array', 'd3-dsv', 'i18next', 'cli-progress']);
const pkg = JSON.parse(readFileSync('package.json', 'utf8'));
const EXTERNAL = Object.keys(pkg.dependencies)
  .filter((d) => !BUNDLED.has(d))
  .flatMap((d) => [d, `${d}/*`]);

// What each scenario-API module exports (names only; types are gone by then).
const scan = await build({ entryPoints: scenarioApi, bundle: false, write: false, outdir: 'dist', format: 'esm', platform: 'node', metafile: true, logLevel: 'warning' });
const exportsOf = new Map(Object.values(scan.metafile.outputs).filter((o) => o.entryPoint).map((o) => [o.entryPoint, o.exports]));

// One entry, dist/api.js, holds every scenario-API module as a namespace (m0, m1, ...); each
// dist/src/<path>.js is a two-line module re-exporting its namespace's names. Were each module an
// entry of its own, esbuild would cut the code into a chunk per module, and a command would load
// 80 files where it now loads about 20.
const API = 'lintas:api';
const apiSource = scenarioApi.map((f, i) => `export * as m${i} from ${JSON.stringify(resolve(f))};`).join('\n');
const apiPlugin = {
  name: 'lintas-api',
  setup(b) {
    b.onResolve({ filter: /^lintas:api$/ }, () => ({ path: API, namespace: 'lintas-api' }));
    b.onLoad({ filter: /.*/, namespace: 'lintas-api' }, () => ({ contents: apiSource, loader: 'js', resolveDir: resolve('.') }));
  },
};

// Chunk names carry content hashes: start from an empty folder so old chunks do not pile up.
rmSync('dist', { recursive: true, force: true });
await build({
  entryPoints: { cli: 'src/cli.ts', worker: 'src/experiment/worker.ts', api: API },
  outdir: 'dist',
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  // 20.19 (package.json engines): esbuild keeps import attributes (`with { type: 'json' }`) only for a
  // Node that has them, and Node refuses a JSON module without one (world-atlas, the i18n catalogs).
  target: 'node20.19',
  external: EXTERNAL,
  sourcemap: true,
  // Bundled CommonJS packages (commander, seedrandom) require Node's built-ins.
  banner: { js: "import { createRequire as __lintasRequire } from 'node:module'; const require = __lintasRequire(import.meta.url);" },
  plugins: [apiPlugin],
  logLevel: 'warning',
});

scenarioApi.forEach((f, i) => {
  const out = `dist/${f.slice(0, -3)}.js`;
  const names = exportsOf.get(f) ?? [];
  const api = relative(dirname(out), 'dist/api.js');
  const named = names.filter((n) => n !== 'default');
  const lines = [`import { m${i} as m } from './${api}';`];
  if (named.length) lines.push(`export const { ${named.join(', ')} } = m;`);
  if (names.includes('default')) lines.push('export default m.default;');
  mkdirSync(dirname(out), { recursive: true });
  writeFileSync(out, `${lines.join('\n')}\n`);
});
