/**
 * What a run of a valid scenario would cost, checked before anything is allocated: the memory
 * its agent tables and outputs take at the chosen scale, the seeds its replicates use, and
 * whether the scale leaves enough agents. `lintas validate`, `run`, `compare`, `sweep` and
 * `sensitivity` all check the same things here. No Node.js imports (the limit comes from the caller).
 */
import { CROSSING_SLOTS } from '../model/codes.js';
import { horizonWeeks } from '../model/geography.js';
import { METRICS } from '../model/metrics.js';
import { MIN_AGENTS_PER_ORIGIN } from '../model/state.js';
import { BROKER_COLUMNS, CASE_COLUMNS, MIGRANT_COLUMNS, OFFICIAL_COLUMNS } from '../model/tables.js';
import type { Scenario } from './parse.js';

/** Default ceiling on one run's memory, in MB (`--max-memory`, LINTAS_MAX_MEMORY_MB). */
export const DEFAULT_MAX_MEMORY_MB = 4096;
/** Agent ids are 32-bit signed integers. */
const MAX_AGENTS = 2 ** 31 - 1;

const BYTES = { u8: 1, u16: 2, i32: 4, u32: 4, f32: 4, f64: 8 } as const;
const rowBytes = (cols: Record<string, keyof typeof BYTES>) => Object.values(cols).reduce((n, k) => n + BYTES[k], 0);
/** Per migrant beyond its columns: id lists, queues, the week's scratch arrays (measured on the baseline, rounded up). */
const MIGRANT_OVERHEAD = 24;

export interface RunSize {
  agents: number;
  weeks: number;
  bytes: number;
}

/** The agents and bytes a run allocates (model/state.ts createWorld, with its capacities). */
export function runSize(s: Scenario, scale: number): RunSize {
  const weeks = s.spinUpWeeks + horizonWeeks(s.start, s.end);
  const reported = weeks - s.spinUpWeeks;
  const years = weeks / 52;
  const contract = s.params.contractWeeks ?? 0;
  let migrants = 1000;
  for (const o of s.origins) migrants += Math.round(o.population / scale) + ((o.inflowPerYear * (years + contract / 52)) / scale) * 1.25 + 50;
  const brokers = Math.max(16, s.hubs.reduce((n, h) => n + Math.round(h.brokers), 0) * 8);
  const officials = Math.max(16, s.crossings.reduce((n, c) => n + Math.round(c.officers), 0) * 40);
  const C = s.crossings.length;
  const starts = s.origins.length + s.hubs.length;
  const bytes =
    migrants * (rowBytes(MIGRANT_COLUMNS) + MIGRANT_OVERHEAD) +
    brokers * rowBytes(BROKER_COLUMNS) +
    officials * rowBytes(OFFICIAL_COLUMNS) +
    (1 << 16) * rowBytes(CASE_COLUMNS) +
    reported * METRICS.length * 8 * 3 + // the recorder, and the timeseries text written from it
    reported * C * CROSSING_SLOTS * 8 +
    weeks * C * 2 + // open and deportOpen
    starts * C * s.destinations.length * 64; // enumerated paths
  return { agents: Math.ceil(migrants + brokers + officials), weeks, bytes };
}

export interface RunPlan {
  seed: number;
  /** Where the seed came from, for the message: the flag or the scenario field. */
  seedFrom: string;
  replicates: number;
  scale: number;
  scaleFrom: string;
  /** Runs at once (worker threads). */
  workers: number;
  maxMemoryMb: number;
}

const mb = (bytes: number) => Math.ceil(bytes / 1024 / 1024);

/** Largest exponent of the departure hazard h0·exp(βw·gap + βu·unemployment + βp·poverty) allowed: far from overflow, with room for the levers. */
export const MAX_HAZARD_EXPONENT = 200;

/**
 * The departure hazard's exponent at its worst over the scenario's wage series (model/calendar.ts):
 * weights so large that it overflows make every count a NaN, so they are refused by name.
 */
