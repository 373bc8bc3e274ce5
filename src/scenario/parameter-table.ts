/**
 * Every coefficient of a resolved scenario as rows — name, value, unit, meaning, source, and
 * the intervention that brings it — for docs/parameters.md, scenario.json and the report.
 */
import { type InterventionRegistry, registryFor } from '../model/interventions/index.js';
import { EVENTS } from '../model/events/index.js';
import { CORE_PARAMS, CORE_PARAM_NAMES } from '../model/parameters.js';
import type { Scenario } from './parse.js';

export interface ParameterRow {
  name: string;
  value: number;
  unit: string;
  meaning: string;
  source: string;
  /** The range it plausibly takes, or null where none is given. */
  range: readonly [number, number] | null;
  /** The intervention or event that brings the parameter, or null for the model's own. */
  intervention: string | null;
}

export function parametersTable(s: Scenario, registry: InterventionRegistry = registryFor(s.extensions)): ParameterRow[] {
  const source = (name: string) => s.paramSources[name] ?? '(none)';
  const range = (name: string) => s.paramRanges[name] ?? null;
  return [
    ...CORE_PARAM_NAMES.map((name) => ({ name, value: s.params[name]!, unit: CORE_PARAMS[name].unit, meaning: CORE_PARAMS[name].meaning, source: source(name), range: range(name), intervention: null })),
    ...[...registry.params, ...EVENTS.params].map(([name, spec]) => ({ name, value: s.params[name]!, unit: spec.unit, meaning: spec.meaning, source: source(name), range: range(name), intervention: spec.intervention })),
  ];
}
