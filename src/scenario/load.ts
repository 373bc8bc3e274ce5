/**
 * Loads a scenario from .ts (default export), .json or .yaml, validates it against the schema
 * and returns a frozen, resolved scenario. A .json/.yaml file may `extends` another scenario
 * file and override parts of it (objects merge, arrays replace).
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, extname, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { parse as parseYaml } from 'yaml';
import { UserError } from '../core/errors.js';
import { deepMerge, parseScenario, type Scenario } from './parse.js';

export { deepMerge, defineScenario, parseScenario, type Scenario } from './parse.js';


type Json = null | boolean | number | string | Json[] | { [k: string]: Json };

let tsxRegistered = false;

/**
 * Imports a scenario module. Run from the built CLI (plain Node), a .ts file needs a TypeScript
 * loader: tsx is registered the first time one is asked for.
 */
async function importCode(url: string, ext: string): Promise<unknown> {
  // Node remembers a failed load of a URL: once tsx is in, .ts files are asked for under another one.
  if (tsxRegistered && ext === '.ts') return import(`${url}?tsx`);
  try {
    return await import(url);
  } catch (e) {
    if (ext !== '.ts' || (e as { code?: string }).code !== 'ERR_UNKNOWN_FILE_EXTENSION') throw e;
    const { register } = await import('tsx/esm/api');
    register();
    tsxRegistered = true;
    return import(`${url}?tsx`);
  }
}

/** Reads a scenario file into plain data, before validation. */
export async function readScenarioFile(path: string, seen: string[] = []): Promise<unknown> {
  const full = resolve(path);
  if (!existsSync(full)) throw new UserError([`scenario file not found: ${path}`]);
  if (seen.includes(full)) throw new UserError([`${path}: extends itself through ${seen.join(' -> ')}`]);
  const ext = extname(full).toLowerCase();
  let data: unknown;
  if (ext === '.ts' || ext === '.js' || ext === '.mjs') {
    const mod = (await importCode(pathToFileURL(full).href, ext)) as { default?: unknown };
    if (mod.default === undefined) throw new UserError([`${path}: expected a default export (export default defineScenario({ ... }))`]);
    data = mod.default;
  } else if (ext === '.json' || ext === '.yaml' || ext === '.yml') {
    const text = readFileSync(full, 'utf8');
    try {
      data = ext === '.json' ? (JSON.parse(text) as Json) : (parseYaml(text) as Json);
    } catch (e) {
      throw new UserError([`${path}: not valid ${ext === '.json' ? 'JSON' : 'YAML'}: ${(e as Error).message.split('\n')[0]}`]);
    }
  } else {
    throw new UserError([`${path}: expected a .ts, .json or .yaml scenario file`]);
  }
  if (data && typeof data === 'object' && !Array.isArray(data) && 'extends' in data) {
    const { extends: parent, ...rest } = data as Record<string, unknown>;
    if (typeof parent !== 'string') throw new UserError([`extends: expected a path to a scenario file`]);
    const base = await readScenarioFile(resolve(dirname(full), parent), [...seen, full]);
    data = deepMerge(base, rest);
  }
  return data;
}

export async function loadScenario(path: string): Promise<Scenario> {
  return parseScenario(await readScenarioFile(path));
}
