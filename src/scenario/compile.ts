/**
 * TypeScript scenarios under the built CLI. Plain Node 20 cannot import a .ts file; registering
 * tsx would start a loader thread and compile all of lintas's sources again (about 0.4 s per
 * process and per worker). Instead esbuild bundles the scenario's own files into one ES module,
 * and every import of lintas's sources is pointed at its built copy in dist/src/, so a scenario
 * and the CLI share one copy of each lintas module. The module goes to a content-addressed file
 * in the temporary folder, written whole (a temporary name renamed), so workers can share it.
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, extname, join, relative, resolve, sep } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { threadId } from 'node:worker_threads';

/** The repository root, when this code runs from dist/ (undefined when it runs from src/). */
function builtRoot(): string | undefined {
  const here = fileURLToPath(import.meta.url);
  const root = resolve(dirname(here), '..');
  return relative(join(root, 'dist'), here).startsWith('..') ? undefined : root;
}

/** True when this code runs from dist/ and the scenario modules' built copies are there. */
export function canCompile(): boolean {
  const root = builtRoot();
  return root !== undefined && existsSync(join(root, 'dist', 'src', 'scenario', 'load.js'));
}

/** The `import.meta` fields a bundled file would otherwise take from the bundle's location. */
const META = /\bimport\.meta\.(url|filename|dirname)\b/g;

/** Bundles the scenario at `file` and imports it; esbuild's errors are thrown as they are. */
export async function importCompiled(file: string): Promise<unknown> {
  const root = builtRoot()!;
  const src = join(root, 'src') + sep;
  const built = join(root, 'dist', 'src');
  const { build } = await import('esbuild');
  const result = await build({
    entryPoints: [file],
    bundle: true,
    write: false,
    format: 'esm',
    platform: 'node',
    target: 'node20',
    packages: 'external',
    logLevel: 'silent',
    plugins: [
      {
        name: 'lintas-sources',
        setup(b) {
          // lintas's own modules: the built copy (one instance shared with the CLI), when there is one.
          b.onResolve({ filter: /^\.\.?\// }, (args) => {
            const target = resolve(args.resolveDir, args.path).replace(/\.js$/, '.ts');
            if (!target.startsWith(src) || !existsSync(target)) return undefined;
            const copy = join(built, relative(src, target)).replace(/\.ts$/, '.js');
            return existsSync(copy) ? { path: pathToFileURL(copy).href, external: true } : undefined;
          });
          // A bundled file still sees its own location in import.meta (data files beside it).
          b.onLoad({ filter: /\.[cm]?[jt]s$/ }, (args) => {
            const text = readFileSync(args.path, 'utf8');
            const url = pathToFileURL(args.path).href;
            const contents = text.replace(META, (_, field: string) =>
              JSON.stringify(field === 'url' ? url : field === 'filename' ? args.path : dirname(args.path)),
            );
            const ext = extname(args.path);
            return { contents, loader: ext === '.ts' || ext === '.mts' || ext === '.cts' ? 'ts' : 'js' };
          });
        },
      },
    ],
  });
  const code = result.outputFiles[0]!.text;
  const dir = join(tmpdir(), 'lintas-scenarios');
  const out = join(dir, `${createHash('sha256').update(code).digest('hex').slice(0, 24)}.mjs`);
  if (!existsSync(out)) {
    mkdirSync(dir, { recursive: true });
    const part = `${out}.${process.pid}.${threadId}.part`;
    writeFileSync(part, code);
    renameSync(part, out);
  }
  return import(pathToFileURL(out).href);
}
