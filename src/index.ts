/**
 * lintas: a deterministic agent-based model of migration and trafficking across the
 * Indonesia–Malaysia border on Borneo.
 *
 * This module is the package's public API (`import { … } from 'lintas'`): what a scenario file,
 * a notebook or a script calls. Everything else under src/ is internal and may change between
 * minor versions (CONTRIBUTING.md, "Versioning"). Chart specifications for notebooks are in
 * `lintas/report`; the shipped scenarios are `lintas/scenarios/baseline` and
 * `lintas/scenarios/paper-interventions`.
 *
 * @packageDocumentation
 */

// Writing scenarios.
export { defineScenario, loadScenario, parseScenario, readScenarioFile, type Scenario } from './scenario/load.js';
export type { Crossing, Destination, Hub, Intervention, Origin, Route, ScenarioInput } from './scenario/schema.js';
export { readSeries, readTable, type Row } from './scenario/tables.js';
export { type DerivedVariant, type VariantMeta, variant } from './scenario/variants.js';
export { runIfMain } from './run-if-main.js';
export { LINTAS_VERSION, SCENARIO_FORMAT_VERSION, type WrittenBy } from './scenario/version.js';

// Interventions: the built-in measures and how to define a new one.
export {
  BUILTIN_INTERVENTIONS,
  type BuiltinKind,
  defineIntervention,
  type HookContext,
  type InterventionDefinition,
  type InterventionParam,
} from './model/interventions/index.js';
export { CORE_PARAMS, type CoreParamName, nonneg, type ParamKind, type Params, type ParamSpec, pos, prob, real } from './model/parameters.js';

// The model, week by week.
export { createModel, type Model, type ModelOptions, type RunOptions, simulate } from './model/model.js';
export { FLOW_METRICS, M, METRIC_DEFS, METRICS, type MetricDef, type MetricName, STOCK_METRICS } from './model/metrics.js';
export { dateOfWeek, stepValue } from './model/geography.js';
export { wageGap } from './model/calendar.js';

// Experiments: one run, comparisons of variants, sweeps, sensitivity analysis, calibration, decisions under uncertainty.
export { runScenario, type RunResult, type RunScenarioOptions, writeRun } from './experiment/run.js';
export { type CrossingSummary, type Summary, summarize } from './experiment/outputs.js';
export { type CompareOptions, type Comparison, compare, type MetricStats, type VariantResult, type WeeklyBand } from './experiment/compare.js';
export { type SweepOptions, sweep } from './experiment/sweep.js';
export { type SensitivityOptions, type SensitivityResult, sensitivity } from './experiment/sensitivity/analysis.js';
export { type CalibrateOptions, type CalibrationResult, calibrate } from './experiment/calibrate/calibrate.js';
export { type DecideOptions, type DecideResult, decide } from './experiment/decide/decide.js';

// Errors a caller may catch: a user's mistake (one line per problem), not a defect of lintas.
export { UserError } from './core/errors.js';
export { ScenarioError } from './scenario/errors.js';
