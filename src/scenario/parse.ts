/**
 * Validation of plain scenario data into a frozen, resolved scenario. No Node.js imports here:
 * the browser explorer parses scenarios with the same code.
 */
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

export function deepMerge(base: unknown, over: unknown): unknown {
  if (Array.isArray(over) || over === null || typeof over !== 'object') return over;
  if (base === null || typeof base !== 'object' || Array.isArray(base)) return over;
  const out: Record<string, unknown> = { ...(base as Record<string, unknown>) };
  for (const [k, v] of Object.entries(over)) out[k] = k in out ? deepMerge(out[k], v) : v;
  return out;
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

