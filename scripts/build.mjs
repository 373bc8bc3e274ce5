// `npm run build` (also run by `npm ci` through `prepare`): bundles the CLI and the experiment
// worker to dist/ with esbuild, so `lintas` starts without compiling TypeScript each time.
// Packages stay external (node_modules); .ts scenarios are still loaded, through tsx on demand.
import { build } from 'esbuild';

await build({
  entryPoints: { cli: 'src/cli.ts', worker: 'src/experiment/worker.ts' },
  outdir: 'dist',
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  packages: 'external',
  sourcemap: true,
  logLevel: 'warning',
});
