/**
 * The model API, in the spirit of Agents.jl's step!/run!: createModel(input, { seed, scale })
 * builds the world and its population once; step() runs one week; run(weeks) runs on. The CLI,
 * the workers, the explorer and the notebooks all go through it, so there is one construction
 * order and one weekly schedule.
 *
 * Each week: conditions for the week, then every agent decides (the sweep), then the resolving
 * phases in a fixed order, then learning and the record.
 */
import type { Recorder } from '../core/recorder.js';
import { Schedule, type Phase } from '../core/schedule.js';
import { updateWeek } from './calendar.js';
import { resolveCrossings } from './crossing.js';
import { sweep } from './decide.js';
import { chooseChannel, farInflow } from './departures.js';
import { deport, raids, reenter } from './enforcement.js';
import type { ModelInput } from './input.js';
import { type InterventionRegistry, registryFor } from './interventions/index.js';
import { advanceCases, ngoIdentification } from './justice.js';
import { M, STOCK_SLOTS } from './metrics.js';
import { monitorOfficials } from './officials.js';
import { assignPatrols } from './patrols.js';
import { initPopulation } from './population.js';
import { recruit } from './recruitment.js';
import { chooseRoutes, learnRoutes } from './routes.js';
import { createWorld, type World } from './state.js';
import { initKey, type SpinUps, spinUpKey } from './fork.js';
import { takeWork, goHome } from './work.js';

const phase = (name: string, run: (w: World) => void): Phase<World> => ({ name, run: (w) => run(w) });

export const PHASES: readonly Phase<World>[] = [
  phase('calendar', (w) => updateWeek(w, w.tick)),
  phase('patrols', assignPatrols),
  // decide
  phase('sweep', sweep),
  phase('farInflow', farInflow),
  phase('reentry', reenter),
  phase('channelChoice', chooseChannel),
  phase('recruitment', recruit),
  phase('routeChoice', chooseRoutes),
  // resolve
  phase('crossing', resolveCrossings),
  phase('work', takeWork),
  phase('ngoIdentification', ngoIdentification),
  phase('raids', raids),
  phase('deportation', deport),
  phase('goHome', goHome),
  phase('justice', advanceCases),
  // learn and record
  phase('brokerLearning', learnRoutes),
  phase('officialLearning', monitorOfficials),
  phase('record', recordStocks),
];

/** Stocks are kept on every transition (transitions.ts), so recording them needs no scan of the agents. */
function recordStocks(w: World): void {
  for (let s = 0; s < STOCK_SLOTS.length; s++) w.rec.set(STOCK_SLOTS[s]!, w.agents.stocks[s]!);
  w.rec.set(M.agents, w.agents.migrants.count);
  let active = 0;
  for (let b = 0; b < w.agents.brokers.count; b++) if (w.agents.brokers.cols.active[b] === 1) active++;
  w.rec.set(M.brokers_active, active);
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
 * A model being simulated week by week: step() runs one week, run() runs on. Its recorder holds each metric's weekly
 * series in agents (not multiplied by scale); summarize(model.state) gives the run's Summary in persons.
 */
export interface Model {
  readonly input: ModelInput;
  /** The state, for reading: agent tables, geography, this week's conditions. */
  readonly state: World;
  readonly recorder: Recorder;
  /** Weeks from start to end of the input's horizon (the spin-up before it is not counted). */
  readonly weeks: number;
  /** Weeks simulated and reported so far. */
  readonly week: number;
  /** Simulates the next week; false (and nothing done) past the horizon. */
  step(): boolean;
  /** Simulates up to `weeks` more weeks (default: to the horizon), calling `onWeek` after each. */
  run(weeks?: number, onWeek?: (week: number, model: Model) => void): Model;
}

const schedule = new Schedule(PHASES);

/**
 * Builds the world, its population at the start of the spin-up, and runs the spin-up weeks (if
 * the input asks for them), so that the first step() is the input's `start`.
 */
export function createModel(input: ModelInput, opts: ModelOptions): Model {
  const state = spinUp(input, opts);
  const horizon = state.fixed.geo.weeks - state.fixed.geo.spinUp;
  const model: Model = {
    input,
    state,
    recorder: state.rec,
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
  };
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
