/**
 * The model stepped one week at a time, for the explorer's worker, through the same createModel
 * as `lintas run`, so a seed and scale give the same weekly numbers. Browser-safe: no Node
 * imports, no DOM.
 */
import { BUILTIN } from '../model/interventions/index.js';
import { METRICS } from '../model/metrics.js';
import { createModel, type Model } from '../model/model.js';
import { CROSSING_COUNTS } from '../model/observe.js';
import { parseScenario, type Scenario } from '../scenario/parse.js';
import type { RunConfig, WeekReport } from './protocol.js';

/** At most this many moving agents are sent per week: enough to see the flows, few enough to draw at 60 fps. */
export const AGENT_SAMPLE = 300;

type Data = Record<string, unknown>;

/**
 * The scenario data with the controls applied, as plain copies (the input is not changed):
 * each non-zero intervention becomes an entry from the scenario start; a chosen stage replaces
 * the scenario's stages from its start.
 */
export function applyControls(scenarioData: unknown, config: RunConfig): unknown {
  if (scenarioData === null || typeof scenarioData !== 'object' || Array.isArray(scenarioData)) return scenarioData;
  const data = scenarioData as Data;
  const start = data.start as string;
  const added = BUILTIN.kinds.filter((k) => (config.interventions[k] ?? 0) > 0).map((kind) => ({
    kind,
    start,
    intensity: config.interventions[kind]!,
    note: 'explorer control',
  }));
  const out: Data = { ...data };
  if (added.length) out.interventions = [...((data.interventions as unknown[] | undefined) ?? []), ...added];
  if (config.stage) out.stages = [{ date: start, stage: config.stage, source: 'explorer control' }];
  return out;
}

export class Run {
  readonly scenario: Scenario;
  readonly model: Model;
  readonly weeks: number;

  constructor(
    scenarioData: unknown,
    readonly config: RunConfig,
    readonly id = 0,
  ) {
    this.scenario = parseScenario(applyControls(scenarioData, config));
    this.model = createModel(this.scenario, { seed: config.seed, scale: config.scale });
    this.weeks = this.model.weeks;
  }

  get week(): number {
    return this.model.week;
  }

  /** Simulates the next week and reports it, or returns null past the horizon. */
  step(): WeekReport | null {
    if (!this.model.step()) return null;
    return this.report();
  }

  /** The week just simulated, read through the model's observation API: the same values `lintas run` writes. */
  private report(): WeekReport {
    const o = this.model.observe();
    const metrics: Record<string, number> = {};
    for (const m of METRICS) metrics[m] = o.metrics[m];
    const perCrossing = Float64Array.from(o.crossings.flatMap((c) => CROSSING_COUNTS.map((k) => c[k])));
    const { agents, moving } = this.model.travellers(AGENT_SAMPLE);
    return { run: this.id, week: o.week, date: o.date, metrics, perCrossing, open: o.open, agents, moving };
  }
}