function hazardProblems(s: Scenario): string[] {
  const span = (steps: readonly { value: number }[] | undefined): [number, number] =>
    steps?.length ? [Math.min(...steps.map((x) => x.value)), Math.max(...steps.map((x) => x.value))] : [1, 1];
  const my = span(s.series.my_min_wage_myr);
  const fx = span(s.series.fx_idr_per_myr);
  const [dLo, dHi] = [my[0] * fx[0], my[1] * fx[1]];
  let gap = 0;
  for (const o of s.origins) {
    const [lo, hi] = span(s.series[`wage_${o.wageRegion}`]);
    gap = Math.max(gap, Math.abs(Math.log(dHi / lo)), Math.abs(Math.log(dLo / hi)));
  }
  const terms: [string, number][] = [
    ['betaWage', Math.abs(s.params.betaWage ?? 0) * gap],
    ['betaUnemployment', Math.abs(s.params.betaUnemployment ?? 0)],
    ['betaPoverty', Math.abs(s.params.betaPoverty ?? 0)],
  ];
  const worst = terms.reduce((a, [, v]) => a + v, 0);
  if (!(worst > MAX_HAZARD_EXPONENT)) return [];
  const [name] = terms.reduce((a, b) => (b[1] > a[1] ? b : a));
  return [`params.${name}: ${s.params[name]} makes the departure hazard's exponent reach ${worst.toPrecision(3)} (at most ${MAX_HAZARD_EXPONENT} keeps it a number); far outside any plausible weight`];
}

/**
 * Whether seeds seed, seed + 1, …, seed + count − 1 go past 2^53 − 1, computed exactly (BigInt):
 * past it seeds stop being distinct integers. A seed that is not a safe integer is past it.
 */
export function lastSeedPastSafe(seed: number, count: number): boolean {
  if (!Number.isSafeInteger(seed) || !Number.isSafeInteger(count)) return true;
  return BigInt(seed) + BigInt(Math.max(count, 1)) - 1n > BigInt(Number.MAX_SAFE_INTEGER);
}

/** Problems a run of this scenario would meet, one line each (empty: none). */
export function planProblems(s: Scenario, plan: RunPlan): string[] {
  const out: string[] = hazardProblems(s);
  // Exact integer arithmetic: in floating point 2^53 - 2 + 3 - 1 rounds back to 2^53 - 1.
  if (lastSeedPastSafe(plan.seed, plan.replicates))
    out.push(`${plan.seedFrom}: seed ${plan.seed} + ${plan.replicates} replicates goes past 2^53 - 1, where seeds stop being distinct integers`);
  const { scale } = plan;
  if (!(Number.isFinite(scale) && scale >= 1)) {
    out.push(`${plan.scaleFrom}: expected a number >= 1 (persons per agent), got ${scale}`);
    return out;
  }
  s.origins.forEach((o, i) => {
    if (o.population > 0 && Math.round(o.population / scale) < MIN_AGENTS_PER_ORIGIN)
      out.push(`${plan.scaleFrom}: at scale ${scale}, origins[${i}] (${o.population} persons) would have fewer than ${MIN_AGENTS_PER_ORIGIN} agents; use a scale of at most ${Math.max(1, Math.floor(o.population / MIN_AGENTS_PER_ORIGIN))}`);
    else if (o.far && o.inflowPerYear > 0 && o.inflowPerYear / scale < 1)
      out.push(`${plan.scaleFrom}: at scale ${scale}, origins[${i}] (${o.inflowPerYear} persons a year) would send fewer than one agent a year; use a scale of at most ${Math.max(1, Math.floor(o.inflowPerYear))}`);
  });
  const size = runSize(s, scale);
  const need = size.bytes * plan.workers;
  if (size.agents > MAX_AGENTS) out.push(`${plan.scaleFrom}: at scale ${scale} the run would hold ${size.agents} agents, more than ${MAX_AGENTS}; raise the scale`);
  else if (mb(need) > plan.maxMemoryMb)
    out.push(
      `${plan.scaleFrom}: at scale ${scale} the run needs about ${mb(size.bytes)} MB${plan.workers > 1 ? ` × ${plan.workers} workers` : ''} (${size.agents} agents, ${size.weeks} weeks), more than the ${plan.maxMemoryMb} MB allowed; raise the scale, shorten the horizon, or raise the limit with --max-memory MB (or LINTAS_MAX_MEMORY_MB)`,
    );
  return out;
}
