/**
 * Loads a scenario from .ts (default export), .json or .yaml, validates it against the schema
 * and returns a frozen, resolved scenario. A .json/.yaml file may `extends` another scenario
 * file and override parts of it (objects merge, arrays replace).
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, extname, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { parse as parseYaml } from 'yaml';
import { PARAM_NAMES, type ParamName, type Params } from '../model/parameters.js';
import { UserError, zodLines } from './errors.js';
import { scenarioSchema, type ParsedScenario, type ScenarioInput } from './schema.js';

export type Scenario = Readonly<Omit<ParsedScenario, 'params'>> & {
  readonly params: Readonly<Params>;
  readonly paramSources: Readonly<Record<ParamName, string | undefined>>;
};

/** Identity helper that gives a .ts scenario its type. */
export function defineScenario(s: ScenarioInput): ScenarioInput {
  return s;
}

type Json = null | boolean | number | string | Json[] | { [k: string]: Json };

export function deepMerge(base: unknown, over: unknown): unknown {
  if (Array.isArray(over) || over === null || typeof over !== 'object') return over;
  if (base === null || typeof base !== 'object' || Array.isArray(base)) return over;
  const out: Record<string, unknown> = { ...(base as Record<string, unknown>) };
  for (const [k, v] of Object.entries(over)) out[k] = k in out ? deepMerge(out[k], v) : v;
  return out;
}

/** Reads a scenario file into plain data, before validation. */
export async function readScenarioFile(path: string, seen: string[] = []): Promise<unknown> {
  const full = resolve(path);
  if (!existsSync(full)) throw new UserError([`scenario file not found: ${path}`]);
  if (seen.includes(full)) throw new UserError([`${path}: extends itself through ${seen.join(' -> ')}`]);
  const ext = extname(full).toLowerCase();
  let data: unknown;
  if (ext === '.ts' || ext === '.js' || ext === '.mjs') {
    const mod = (await import(pathToFileURL(full).href)) as { default?: unknown };
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

/** Validates plain data into a resolved scenario, or throws a UserError listing every problem. */
export function parseScenario(data: unknown): Scenario {
  const result = scenarioSchema.safeParse(data);
  if (!result.success) throw new UserError(zodLines(result.error));
  const s = result.data;
  const params = {} as Params;
  const paramSources = {} as Record<ParamName, string | undefined>;
  for (const name of PARAM_NAMES) {
    const p = s.params[name];
    params[name] = typeof p === 'number' ? p : p.value;
    paramSources[name] = typeof p === 'number' ? undefined : p.source;
  }
  return Object.freeze({ ...s, params: Object.freeze(params), paramSources: Object.freeze(paramSources) });
}

export async function loadScenario(path: string): Promise<Scenario> {
  return parseScenario(await readScenarioFile(path));
}
