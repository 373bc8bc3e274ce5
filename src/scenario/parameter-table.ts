/**
 * Every coefficient of a resolved scenario as rows — name, value, unit, meaning, source, and
 * the intervention that brings it — for docs/parameters.md, scenario.json and the report.
 */
import { type InterventionRegistry, registryFor } from '../model/interventions/index.js';
import { CORE_PARAMS, CORE_PARAM_NAMES } from '../model/parameters.js';
import type { Scenario } from './parse.js';

export interface ParameterRow {
  name: string;
  value: number;
  unit: string;
  meaning: string;
  source: string;
  /** The intervention that brings the parameter, or null for the model's own. */
  intervention: string | null;
}

export function parametersTable(s: Scenario, registry: InterventionRegistry = registryFor(s.extensions)): ParameterRow[] {
  const source = (name: string) => s.paramSources[name] ?? '(none)';
  return [
    ...CORE_PARAM_NAMES.map((name) => ({ name, value: s.params[name]!, unit: CORE_PARAMS[name].unit, meaning: CORE_PARAMS[name].meaning, source: source(name), intervention: null })),
    ...[...registry.params].map(([name, spec]) => ({ name, value: s.params[name]!, unit: spec.unit, meaning: spec.meaning, source: source(name), intervention: spec.intervention })),
  ];
}
