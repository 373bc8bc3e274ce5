/**
 * TypeScript scenarios under the built CLI, on every Node. Registering tsx would start a loader
 * thread and compile all of lintas's sources again (about 0.4 s per process and per worker), and
 * Node's own type stripping (22, 24) cannot resolve a TypeScript project's imports. Instead
 * esbuild bundles the scenario's own files into one ES module; `lintas` (and `lintas/...`) is
 * pointed at the running package's built files, so a scenario and the CLI share one copy of each
 * lintas module, and any other package is pointed at the file it resolves to from the scenario's
 * folder. The module goes to a content-addressed file in the temporary folder, written whole (a
 * temporary name renamed), so workers can share it; an index per scenario file lists the sources
 * bundled, and while none of them changes (size and modification time) the next process imports
 * the module without starting esbuild.
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, extname, join, relative, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { UserError } from '../core/errors.js';
import { writeFileAtomic } from '../io/atomic.js';

/** The package root, when this code runs from dist/ (undefined when it runs from src/). */
function builtRoot(): string | undefined {
  const here = fileURLToPath(import.meta.url);
  const root = resolve(dirname(here), '..');
  return relative(join(root, 'dist'), here).startsWith('..') ? undefined : root;
}

/** True when this code runs from dist/ beside the package's built public API. */
export function canCompile(): boolean {
  const root = builtRoot();
  return root !== undefined && existsSync(join(root, 'dist', 'index.js'));
}

/** The built file of a `lintas` or `lintas/...` import (package.json "exports"), or undefined. */
function builtEntry(root: string, specifier: string): string | undefined {
  if (specifier === 'lintas') return join(root, 'dist', 'index.js');
  const sub = /^lintas\/(report|scenarios\/[\w-]+)$/.exec(specifier)?.[1];
  return sub ? join(root, 'dist', `${sub}.js`) : undefined;
}

/** The `import.meta` fields a bundled file would otherwise take from the bundle's location. */
const META = /\bimport\.meta\.(url|filename|dirname)\b/g;

/**
 * The folder of compiled scenarios (modules named by their content, an index per scenario file):
 * one per user, readable and writable by that user alone, since whatever is in it gets run.
 */
function cacheDir(): string {
  const uid = process.getuid?.() ?? 0;
  const dir = join(tmpdir(), `lintas-scenarios-${uid}`);
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  const st = statSync(dir);
  if (st.uid !== uid || (st.mode & 0o077) !== 0)
    throw new UserError([`${dir}: compiled scenarios must be kept in a folder only you can write (owner ${st.uid}, mode ${(st.mode & 0o777).toString(8)}); remove it or set TMPDIR`]);
  return dir;
}

interface CacheIndex {
  /** Every source file in the bundle, with the size and time it had when bundled. */
  inputs: [file: string, size: number, mtimeMs: number][];
  module: string;
}

/** The compiled module of `file` if none of its sources changed since (no esbuild process to start). */
function cached(index: string): string | undefined {
  try {
    const c = JSON.parse(readFileSync(index, 'utf8')) as CacheIndex;
    const out = join(dirname(index), c.module);
    if (!existsSync(out)) return undefined;
    for (const [f, size, mtimeMs] of c.inputs) {
      const st = statSync(f);
      if (st.size !== size || st.mtimeMs !== mtimeMs) return undefined;
    }
    return out;
  } catch {
    return undefined;
  }
}

/** Writes `text` to `file` whole, so concurrent readers (other threads, other processes) never see part of it. */
function writeWhole(file: string, text: string): void {
  mkdirSync(dirname(file), { recursive: true });
  writeFileAtomic(file, text);
}

/** Bundles the scenario at `file` (or reuses its bundle) and imports it; esbuild's errors are thrown as they are. */
export async function importCompiled(file: string): Promise<unknown> {
  const root = builtRoot()!;
  const dir = cacheDir();
  const index = join(dir, `${createHash('sha256').update(`${root}\0${file}`).digest('hex').slice(0, 24)}.json`);
  const hit = cached(index);
  if (hit) return import(pathToFileURL(hit).href);
  const { build } = await import('esbuild');
  const result = await build({
    entryPoints: [file],
    bundle: true,
    write: false,
    format: 'esm',
    platform: 'node',
    target: 'node20',
    logLevel: 'silent',
    metafile: true,
    plugins: [
      {
        name: 'lintas-packages',
        setup(b) {
          // Packages stay outside the bundle, named by the file they resolve to from the scenario's
          // folder: the bundle is imported from the temporary folder, where a bare name finds nothing.
          b.onResolve({ filter: /^[^./]/ }, async (args) => {
            if (args.path.startsWith('node:') || args.pluginData === 'inner') return undefined;
            const own = builtEntry(root, args.path);
            if (own) return existsSync(own) ? { path: pathToFileURL(own).href, external: true } : { errors: [{ text: `${args.path}: no such lintas module` }] };
            const found = await b.resolve(args.path, { kind: args.kind, resolveDir: args.resolveDir, importer: args.importer, pluginData: 'inner' });
            if (found.errors.length) return { errors: found.errors };
            return found.external || !found.path ? { path: args.path, external: true } : { path: pathToFileURL(found.path).href, external: true };
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
  const module = `${createHash('sha256').update(code).digest('hex').slice(0, 24)}.mjs`;
  const out = join(dir, module);
  if (!existsSync(out)) writeWhole(out, code);
  const inputs = Object.keys(result.metafile.inputs).map((f) => {
    const full = resolve(f);
    const st = statSync(full);
    return [full, st.size, st.mtimeMs] as CacheIndex['inputs'][number];
  });
  writeWhole(index, JSON.stringify({ inputs, module } satisfies CacheIndex));
  return import(pathToFileURL(out).href);
}
