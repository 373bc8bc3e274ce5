/**
 * Bundles the page script and the simulation worker in memory with esbuild, so `npm run explore`
 * needs no build step and nothing is written to disk.
 */
import { build } from 'esbuild';
import { fileURLToPath } from 'node:url';

const here = (file: string) => fileURLToPath(new URL(file, import.meta.url));

/** app.js and worker.js, as text. */
export async function bundleExplorer(): Promise<{ 'app.js': string; 'worker.js': string }> {
  const result = await build({
    entryPoints: { app: here('./app.ts'), worker: here('./worker.ts') },
    bundle: true,
    format: 'esm',
    platform: 'browser',
    target: 'es2022',
    write: false,
    // A virtual folder: with write: false nothing lands there, it only names the outputs.
    outdir: here('./.bundle'),
    minify: true,
    legalComments: 'none',
    logLevel: 'silent',
  });
  const text = (name: string) => {
    const file = result.outputFiles.find((f) => f.path.endsWith(`/${name}`));
    if (!file) throw new Error(`esbuild produced no ${name}`);
    return file.text;
  };
  return { 'app.js': text('app.js'), 'worker.js': text('worker.js') };
}
