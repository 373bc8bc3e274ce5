// `npm run build` (also run by `npm ci` through `prepare`): bundles the CLI and the experiment
// worker to dist/ with esbuild, so `lintas` starts without compiling TypeScript each time.
// Packages stay external (node_modules); .ts scenarios are still loaded, through tsx on demand.
import { build } from 'esbuild';

import { readdirSync, readFileSync, rmSync } from 'node:fs';

// The modules a .ts scenario imports (defineScenario, tables, variants, interventions, ...) get a
// built copy at dist/src/…, so a scenario loaded by the built CLI shares them (src/scenario/compile.ts).
const scenarioApi = ['src/core', 'src/model', 'src/scenario']
  .flatMap((dir) => readdirSync(dir, { recursive: true }).map((f) => `${dir}/${f}`))
  .concat('src/run-if-main.ts')
  .filter((f) => f.endsWith('.ts'));

// Small pure-JS packages the CLI loads at start are bundled in: Node's module loader spends about a
// millisecond on each file it resolves, and zod, commander and seedrandom alone are 30 files.
// The rest (native code, WebAssembly, the browser and chart stacks, JSON data) stay in node_modules.
const BUNDLED = new Set(['commander', 'zod', 'seedrandom', 'immer', 'd3-array', 'd3-dsv', 'i18next', 'cli-progress']);
const pkg = JSON.parse(readFileSync('package.json', 'utf8'));
const EXTERNAL = Object.keys(pkg.dependencies).filter((d) => !BUNDLED.has(d)).flatMap((d) => [d, `${d}/*`]);

// Chunk names carry content hashes: start from an empty folder so old chunks do not pile up.
rmSync('dist', { recursive: true, force: true });
await build({
  entryPoints: { cli: 'src/cli.ts', worker: 'src/experiment/worker.ts', ...Object.fromEntries(scenarioApi.map((f) => [f.slice(0, -3), f])) },
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
  logLevel: 'warning',
});
