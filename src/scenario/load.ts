/**
 * Loads a scenario from .ts (default export), .json or .yaml, validates it against the schema
 * and returns a frozen, resolved scenario. A .json/.yaml file may `extends` another scenario
 * file and override parts of it (objects merge, arrays replace).
 *
 * The trust boundary: a .ts scenario is code and runs as such (run only scenario code you trust).
 * A .json/.yaml scenario is data: it is read only if it is a regular file under a size cap, and
 * its `extends` reaches only other .json/.yaml files or a built-in scenario shipped with lintas
 * (`extends: baseline`), never code. Values inherited from another file are never echoed in
 * error messages (provenance.ts).
 */
import { closeSync, constants, existsSync, fstatSync, openSync, readSync, realpathSync, statSync } from 'node:fs';
import { dirname, extname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { UserError } from '../core/errors.js';
import { deepMerge, parseScenario, type Scenario } from './parse.js';
import { type Layer, withLayers } from './provenance.js';
import { applyOverrides } from './overrides.js';
import { canCompile, importCompiled } from './compile.js';

export { deepMerge, defineScenario, parseScenario, type Scenario } from './parse.js';

type Json = null | boolean | number | string | Json[] | { [k: string]: Json };

/** Largest scenario data file read (bytes); LINTAS_MAX_SCENARIO_MB raises it. */
export const MAX_SCENARIO_BYTES = 5 * 1024 * 1024;
/** Longest chain of `extends`. */
export const MAX_EXTENDS_DEPTH = 16;
/** Scenarios shipped with lintas: a .json/.yaml file may extend them by name or by path. */
export const BUILTIN_SCENARIOS = ['baseline', 'paper-interventions'] as const;

const DATA_EXT = new Set(['.json', '.yaml', '.yml']);
const CODE_EXT = new Set(['.ts', '.mts', '.js', '.mjs']);
const FORBIDDEN_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

function maxBytes(): number {
  const mb = Number(process.env.LINTAS_MAX_SCENARIO_MB);
  return Number.isFinite(mb) && mb > 0 ? mb * 1024 * 1024 : MAX_SCENARIO_BYTES;
}

/** The folder holding lintas's own scenarios/ (beside src/ when run from source, dist/ when built). */
function builtinFolder(): string | undefined {
  for (const up of ['../../', '../']) {
    const dir = fileURLToPath(new URL(`${up}scenarios/`, import.meta.url));
    if (existsSync(join(dir, 'baseline.ts'))) return dir;
  }
  return undefined;
}

/** A built-in scenario compiled with lintas (dist/scenarios/NAME.js), when this code runs from dist/. */
function builtCopy(name: string): string | undefined {
  const file = fileURLToPath(new URL(`./scenarios/${name}.js`, import.meta.url));
  return existsSync(file) ? file : undefined;
}

const realOrSelf = (p: string) => {
  try {
    return realpathSync(p);
  } catch {
    return p;
  }
};

/** The file of a built-in scenario named `spec` (its built copy when there is one), or undefined. */
function builtinByName(spec: string): string | undefined {
  if (!(BUILTIN_SCENARIOS as readonly string[]).includes(spec)) return undefined;
  const dir = builtinFolder();
  return builtCopy(spec) ?? (dir ? join(dir, `${spec}.ts`) : undefined);
}

/** Is this file (after symbolic links) one of the built-in scenarios or its built copy? */
function isBuiltin(full: string): boolean {
  const dir = builtinFolder();
  const real = realOrSelf(full);
  return BUILTIN_SCENARIOS.some((n) => {
    const copy = builtCopy(n);
    return (dir !== undefined && realOrSelf(join(dir, `${n}.ts`)) === real) || (copy !== undefined && realOrSelf(copy) === real);
  });
}

/** A file-system error as one line about the file, as the user named it. */
function fsError(e: unknown, shown: string): UserError {
  const code = (e as NodeJS.ErrnoException).code;
  if (code === 'ENOENT' || code === 'ENOTDIR') return new UserError([`scenario file not found: ${shown}`]);
  if (code === 'EACCES' || code === 'EPERM') return new UserError([`${shown}: cannot read the scenario file (permission denied)`]);
  if (code === 'ELOOP') return new UserError([`${shown}: too many symbolic links`]);
  if (code === 'ENAMETOOLONG') return new UserError([`${shown}: file name too long`]);
  if (code) return new UserError([`${shown}: cannot read the scenario file (${code})`]);
  return new UserError([`${shown}: cannot read the scenario file`]);
}

/** A regular file (not a folder, device, pipe or socket), followed through symbolic links. */
function regularFile(full: string, shown: string): number {
  let size: number;
  try {
    const st = statSync(full);
    if (!st.isFile()) throw new UserError([`${shown}: not a regular file`]);
    size = st.size;
  } catch (e) {
    throw e instanceof UserError ? e : fsError(e, shown);
  }
  return size;
}

const tooLarge = (shown: string, cap: number) =>
  new UserError([`${shown}: larger than ${Math.round(cap / 1024 / 1024)} MB, the most a scenario file may be (LINTAS_MAX_SCENARIO_MB raises it)`]);

/** Reads a data file: a regular file, at most the cap, checked again on the open file. */
function readText(full: string, shown: string): string {
  const cap = maxBytes();
  if (regularFile(full, shown) > cap) throw tooLarge(shown, cap);
  let fd: number;
  try {
    // Non-blocking: a file swapped for a pipe after the check cannot hang the open.
    fd = openSync(full, constants.O_RDONLY | (constants.O_NONBLOCK ?? 0));
  } catch (e) {
    throw fsError(e, shown);
  }
  try {
    const st = fstatSync(fd);
    if (!st.isFile()) throw new UserError([`${shown}: not a regular file`]);
    const buf = Buffer.alloc(Math.min(st.size, cap) + 1);
    let n = 0;
    for (let r = 1; r > 0 && n < buf.length; n += r) r = readSync(fd, buf, n, buf.length - n, null);
    if (n > cap) throw tooLarge(shown, cap);
    return buf.toString('utf8', 0, n);
  } catch (e) {
    throw e instanceof UserError ? e : fsError(e, shown);
  } finally {
    closeSync(fd);
  }
}

let tsxRegistered = false;

/**
 * Imports a scenario module. Under the built CLI a .ts file is always bundled by esbuild
 * (compile.ts), on every Node: Node 22 and 24 strip types themselves, but they neither find
 * `./x.js` written for x.ts nor run all of TypeScript, and they refuse .ts files in node_modules.
 * Run from the sources, tsx (or vitest) is already the loader; if not, tsx is registered.
 */
async function importCode(url: string, ext: string): Promise<unknown> {
  const ts = ext === '.ts' || ext === '.mts';
  if (ts && canCompile()) return importCompiled(fileURLToPath(url));
  // Node remembers a failed load of a URL: once tsx is in, .ts files are asked for under another one.
  if (tsxRegistered && ts) return import(`${url}?tsx`);
  try {
    return await import(url);
  } catch (e) {
    if (!ts || (e as { code?: string }).code !== 'ERR_UNKNOWN_FILE_EXTENSION') throw e;
    const { register } = await import('tsx/esm/api');
    register();
    tsxRegistered = true;
    return import(`${url}?tsx`);
  }
}

/** The first informative line of a load error (esbuild's "Transform failed" heads a list). */
function loadMessage(e: unknown): string {
  const msg = e instanceof Error ? e.message : String(e);
  const lines = msg.split('\n').map((l) => l.trim()).filter(Boolean);
  const detail = lines.find((l) => /ERROR:/.test(l)) ?? lines[0] ?? 'unknown error';
  const name = e instanceof Error && e.name !== 'Error' ? `${e.name}: ` : '';
  return `${name}${detail.replace(/^.*?ERROR:\s*/, '')}`.slice(0, 300);
}

/** Runs a scenario module (code) and returns its default export. */
async function readCode(full: string, ext: string, shown: string): Promise<unknown> {
  regularFile(full, shown);
  let mod: { default?: unknown };
  try {
    mod = (await importCode(pathToFileURL(full).href, ext)) as { default?: unknown };
  } catch (e) {
    if (e instanceof UserError) throw e;
    // Outside a package marked "type": "module", a .ts file is read as CommonJS, and Node refuses
    // the require() cycle through lintas's ES modules: tsx's own import reads it as it is.
    // (From the built CLI, Node 20 reports the same refusal as ERR_INTERNAL_ASSERTION "Cannot require() ES Module".)
    const code = (e as { code?: string }).code;
    if (code === 'ERR_REQUIRE_CYCLE_MODULE' || code === 'ERR_REQUIRE_ASYNC_MODULE' || /Cannot require\(\) ES Module/.test((e as Error)?.message ?? '')) {
      try {
        const { tsImport } = await import('tsx/esm/api');
        mod = (await tsImport(pathToFileURL(full).href, import.meta.url)) as { default?: unknown };
      } catch {
        throw new UserError([`${shown}: the scenario code failed to load as an ES module: name it .mts, or put a package.json with "type": "module" in its folder`]);
      }
      return unwrapDefault(mod.default, shown);
    }
    // A syntax error, a missing import or a throw while it runs: the scenario's code, not lintas.
    throw new UserError([`${shown}: the scenario code failed to load: ${loadMessage(e)}`]);
  }
  return unwrapDefault(mod.default, shown);
}

/** The scenario a module exports by default; read as CommonJS, that is its exports' own `default`. */
function unwrapDefault(value: unknown, shown: string): unknown {
  let d = value;
  if (isRecord(d) && 'default' in d && Object.keys(d).every((k) => k === 'default' || k === '__esModule')) d = d.default;
  if (d === undefined) throw new UserError([`${shown}: expected a default export (export default defineScenario({ ... }))`]);
  return d;
}

/** Parses a data file. The YAML parser is imported only for a YAML file: its import costs some 70 ms of every start. */
async function parseData(text: string, ext: string, shown: string, trusted: boolean): Promise<unknown> {
  const format = ext === '.json' ? 'JSON' : 'YAML';
  const parseYaml = ext === '.json' ? undefined : (await import('yaml')).parse;
  // A byte-order mark is taken the same way in both formats: skipped (JSON.parse refused it).
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  // The YAML parser recurses: nesting thousands deep ends in a stack overflow (caught below, after
  // seconds), so a file whose flow collections open far deeper than MAX_DEPTH is refused at once.
  // Nesting past MAX_DEPTH but not that far is refused after parsing (refuseForbiddenKeys).
  if (parseYaml && flowDepth(body) > 1000) throw new UserError([`${shown}: nested more than ${MAX_DEPTH} levels deep`]);
  try {
    return parseYaml ? (parseYaml(body, { maxAliasCount: 100 }) as Json) : (JSON.parse(body) as Json);
  } catch (e) {
    if (/Maximum call stack size exceeded/.test(String((e as Error)?.message))) throw new UserError([`${shown}: nested more than ${MAX_DEPTH} levels deep`]);
    // The parser's message quotes the text: shown for the file given, not for one it extends.
    throw new UserError([trusted ? `${shown}: not valid ${format}: ${(e as Error).message.split('\n')[0]}` : `${shown}: not valid ${format}`]);
  }
}

/** Deepest nesting a scenario data file may have (the schema's own is 5 levels). */
const MAX_DEPTH = 64;

/**
 * How deep a YAML text's flow collections ([ … ], { … }) open, outside quoted strings and
 * comments; an upper bound on their nesting (block nesting is bounded by the file size cap and
 * the indentation it costs, and the parse is checked again after).
 */
function flowDepth(text: string): number {
  let depth = 0;
  let max = 0;
  let quote = '';
  let comment = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (comment) {
      if (c === '\n') comment = false;
    } else if (quote) {
      if (quote === '"' && c === '\\') i++;
      else if (c === quote) quote = '';
    } else if (c === '"' || c === "'") quote = c;
    else if (c === '#' && (i === 0 || /\s/.test(text[i - 1]!))) comment = true;
    else if (c === '[' || c === '{') max = Math.max(max, ++depth);
    else if (c === ']' || c === '}') depth = Math.max(0, depth - 1);
  }
  return max;
}

