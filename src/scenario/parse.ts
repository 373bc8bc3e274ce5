/**
 * Validation of plain scenario data into a frozen, resolved scenario: the model's input plus
 * what the tools around it need (description, default seed and scale, variants, the source of
 * every parameter). No Node.js imports here: the browser explorer parses scenarios with the
 * same code.
 */
import type { ModelInput } from '../model/input.js';
import { BUILTIN, type InterventionRegistry, registryFor } from '../model/interventions/index.js';
import { EVENTS } from '../model/events/index.js';
import { CORE_PARAM_NAMES } from '../model/parameters.js';
import { ScenarioError, zodIssues } from './errors.js';
import { layersOf, redactIssues } from './provenance.js';
import { extensionsSchema, type ParsedScenario, type ScenarioInput, scenarioSchema, scenarioSchemaFor } from './schema.js';

/**
 * A validated, resolved scenario, as parseScenario and loadScenario return it and runScenario and createModel take it:
 * defaults filled in, frozen, and `params` flattened to one number per parameter, with each one's source note and
 * plausible range beside it (`paramSources`, `paramRanges`).
 */
export type Scenario = Readonly<Omit<ParsedScenario, 'params'>> & {
  /** Every parameter's value: the model's own, and each registered intervention's (its default unless set). */
  readonly params: Readonly<Record<string, number>>;
  readonly paramSources: Readonly<Record<string, string | undefined>>;
  /** The range each parameter plausibly takes, where the scenario or the definition gives one. */
  readonly paramRanges: Readonly<Record<string, readonly [number, number] | undefined>>;
};

// A resolved scenario is a valid model input (checked by the compiler here).
const _isModelInput = (s: Scenario): ModelInput => s;
void _isModelInput;

/** Identity helper that gives a .ts scenario its type. */
export function defineScenario(s: ScenarioInput): ScenarioInput {
  return s;
}

export function deepMerge(base: unknown, over: unknown): unknown {
  if (Array.isArray(over) || over === null || typeof over !== 'object') return over;
  if (base === null || typeof base !== 'object' || Array.isArray(base)) return over;
  const out: Record<string, unknown> = { ...(base as Record<string, unknown>) };
  // Own keys only, and defined rather than assigned: a key "__proto__" from JSON stays data.
  for (const [k, v] of Object.entries(over))
    Object.defineProperty(out, k, { value: Object.hasOwn(out, k) ? deepMerge(out[k], v) : v, enumerable: true, writable: true, configurable: true });
  return out;
}

const schemas = new WeakMap<InterventionRegistry, ReturnType<typeof scenarioSchemaFor>>([[BUILTIN, scenarioSchema]]);

/** The interventions a scenario may schedule: the built-in ones and its own `extensions`. */
function registryOfData(data: unknown): InterventionRegistry {
  const ext = (data as { extensions?: unknown } | null)?.extensions;
  if (ext === undefined) return BUILTIN;
  const parsed = extensionsSchema.safeParse(ext);
  if (!parsed.success)
    throw new ScenarioError(zodIssues(parsed.error).map((i) => ({ path: ['extensions', ...i.path], line: `extensions${i.line.startsWith('[') ? '' : '.'}${i.line}` })));
  try {
    return registryFor(ext as ParsedScenario['extensions']);
  } catch (e) {
    throw new ScenarioError([{ path: ['extensions'], line: `extensions: ${(e as Error).message}` }]);
  }
}

/**
 * Validates plain data into a resolved scenario, or throws a UserError listing every problem.
 * The kinds and parameters it accepts are those of `registry` (default: the built-in
 * interventions and the scenario's own `extensions`).
 */
export function parseScenario(data: unknown, registry?: InterventionRegistry): Scenario {
  try {
    return parseLayered(data, registry ?? registryOfData(data));
  } catch (e) {
    // A problem in a value inherited through `extends` names the file, never the value.
    if (e instanceof ScenarioError && layersOf(data)) throw new ScenarioError(redactIssues(e.issues, layersOf(data)));
    throw e;
  }
}

function parseLayered(data: unknown, registry: InterventionRegistry): Scenario {
  let schema = schemas.get(registry);
  if (!schema) schemas.set(registry, (schema = scenarioSchemaFor(registry)));
  const result = schema.safeParse(data);
  if (!result.success) throw new ScenarioError(zodIssues(result.error, schema));
  const s = result.data;
  const params: Record<string, number> = {};
  const paramSources: Record<string, string | undefined> = {};
  const paramRanges: Record<string, readonly [number, number] | undefined> = {};
  const given = s.params as Record<string, number | { value: number; source: string; range?: [number, number] } | undefined>;
  for (const name of CORE_PARAM_NAMES) {
    const p = given[name]!;
    params[name] = typeof p === 'number' ? p : p.value;
    paramSources[name] = typeof p === 'number' ? undefined : p.source;
    paramRanges[name] = typeof p === 'number' ? undefined : p.range;
  }
  for (const [name, spec] of [...registry.params, ...EVENTS.params]) {
    const p = given[name];
    params[name] = p === undefined ? spec.value : typeof p === 'number' ? p : p.value;
    paramSources[name] = p === undefined ? spec.source : typeof p === 'number' ? undefined : p.source;
    paramRanges[name] = p === undefined ? spec.range : typeof p === 'number' ? undefined : p.range;
  }
  return Object.freeze({ ...s, params: Object.freeze(params), paramSources: Object.freeze(paramSources), paramRanges: Object.freeze(paramRanges) });
}
