/**
 * What a run shows, read from its state in one place: every metric of a reported week, a metric's
 * weekly series, the per-crossing counts, the derived outputs (the dark figure and the like) — all
 * in persons where a metric counts persons (agent counts × scale). The Model exposes these
 * (model.ts); the CLI, the workers, the explorer, the notebooks and the report read through them,
 * never through the state.
 */
import { Channel, CROSSING_SLOTS, DEPORTED_SLOT, IDENTIFIED_SLOT, OUTCOME_NAMES, Status, TRAFFICKED_SLOT, VISIT_SLOT } from './codes.js';
import { dateOfWeek } from './geography.js';
import { DERIVED_METRICS, type DerivedName, isScaled, M, METRICS, type MetricName } from './metrics.js';
import { PROVINCE_SLOTS, type World } from './state.js';

/** What is counted at each crossing each week: migrant crossings by outcome, visits, and the people trafficked, identified and deported there. */
export const CROSSING_COUNTS = [...OUTCOME_NAMES, 'visits', 'identified', 'deported', 'trafficked'] as const;
/** A count kept per crossing and week (persons). */
export type CrossingCount = (typeof CROSSING_COUNTS)[number];
const SLOT_OF: Record<CrossingCount, number> = {
  regular: 0,
  colluded: 1,
  informal: 2,
  intercepted: 3,
  visits: VISIT_SLOT,
  identified: IDENTIFIED_SLOT,
  deported: DEPORTED_SLOT,
  trafficked: TRAFFICKED_SLOT,
};

/** One reported week as the model shows it. */
export interface Observation {
  /** The reported week (0 = the scenario's start). */
  week: number;
  date: string;
  /** Every metric in METRICS order, in persons where it counts persons; then every derived output. */
  metrics: Record<MetricName | DerivedName, number>;
  /** Per crossing (in the scenario's order), its counts this week in persons: CROSSING_COUNTS. */
  crossings: Record<CrossingCount, number>[];
  /** Whether each crossing was open this week (1) or closed (0). */
  open: Uint8Array;
}

/** The number of weeks reported so far. */
export const reportedWeeks = (w: World): number => w.rec.ticks;

const scaleOf = (w: World, metric: string) => (isScaled(metric) ? w.fixed.scale : 1);

function checkWeek(w: World, week: number): void {
  if (!(Number.isInteger(week) && week >= 0 && week < w.rec.ticks)) throw new RangeError(`week ${week}: expected a reported week, 0..${w.rec.ticks - 1}`);
}

/** A recorded or derived metric's weekly values over the reported weeks, in persons where it counts persons. */
export function series(w: World, name: MetricName | DerivedName): Float64Array {
  const derived = DERIVED_METRICS[name as DerivedName];
  if (derived) {
    const parts = derived.of.map((m) => series(w, m));
    return Float64Array.from({ length: w.rec.ticks }, (_, t) => derived.value(Object.fromEntries(derived.of.map((m, i) => [m, parts[i]![t]!]))));
  }
  const slot = M[name as MetricName];
  if (slot === undefined) throw new RangeError(`unknown metric "${name}"`);
  const s = scaleOf(w, name);
  return Float64Array.from(w.rec.series(slot), (v) => v * s);
}

/** A crossing's weekly count over the reported weeks, in persons. */
export function crossingSeries(w: World, crossing: number, count: CrossingCount): Float64Array {
  const C = w.fixed.geo.crossingIds.length;
  const slot = SLOT_OF[count];
  const scale = w.fixed.scale;
  return Float64Array.from({ length: w.rec.ticks }, (_, t) => w.rec.perCrossing[(t * C + crossing) * CROSSING_SLOTS + slot]! * scale);
}

/** What is counted per province: victims identified there, cases opened against brokers of its hubs, people deported through it. */
export const PROVINCE_COUNTS = ['identified', 'cases_opened', 'deported'] as const;
/** A count kept per province and week. */
export type ProvinceCount = (typeof PROVINCE_COUNTS)[number];