/** Keys that would reach Object.prototype are refused wherever they appear; so is absurd nesting. */
function refuseForbiddenKeys(data: unknown, shown: string, trusted: boolean): void {
  const stack: [unknown, string, number][] = [[data, '', 0]];
  while (stack.length) {
    const [node, path, depth] = stack.pop()!;
    if (node === null || typeof node !== 'object') continue;
    if (depth >= MAX_DEPTH) throw new UserError([`${shown}: nested more than ${MAX_DEPTH} levels deep`]);
    if (Array.isArray(node)) {
      node.forEach((v, i) => stack.push([v, `${path}[${i}]`, depth + 1]));
      continue;
    }
    for (const key of Object.keys(node)) {
      const at = path ? `${path}.${key}` : key;
      if (FORBIDDEN_KEYS.has(key)) throw new UserError([`${shown}: ${trusted ? `${at}: ` : ''}"${key}" is not a scenario field`]);
      stack.push([(node as Record<string, unknown>)[key], at, depth + 1]);
    }
  }
}

const isRecord = (x: unknown): x is Record<string, unknown> => x !== null && typeof x === 'object' && !Array.isArray(x);

interface Read {
  data: unknown;
  layers: Layer[];
}

/**
 * Reads one file of an `extends` chain and everything it extends. `fromData`: the file that
 * extends this one is data, so this one must be data too (or a built-in scenario).
 */
