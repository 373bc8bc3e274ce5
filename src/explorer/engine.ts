/**
 * The model stepped one week at a time, for the explorer's worker, through the same createModel
 * as `lintas run`, so a seed and scale give the same weekly numbers. Browser-safe: no Node
 * imports, no DOM.
 */
import { CROSSING_SLOTS, Channel, Status } from '../model/codes.js';
import { BUILTIN } from '../model/interventions/index.js';
import { isScaled, METRICS } from '../model/metrics.js';
import { createModel, type Model } from '../model/model.js';
import type { World } from '../model/state.js';
import { parseScenario, type Scenario } from '../scenario/parse.js';
import { AGENT_STRIDE, Look, type RunConfig, type WeekReport } from './protocol.js';

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

  get world(): World {
    return this.model.state;
  }

  get week(): number {
    return this.model.week;
  }

  /** Simulates the next week and reports it, or returns null past the horizon. */
  step(): WeekReport | null {
    const t = this.model.week;
    if (!this.model.step()) return null;
    return this.report(t);
  }

  private report(t: number): WeekReport {
    const w = this.world;
    const scale = w.fixed.scale;
    const metrics: Record<string, number> = {};
    // The row just committed: the same values summarize() sums for `lintas run`.
    METRICS.forEach((m, i) => {
      const v = w.rec.columns[i]![t]!;
      metrics[m] = isScaled(m) ? v * scale : v;
    });
    const C = w.fixed.geo.crossingIds.length;
    const perCrossing = w.rec.perCrossing.slice(t * C * CROSSING_SLOTS, (t + 1) * C * CROSSING_SLOTS).map((v) => v * scale);
    const open = w.fixed.geo.open.slice((t + w.fixed.geo.spinUp) * C, (t + 1 + w.fixed.geo.spinUp) * C);
    const { agents, moving } = sampleMoving(w);
    return { run: this.id, week: t, date: w.week.date, metrics, perCrossing, open, agents, moving };
  }
}

/**
 * Agents on the move at the end of the week: travelling (on the way to a crossing, crossing
 * next week) or crossed (through this week, on the way to work). An even stride through the
 * table, no random draws, so the sample never disturbs the model's streams.
 */
export function sampleMoving(w: World, max = AGENT_SAMPLE): { agents: Int32Array; moving: number } {
  const m = w.agents.migrants.cols;
  const n = w.agents.migrants.count;
  const ids: number[] = [];
  for (let id = 0; id < n; id++) {
    const s = m.status[id]!;
    if (s === Status.travelling || s === Status.crossed) ids.push(id);
  }
  const take = Math.min(max, ids.length);
  const agents = new Int32Array(take * AGENT_STRIDE);
  for (let k = 0; k < take; k++) {
    const id = ids[Math.floor((k * ids.length) / take)]!;
    const ch = m.channel[id]!;
    const look =
      ch === Channel.procedural ? Look.procedural : ch === Channel.broker ? (m.deceived[id] === 1 ? Look.deceived : Look.broker) : Look.kin;
    agents.set([id, m.status[id]!, m.start[id]!, m.startNode[id]!, m.crossing[id]!, m.destination[id]!, look], k * AGENT_STRIDE);
  }
  return { agents, moving: ids.length };
}