/** A province's weekly count over the reported weeks (persons; cases not scaled). */
export function provinceSeries(w: World, province: number, count: ProvinceCount): Float64Array {
  const P = w.fixed.geo.provinceIds.length;
  const slot = PROVINCE_COUNTS.indexOf(count);
  const scale = count === 'cases_opened' ? 1 : w.fixed.scale;
  return Float64Array.from({ length: w.rec.ticks }, (_, t) => w.rec.perProvince[(t * P + province) * PROVINCE_SLOTS + slot]! * scale);
}

/** Whether a crossing was open in each reported week (1) or closed (0). */
export function openSeries(w: World, crossing: number): Uint8Array {
  const geo = w.fixed.geo;
  const C = geo.crossingIds.length;
  return Uint8Array.from({ length: w.rec.ticks }, (_, t) => geo.open[(t + geo.spinUp) * C + crossing]!);
}

/** Every metric and crossing count of one reported week (default: the last). */
export function observe(w: World, week = w.rec.ticks - 1): Observation {
  checkWeek(w, week);
  const metrics = {} as Record<MetricName | DerivedName, number>;
  METRICS.forEach((m, i) => {
    metrics[m] = w.rec.columns[i]![week]! * scaleOf(w, m);
  });
  for (const [name, d] of Object.entries(DERIVED_METRICS)) metrics[name as DerivedName] = d.value(metrics);
  const geo = w.fixed.geo;
  const C = geo.crossingIds.length;
  const crossings = geo.crossingIds.map((_, c) => {
    const base = (week * C + c) * CROSSING_SLOTS;
    const counts = {} as Record<CrossingCount, number>;
    for (const k of CROSSING_COUNTS) counts[k] = w.rec.perCrossing[base + SLOT_OF[k]]! * w.fixed.scale;
    return counts;
  });
  const open = geo.open.slice((week + geo.spinUp) * C, (week + 1 + geo.spinUp) * C);
  return { week, date: dateOfWeek(w.fixed.input.start, week), metrics, crossings, open };
}

/** How a traveller goes, for a map: a licensed placement, a broker (deceived or not), kin or alone. */
export const Look = { procedural: 0, kin: 1, broker: 2, deceived: 3 } as const;

/** Fields per traveller in `Travellers.agents`: id, status, whether they start from a hub, start node, crossing, destination, look. */
export const TRAVELLER_FIELDS = 7;

/** A sample of the people on the move at the end of the week, for drawing them. */
export interface Travellers {
  /** TRAVELLER_FIELDS numbers per traveller. */
  agents: Int32Array;
  /** How many are on the move in all. */
  moving: number;
}

/**
 * People on the move at the end of the week: travelling (on the way to a crossing, crossing
 * next week) or crossed (through this week, on the way to work). An even stride through the
 * table, no random draws, so the sample never disturbs the model's streams.
 */
export function travellers(w: World, max: number): Travellers {
  const m = w.agents.migrants.cols;
  const n = w.agents.migrants.count;
  const ids: number[] = [];
  for (let id = 0; id < n; id++) {
    const s = m.status[id]!;
    if (s === Status.travelling || s === Status.crossed) ids.push(id);
  }
  const take = Math.min(max, ids.length);
  const agents = new Int32Array(take * TRAVELLER_FIELDS);
  for (let k = 0; k < take; k++) {
    const id = ids[Math.floor((k * ids.length) / take)]!;
    const ch = m.channel[id]!;
    const look = ch === Channel.procedural ? Look.procedural : ch === Channel.broker ? (m.deceived[id] === 1 ? Look.deceived : Look.broker) : Look.kin;
    agents.set([id, m.status[id]!, m.start[id]!, m.startNode[id]!, m.crossing[id]!, m.destination[id]!, look], k * TRAVELLER_FIELDS);
  }
  return { agents, moving: ids.length };
}