async function readLayers(full: string, shown: string, seen: string[], fromData: boolean): Promise<Read> {
  if (seen.includes(full)) throw new UserError([`${shown}: extends itself through ${seen.join(' -> ')}`]);
  if (seen.length > MAX_EXTENDS_DEPTH) throw new UserError([`${shown}: more than ${MAX_EXTENDS_DEPTH} files deep in extends`]);
  const top = seen.length === 0;
  const ext = extname(full).toLowerCase();
  const builtin = !top && isBuiltin(full);
  let data: unknown;
  if (CODE_EXT.has(ext)) {
    if (fromData && !builtin)
      throw new UserError([
        `extends ${shown}: a .json or .yaml scenario may extend only .json/.yaml files or a built-in scenario (${BUILTIN_SCENARIOS.join(', ')}); scenario code runs only when named on the command line`,
      ]);
    data = await readCode(full, ext, shown);
  } else if (DATA_EXT.has(ext)) {
    data = await parseData(readText(full, shown), ext, shown, top || builtin);
    // "$schema" points an editor at docs/scenario.schema.json (lintas schema); it is not part of the scenario.
    if (isRecord(data) && Object.hasOwn(data, '$schema')) data = Object.fromEntries(Object.entries(data).filter(([k]) => k !== '$schema'));
    refuseForbiddenKeys(data, shown, top || builtin);
  } else if (top) {
    throw new UserError([`${shown}: expected a .ts, .json or .yaml scenario file`]);
  } else {
    throw new UserError([`extends ${shown}: expected a .json or .yaml scenario file, or a built-in scenario (${BUILTIN_SCENARIOS.join(', ')})`]);
  }
  const layer = (own: unknown): Layer => ({ shown, own, trusted: top || builtin || CODE_EXT.has(ext) });
  if (!isRecord(data) || !Object.hasOwn(data, 'extends')) {
    if (!top && !isRecord(data)) throw new UserError([`extends ${shown}: expected a scenario (an object of fields)`]);
    return { data, layers: [layer(data)] };
  }
  // append and set act on what the file extends (overrides.ts); the rest merges over it.
  const { extends: parent, append, set, ...rest } = data;
  if (typeof parent !== 'string' || parent.trim() === '')
    throw new UserError([`${top ? '' : `${shown}: `}extends: expected a path to a .json or .yaml scenario file, or a built-in scenario (${BUILTIN_SCENARIOS.join(', ')})`]);
  const target = builtinByName(parent) ?? resolve(dirname(full), parent);
  let base: Read;
  try {
    base = await readLayers(target, parent, [...seen, full], DATA_EXT.has(ext));
  } catch (e) {
    // "not found" of an extended file says which file extends it.
    if (e instanceof UserError && e.lines[0] === `scenario file not found: ${parent}`) throw new UserError([`${shown}: extends ${parent}: file not found`]);
    throw e;
  }
  return { data: applyOverrides(deepMerge(base.data, rest), append, set, shown), layers: [layer(rest), ...base.layers] };
}

/** Reads a scenario file into plain data, before validation (it remembers its layers; provenance.ts). */
export async function readScenarioFile(path: string): Promise<unknown> {
  const { data, layers } = await readLayers(resolve(path), path, [], false);
  return withLayers(data, layers);
}

/**
 * Reads a scenario file (.ts, .json or .yaml, following `extends`) and validates it: `parseScenario(await readScenarioFile(path))`.
 * Returns the frozen, resolved scenario; a missing or unreadable file or an invalid scenario throws a UserError with one
 * line per problem. Its `variants` are kept as written (compare resolves and validates them).
 */
export async function loadScenario(path: string): Promise<Scenario> {
  return parseScenario(await readScenarioFile(path));
}
