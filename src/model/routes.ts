/**
 * Route choice for everyone about to travel (Flee's weights with learnt risk: enforcement at one
 * crossing moves flows to others) and the networks' learning from this week's interceptions.
 */
import { power } from '../core/power.js';
import { definePhase } from './phase.js';
import { Channel, Docs, NO_ID, Status } from './codes.js';
import { MAX_TIED_CROSSINGS } from './draws.js';
import { CrossingKind, type Path } from './geography.js';
import type { Params } from './parameters.js';
import { draw, geometricWeeks, type World } from './state.js';
import { move, startTimer, turnBack } from './transitions.js';

/** Those ready to travel choose a route and a crossing. */
export const routeChoicePhase = definePhase('routeChoice', { reads: ['fixed', 'beliefs', 'week'], writes: ['agents', 'queues'] }, chooseRoutes);
/** Broker networks and residents update what they believe of each crossing. */
export const brokerLearningPhase = definePhase('brokerLearning', { reads: ['fixed', 'week'], writes: ['beliefs'] }, learnRoutes);

/** Crossings a traveller may use: papers, channel and a broker's contacts decide. */
function allowed(w: World, id: number, c: number): boolean {
  const geo = w.fixed.geo;
  const C = geo.crossingIds.length;
  if (geo.open[w.week.index * C + c] !== 1) return false;
  const m = w.agents.migrants.cols;
  const kind = geo.crossingKind[c]!;
  if (kind === CrossingKind.informal) return m.channel[id] !== Channel.procedural;
  const docs = m.docs[id]!;
  if (docs === Docs.passport || docs === Docs.fraudulent) return true;
  if (docs === Docs.borderPass) return kind === CrossingKind.post && m.channel[id] === Channel.kin;
  const b = m.broker[id]!;
  return b !== NO_ID && c < MAX_TIED_CROSSINGS && (w.agents.brokers.cols.ties[b]! & (1 << c)) !== 0;
}

/** Flee's weight with risk: demand / (s + km)^p · exp(−λ·risk − cost weight · cost in millions). */
export function routeWeight(p: Params, demand: number, path: Path, risk: number): number {
  return pathPull(p, demand, path) * Math.exp(-p.routeRiskWeight * risk - pathCost(p, path));
}

/** The part of a path's weight that holds all run: demand / (s + km)^p. */
const pathPull = (p: Params, demand: number, path: Path) => demand / power(p.routeDistanceOffset + path.km, p.routeDistancePower);
/** Cost weight · cost in millions: with the risk, the exponent of a path's weight. */
const pathCost = (p: Params, path: Path) => (p.routeCostWeight * path.costIdr) / 1e6;

/**
 * What route choice keeps through a run: pathPull and pathCost of every path, per path list
 * (origins', then hubs'), computed once, as the parameters and geography do not change; and the
 * week's weights per pair of path list and source of beliefs, in one table (`weights`, a row of
 * `longest` per pair) marked with the week they were computed for (`week`, week index + 1).
 */
interface RouteTables {
  pull: Float64Array[];
  cost: Float64Array[];
  longest: number;
  weights: Float64Array;
  week: Int32Array;
  /** Scratch: one traveller's weights, after the paths closed to them. */
  open: Float64Array;
}
const routeTables = new WeakMap<World, RouteTables>();

function routeTablesOf(w: World): RouteTables {
  let rt = routeTables.get(w);
  if (!rt) {
    const p = w.fixed.p;
    const lists = [...w.fixed.geo.pathsFromOrigin, ...w.fixed.geo.pathsFromHub];
    const per = (f: (pa: Path) => number) => lists.map((ps) => Float64Array.from(ps, f));
    // Sized to the longest path list so any geography fits.
    const longest = Math.max(1, ...lists.map((ps) => ps.length));
    const pairs = lists.length * (w.fixed.geo.hubIds.length + 1);
    rt = {
      pull: per((pa) => pathPull(p, w.fixed.input.destinations[pa.destination]!.demand, pa)),
      cost: per((pa) => pathCost(p, pa)),
      longest,
      weights: new Float64Array(pairs * longest),
      week: new Int32Array(pairs),
      open: new Float64Array(longest),
    };
    routeTables.set(w, rt);
  }
  return rt;
}

