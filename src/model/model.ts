/**
 * The model API, in the spirit of Agents.jl's step!/run!: createModel(input, { seed, scale })
 * builds the world and its population once; step() runs one week; run(weeks) runs on. The CLI,
 * the workers, the explorer and the notebooks all go through it, so there is one construction
 * order and one weekly schedule.
 *
 * Each week: conditions for the week, then every agent decides (the sweep), then the resolving
 * phases in a fixed order, then learning and the record.
 */
import { Schedule } from '../core/schedule.js';
import { calendarPhase } from './calendar.js';
import { crossingPhase } from './crossing.js';
import { sweepPhase } from './decide.js';
import { channelPhase, farInflowPhase } from './departures.js';
import { deportationPhase, raidsPhase, reentryPhase } from './enforcement.js';
import type { ModelInput } from './input.js';
import { type InterventionRegistry, registryFor } from './interventions/index.js';
import { justicePhase, ngoPhase } from './justice.js';
import { marketPhase } from './market.js';
import { recordStatistics } from './statistics.js';
import { type DerivedName, M, type MetricName, STOCK_SLOTS } from './metrics.js';
import { type CrossingCount, crossingSeries, type Observation, observe, openSeries, type ProvinceCount, provinceSeries, series, type Travellers, travellers } from './observe.js';
import type { Stage } from './cooperation.js';
import { officialLearningPhase } from './officials.js';
import { patrolsPhase } from './patrols.js';
import { definePhase, type ModelPhase } from './phase.js';
import { initPopulation } from './population.js';
import { recruitmentPhase } from './recruitment.js';
import { brokerLearningPhase, routeChoicePhase } from './routes.js';
import { createWorld, type World } from './state.js';
import { initKey, type SpinUps, spinUpKey } from './fork.js';
import { goHomePhase, workPhase } from './work.js';

/** The record closes the week: stocks, active brokers, the row of metrics; then the clock moves on. */
const recordPhase = definePhase('record', { reads: ['fixed', 'agents', 'justice', 'week'], writes: ['rec'] }, recordStocks);

/** The weekly schedule, each phase with the parts of the World it reads and writes (phase.ts). */
export const PHASES: readonly ModelPhase[] = [
  calendarPhase,
  patrolsPhase,
  // decide
  sweepPhase,
  farInflowPhase,
  reentryPhase,
  channelPhase,
  recruitmentPhase,
  routeChoicePhase,
  // resolve
  crossingPhase,
  workPhase,
  ngoPhase,
  raidsPhase,
  deportationPhase,
  goHomePhase,
  justicePhase,
  marketPhase,
  // learn and record
  brokerLearningPhase,
  officialLearningPhase,
  recordPhase,
];

/** Stocks are kept on every transition (transitions.ts), so recording them needs no scan of the agents. */
function recordStocks(w: World): void {
  for (let s = 0; s < STOCK_SLOTS.length; s++) w.rec.set(STOCK_SLOTS[s]!, w.agents.stocks[s]!);
  w.rec.set(M.agents, w.agents.migrants.count);
  let active = 0;
  for (let b = 0; b < w.agents.brokers.count; b++) if (w.agents.brokers.cols.active[b] === 1) active++;
  w.rec.set(M.brokers_active, active);
  w.rec.set(M.detained_sarawak, w.justice.detention[0].length);
  w.rec.set(M.detained_sabah, w.justice.detention[1].length);
  recordStatistics(w);
  w.rec.close(w.week.out >= 0);
  w.tick++;
}

/** How createModel builds a model beyond its input: the random seed and the scale (persons per agent). */
export interface ModelOptions {
  seed: number;
  /** Persons per agent. */
  scale: number;
  /** The interventions the input may schedule (default: the built-in ones and the input's extensions). */
  interventions?: InterventionRegistry;
  /** Spin-ups kept from earlier runs of this thread (fork.ts): a run whose spin-up is kept starts from a copy of it. */
  spinUps?: SpinUps;
}

/**
 * A model being simulated week by week: step() runs one week, run() runs on; what it shows is read
 * through observe(), series() and the per-crossing series, in persons where a metric counts persons
 * (observe.ts). Its state is its own.
 */
