/**
 * Initialisation: residents of each border regency (one agent per `scale` working-age persons),
 * the workers already in Malaysia at the start, brokers at each hub and officers at each post.
 */
import { keyedUniform } from '../core/rng.js';
import { Channel, Docs, NO_ID, Status } from './codes.js';
import { CrossingKind } from './geography.js';
import { drawsFor, geometricWeeks, type World } from './world.js';

const EDUCATION_SHARE = [0.55, 0.38, 0.07]; // assumption: border-regency attainment, cf. IOM's 57% elementary-or-less among victims
const AWARENESS_BY_EDUCATION = [0.75, 1.2, 1.6];

/**
 * Sets the personal attributes of a new migrant agent from its origin. Draws are keyed by the
 * agent id, so a person has the same attributes in every variant of a scenario.
 */
export function initPerson(w: World, id: number, origin: number): void {
  const o = w.scenario.origins[origin]!;
  const m = w.migrants.cols;
  const p = w.p;
  const u = (k: number) => keyedUniform(w.keys.init, id, k);
  m.origin[id] = origin;
  m.status[id] = Status.home;
  m.sex[id] = u(0) < 0.5 ? 0 : 1;
  const a = u(1);
  m.ageGroup[id] = a < 0.3 ? 0 : a < 0.65 ? 1 : 2;
  const e = u(2);
  const edu = e < EDUCATION_SHARE[0]! ? 0 : e < EDUCATION_SHARE[0]! + EDUCATION_SHARE[1]! ? 1 : 2;
  m.education[id] = edu;
  m.kin[id] = u(3) < o.kinShare ? 1 : 0;
  m.awareness[id] = Math.min(1, o.awareness * AWARENESS_BY_EDUCATION[edu]! * (0.75 + 0.5 * u(4)));
  m.wealth[id] = -Math.log(1 - u(5)) * p.wealthMeanMonths;
  m.debt[id] = u(6) < p.debtShare ? -Math.log(1 - u(7)) * p.debtMeanMonths : 0;
  m.docs[id] = !o.far && u(8) < p.borderPassShare ? Docs.borderPass : Docs.none;
  m.broker[id] = NO_ID;
  m.startNode[id] = origin;
  updateHazardFactor(w, id);
}

export function updateHazardFactor(w: World, id: number): void {
  const m = w.migrants.cols;
  m.hazardFactor[id] = Math.exp(w.p.betaKin * m.kin[id]! - w.p.betaDebt * m.debt[id]!);
}

/** Places an agent at work in Malaysia at the start, at a destination reachable from its origin. */
function placeAbroad(w: World, id: number, irregular: boolean): void {
  const m = w.migrants.cols;
  const u = (k: number) => keyedUniform(w.keys.init, id, k);
  const paths = w.geo.pathsFromOrigin[m.origin[id]!]!;
  const path = paths[Math.floor(u(12) * paths.length)]!;
  m.destination[id] = path.destination;
  m.crossing[id] = path.crossing;
  m.status[id] = irregular ? Status.workingIrregular : Status.workingRegular;
  m.channel[id] = irregular ? Channel.kin : Channel.procedural;
  if (!irregular) m.docs[id] = Docs.passport;
  // Uniform position in the stay: the rest of a geometric stay is again geometric.
  m.weeksLeft[id] = geometricWeeks(w.p.contractWeeks, u(13));
}

export function initPopulation(w: World): void {
  const s = w.scenario;
  const p = w.p;
  const table = w.migrants;
  s.origins.forEach((o, oi) => {
    const n = Math.round(o.population / w.scale);
    const first = n > 0 ? table.add(n) : table.count;
    w.originFirst[oi] = first;
    w.originCount[oi] = n;
    for (let id = first; id < first + n; id++) {
      initPerson(w, id, oi);
      const u = (k: number) => keyedUniform(w.keys.init, id, k);
      if (u(10) < p.initialAbroadShare) placeAbroad(w, id, u(11) < p.initialIrregularShare);
    }
    if (o.far && o.inflowPerYear > 0) {
      // Far-origin workers already abroad: a stay's worth of inflow.
      const stock = Math.round((o.inflowPerYear * p.contractWeeks) / 52 / w.scale);
      const f = stock > 0 ? table.add(stock) : 0;
      for (let id = f; id < f + stock; id++) {
        initPerson(w, id, oi);
        placeAbroad(w, id, keyedUniform(w.keys.init, id, 11) < p.initialIrregularShare);
      }
    }
  });

  // Brokers: per hub, a share of traffickers; some can get fraudulent papers; ties at official posts.
  // One broker agent stands for `scale` brokers, like migrants. The trafficker share is laid out
  // exactly (not drawn), so a scaled-down run keeps the hub's mix.
  s.hubs.forEach((h, hi) => {
    const n = h.brokers > 0 ? Math.max(1, Math.round(h.brokers / w.scale)) : 0;
    const traffickers = Math.round(n * h.traffickerShare);
    for (let k = 0; k < n; k++) addBroker(w, hi, k < traffickers ? 1 : 0);
  });

  // Officers at each official crossing, with their collusion propensities.
  s.crossings.forEach((c, ci) => {
    if (w.geo.crossingKind[ci] === CrossingKind.informal) return;
    for (let k = 0; k < Math.round(c.officers); k++) addOfficial(w, ci);
  });
}

export function addBroker(w: World, hub: number, trafficker: number): number {
  const b = w.brokers.cols;
  const id = w.brokers.add();
  const u = drawsFor(w, 'brokerInit', id);
  b.hub[id] = hub;
  b.trafficker[id] = trafficker;
  b.active[id] = 1;
  b.fraudAccess[id] = u(0) < w.p.fraudDocAccess ? 1 : 0;
  // Ties at official crossings reachable from the hub, each with chance ties/count.
  const reachable = [...new Set(w.geo.pathsFromHub[hub]!.map((pa) => pa.crossing))].filter(
    (c) => w.geo.crossingKind[c] !== CrossingKind.informal,
  );
  let ties = 0;
  const chance = reachable.length ? Math.min(1, w.p.brokerTiesPerBroker / reachable.length) : 0;
  for (const c of reachable) if (u(1 + c) < chance && c < 32) ties |= 1 << c;
  b.ties[id] = ties >>> 0;
  return id;
}

export function addOfficial(w: World, post: number): number {
  const o = w.officials.cols;
  const id = w.officials.add();
  const u = drawsFor(w, 'officialInit', id);
  o.post[id] = post;
  // u^k with k = (1 - c)/c has mean c on 0..1: most officers rarely collude, a few often.
  const c = Math.min(0.999, Math.max(0.001, w.p.collusionMean));
  o.propensity[id] = Math.pow(u(0), (1 - c) / c);
  o.trainDraw[id] = u(1);
  o.active[id] = 1;
  w.postOfficials[post]!.push(id);
  return id;
}
