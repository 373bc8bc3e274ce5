// `npm run build` (also run by `npm ci` and `npm pack` through `prepare`): bundles with esbuild, to
// dist/, the CLI, the experiment worker, the public API (`lintas`, `lintas/report`) and the shipped
// scenarios (`lintas/scenarios/NAME`), so that `lintas` starts without compiling TypeScript and a
// scenario loaded by the CLI shares its modules (src/scenario/compile.ts). One build with
// splitting: every entry imports the same chunks, so there is one copy of each lintas module.
import { build } from 'esbuild';

import { existsSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { basename } from 'node:path';

// Small pure-JS packages the CLI loads at start are bundled in: Node's module loader spends about a
// millisecond on each file it resolves, and zod, commander and seedrandom alone are 30 files.
// The rest (native code, WebAssembly, the browser and chart stacks, JSON data) stay in node_modules.
const BUNDLED = new Set(['commander', 'zod', 'seedrandom', 'immer', 'd3-array', 'd3-dsv', 'i18next', 'cli-progress']);
const pkg = JSON.parse(readFileSync('package.json', 'utf8'));
const EXTERNAL = Object.keys(pkg.dependencies)
  .filter((d) => !BUNDLED.has(d))
  .flatMap((d) => [d, `${d}/*`]);


// Chunk names carry content hashes: start from an empty folder so old chunks do not pile up
// (dist/types, the declarations `npm run build:types` writes, stays: npm pack builds both).
for (const f of existsSync('dist') ? readdirSync('dist') : []) if (f !== 'types') rmSync(`dist/${f}`, { recursive: true, force: true });
await build({
  entryPoints: {
    cli: 'src/cli.ts',
    worker: 'src/experiment/worker.ts',
    index: 'src/index.ts',
    report: 'src/report/index.ts',
  },
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

// The shipped scenarios (`lintas/scenarios/NAME`), one self-contained file each at
// dist/scenarios/NAME.js: they import lintas by its package name, as a user's scenario would,
// which here is the built API beside them; and they read their tables from scenarios/data/ as the
// sources do, so `import.meta.url` in them names their source file (exact, since each output's
// place is known: no shared chunks).
const SCENARIOS = ['baseline', 'paper-interventions'];
await build({
  entryPoints: Object.fromEntries(SCENARIOS.map((n) => [`scenarios/${n}`, `scenarios/${n}.ts`])),
  outdir: 'dist',
  bundle: true,
  format: 'esm',
  platform: 'node',
  target: 'node20.19',
  external: EXTERNAL,
  sourcemap: true,
  logLevel: 'warning',
  plugins: [
    {
      name: 'lintas-scenarios',
      setup(b) {
        b.onResolve({ filter: /^lintas(\/report)?$/ }, (args) => ({ path: args.path === 'lintas' ? '../index.js' : '../report.js', external: true }));
        b.onLoad({ filter: /[\\/]scenarios[\\/][^\\/]+\.ts$/ }, (args) => {
          const source = JSON.stringify(`../../scenarios/${basename(args.path)}`);
          const contents = readFileSync(args.path, 'utf8').replace(/\bimport\.meta\.url\b/g, `new URL(${source}, import.meta.url).href`);
          return { contents, loader: 'ts' };
        });
      },
    },
  ],
});