export interface Model {
  readonly input: ModelInput;
  readonly seed: number;
  /** Persons per agent. */
  readonly scale: number;
  /** The crossings' ids, in the input's order: the index the per-crossing series take. */
  readonly crossingIds: readonly string[];
  /** Weeks from start to end of the input's horizon (the spin-up before it is not counted). */
  readonly weeks: number;
  /** Weeks simulated and reported so far. */
  readonly week: number;
  /** Simulates the next week; false (and nothing done) past the horizon. */
  step(): boolean;
  /** Simulates up to `weeks` more weeks (default: to the horizon), calling `onWeek` after each. */
  run(weeks?: number, onWeek?: (week: number, model: Model) => void): Model;
  /** Every metric, derived output and crossing count of a reported week (default: the last one). */
  observe(week?: number): Observation;
  /** A metric's (or a derived output's) weekly values over the reported weeks. */
  series(name: MetricName | DerivedName): Float64Array;
  /** A crossing's weekly count over the reported weeks (crossing by index in `crossingIds`). */
  crossingSeries(crossing: number, count: CrossingCount): Float64Array;
  /** Whether a crossing was open (1) in each reported week. */
  openSeries(crossing: number): Uint8Array;
  /** The provinces crossings and hubs are in, in the input's order of first mention: the index provinceSeries takes. */
  readonly provinceIds: readonly string[];
  /** A province's weekly count over the reported weeks: victims identified, cases opened, people deported. */
  provinceSeries(province: number, count: ProvinceCount): Float64Array;
  /** The levels of every measure and event, and the cooperation stage, in the last week simulated. */
  levers(): { stage: Stage; levels: Readonly<Record<string, number>> };
  /** A sample of at most `max` people on the move now, for a map (observe.ts, Travellers). */
  travellers(max: number): Travellers;
}

const schedule = new Schedule(PHASES);

/** Each model's world, for lintas's own internals and tests (fork.ts, tests/model): not part of the public API. */
const worlds = new WeakMap<Model, World>();

/** The World behind a model: internal (tests and the model's own modules); everything else reads through the Model. */
export function worldOf(model: Model): World {
  const w = worlds.get(model);
  if (!w) throw new Error('not a model made by createModel');
  return w;
}

/**
 * Builds the world, its population at the start of the spin-up, and runs the spin-up weeks (if
 * the input asks for them), so that the first step() is the input's `start`.
 */
export function createModel(input: ModelInput, opts: ModelOptions): Model {
  const state = spinUp(input, opts);
  const horizon = state.fixed.geo.weeks - state.fixed.geo.spinUp;
  const model: Model = {
    input,
    seed: opts.seed,
    scale: opts.scale,
    crossingIds: state.fixed.geo.crossingIds,
    weeks: horizon,
    get week() {
      return state.rec.ticks;
    },
    step() {
      if (state.tick >= state.fixed.geo.weeks) return false;
      schedule.step(state, state.tick);
      return true;
    },
    run(weeks = horizon, onWeek) {
      for (let k = 0; k < weeks && model.step(); k++) onWeek?.(state.rec.ticks - 1, model);
      return model;
    },
    observe: (week) => observe(state, week),
    series: (name) => series(state, name),
    crossingSeries: (crossing, count) => crossingSeries(state, crossing, count),
    openSeries: (crossing) => openSeries(state, crossing),
    provinceIds: state.fixed.geo.provinceIds,
    provinceSeries: (province, count) => provinceSeries(state, province, count),
    levers: () => ({ stage: state.week.stage, levels: { ...state.week.levels } }),
    travellers: (max) => travellers(state, max),
  };
  worlds.set(model, state);
  return model;
}

/**
 * The world at the end of the spin-up: a copy of a kept one, or run (and then kept) from the
 * world before its first week — itself a copy of a kept one, or built (and then kept).
 */
function spinUp(input: ModelInput, opts: ModelOptions): World {
  const shared = opts.spinUps && !opts.interventions ? opts.spinUps : undefined;
  const key = shared ? spinUpKey(input, opts.seed, opts.scale) : null;
  const kept = key ? shared!.take(key, input) : undefined;
  if (kept) return kept;
  const init = shared ? initKey(input, opts.seed, opts.scale) : null;
  let state = init ? shared!.take(init, input) : undefined;
  if (!state) {
    state = createWorld(input, opts.seed, opts.scale, opts.interventions ?? registryFor(input.extensions));
    initPopulation(state);
    if (init && state.fixed.geo.spinUp > 0) shared!.keep(init, state);
  }
  while (state.tick < state.fixed.geo.spinUp) schedule.step(state, state.tick);
  if (key) shared!.keep(key, state);
  return state;
}

/** What simulate takes: the ModelOptions, and optionally a number of weeks to stop after and a callback after each week. */
export interface RunOptions extends ModelOptions {
  /** Stop after this many weeks (default: the horizon). */
  weeks?: number;
  /** Called after each simulated week with its index (0 = the scenario's start; spin-up weeks are not counted) and the model. */
  onWeek?: (week: number, model: Model) => void;
}

/** Builds a model and runs it to the horizon (or `weeks`). */
export function simulate(input: ModelInput, opts: RunOptions): Model {
  return createModel(input, opts).run(opts.weeks, opts.onWeek);
}