/** Everyone ready to travel picks a crossing and destination, then sets off. */
export function chooseRoutes(w: World): void {
  const m = w.agents.migrants.cols;
  const geo = w.fixed.geo;
  const C = geo.crossingIds.length;
  const q = w.queues.ready;
  const rt = routeTablesOf(w);
  const lambda = w.fixed.p.routeRiskWeight;
  const { longest, weights: known, week: knownWeek, open: weights } = rt;
  const stamp = w.week.index + 1;
  // Beliefs and demand hold all week, so a path's weight depends only on where the traveller starts
  // and whose beliefs guide them (a hub's brokers, or the community): computed once a week per pair.
  const O = geo.pathsFromOrigin.length;
  const H = geo.hubIds.length;
  for (let i = 0; i < q.length; i++) {
    const id = q.ids[i]!;
    const fromHub = m.start[id] === 1;
    const node = m.startNode[id]!;
    const paths = fromHub ? geo.pathsFromHub[node]! : geo.pathsFromOrigin[node]!;
    const b = m.broker[id]!;
    const source = b !== NO_ID ? w.agents.brokers.cols.hub[b]! : H;
    const list = (fromHub ? O : 0) + node;
    const slot = list * (H + 1) + source;
    const at = slot * longest;
    if (knownWeek[slot] !== stamp) {
      // routeWeight, from the parts that hold all run.
      knownWeek[slot] = stamp;
      const pull = rt.pull[list]!;
      const cost = rt.cost[list]!;
      const belief = source < H ? w.beliefs.broker : w.beliefs.community;
      const row = source < H ? source * C : 0;
      for (let k = 0; k < paths.length; k++) known[at + k] = pull[k]! * Math.exp(-lambda * belief[row + paths[k]!.crossing]! - cost[k]!);
    }
    // A broker with a colluding contact at a post weighs that post by what its contacts have delivered.
    const ties = b !== NO_ID ? w.agents.brokers.cols.ties[b]! : 0;
    let total = 0;
    for (let k = 0; k < paths.length; k++) {
      const c = paths[k]!.crossing;
      let wt = allowed(w, id, c) ? known[at + k]! : 0;
      if (ties !== 0 && wt > 0 && c < MAX_TIED_CROSSINGS && (ties & (1 << c)) !== 0 && geo.crossingKind[c] !== CrossingKind.informal) wt *= Math.exp(-lambda * (w.beliefs.tied[c]! - w.beliefs.broker[source * C + c]!));
      weights[k] = wt;
      total += wt;
    }
    if (total === 0) {
      // Nowhere open to this traveller this week: back home to try another time.
      turnBack(w, id, geometricWeeks(w.fixed.p.returnCooldownWeeks * w.fixed.p.turnBackCooldownShare, draw(w, 'cooldown', id)));
      continue;
    }
    let x = draw(w, 'route', id) * total;
    let k = 0;
    while (x >= weights[k]! && k < paths.length - 1) x -= weights[k++]!;
    const pa = paths[k]!;
    m.crossing[id] = pa.crossing;
    m.destination[id] = pa.destination;
    move(w, id, Status.travelling);
    // Travel of under a week still takes this week: the crossing is resolved next week.
    startTimer(w, id, Math.max(1, Math.ceil(pa.hours / 168)));
  }
  q.clear();
}

/** Exponential moving average of the interception rate: the belief after one more week. */
export function updateBelief(belief: number, attempts: number, intercepts: number, alpha: number): number {
  return attempts > 0 ? (1 - alpha) * belief + (alpha * intercepts) / attempts : belief;
}

/** Networks update their belief about each crossing from this week's interceptions (EMA). */
export function learnRoutes(w: World): void {
  const C = w.fixed.geo.crossingIds.length;
  const H = w.fixed.geo.hubIds.length;
  const alpha = w.fixed.p.learningRate;
  const bl = w.beliefs;
  for (let h = 0; h <= H; h++) {
    const belief = h < H ? bl.broker.subarray(h * C, (h + 1) * C) : bl.community;
    for (let c = 0; c < C; c++) belief[c] = updateBelief(belief[c]!, bl.attempts[h * C + c]!, bl.intercepts[h * C + c]!, alpha);
  }
  for (let c = 0; c < C; c++) bl.tied[c] = updateBelief(bl.tied[c]!, bl.tiedAttempts[c]!, bl.tiedIntercepts[c]!, alpha);
  bl.tiedAttempts.fill(0);
  bl.tiedIntercepts.fill(0);
  bl.brokerFlow.fill(0);
  for (let h = 0; h < H; h++) for (let c = 0; c < C; c++) bl.brokerFlow[c]! += bl.attempts[h * C + c]!;
  const rows = bl.flowHistory.length / C;
  bl.flowHistory.set(bl.brokerFlow, (w.week.index % rows) * C);
  bl.attempts.fill(0);
  bl.intercepts.fill(0);
}
