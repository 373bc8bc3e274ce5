/**
 * The weekly schedule of the border model: conditions for the week, then every agent decides
 * (the sweep), then the resolving phases in a fixed order, then learning and the record.
 */
import { Schedule, type Phase } from '../core/schedule.js';
import type { Scenario } from '../scenario/load.js';
import { chooseRoutes, learnRoutes, recruit } from './brokers.js';
import { updateWeek } from './calendar.js';
import { STATUS_NAMES } from './codes.js';
import { resolveCrossings } from './crossing.js';
import { deport, raids } from './enforcement.js';
import { advanceCases, ngoIdentification } from './justice.js';
import { chooseChannel, farInflow, goHome, reenter, sweep, takeWork } from './migrants.js';
import { monitorOfficials } from './officials.js';
import { assignPatrols } from './patrols.js';
import { initPopulation } from './population.js';
import { createWorld, type World } from './world.js';

const phase = (name: string, run: (w: World) => void): Phase<World> => ({ name, run: (w) => run(w) });

export const PHASES: readonly Phase<World>[] = [
  phase('calendar', (w) => updateWeek(w, w.rec.ticks)),
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

function recordStocks(w: World): void {
  const counts = new Float64Array(STATUS_NAMES.length);
  const status = w.migrants.cols.status;
  const n = w.migrants.count;
  for (let id = 0; id < n; id++) counts[status[id]!]!++;
  STATUS_NAMES.forEach((s, i) => w.rec.set(`stock_${s}`, counts[i]!));
  w.rec.set('agents', n);
  let active = 0;
  for (let b = 0; b < w.brokers.count; b++) if (w.brokers.cols.active[b] === 1) active++;
  w.rec.set('brokers_active', active);
  w.rec.commit();
}

export interface RunOptions {
  seed?: number;
  scale?: number;
  weeks?: number;
  onWeek?: (week: number, w: World) => void;
}

/** Builds the world and runs it to the horizon (or `weeks`). */
export function simulate(scenario: Scenario, opts: RunOptions = {}): World {
  const seed = opts.seed ?? scenario.seed;
  const scale = opts.scale ?? scenario.scale;
  const w = createWorld(scenario, seed, scale);
  initPopulation(w);
  const weeks = Math.min(opts.weeks ?? w.geo.weeks, w.geo.weeks);
  const schedule = new Schedule(PHASES);
  schedule.run(w, weeks, (t) => opts.onWeek?.(t, w));
  return w;
}

