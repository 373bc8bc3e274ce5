/**
 * Initialisation: residents of each border regency (one agent per `scale` working-age persons),
 * the workers already in Malaysia at the start, brokers at each hub and officers at each post.
 */
import { addBroker, addOfficial, initPerson } from './agents.js';
import { Channel, Docs, Status } from './codes.js';
import { PERSON } from './draws.js';
import { CrossingKind } from './geography.js';
import { geometricWeeks, type World } from './state.js';
import { move, startTimer } from './transitions.js';

/** Places an agent at work in Malaysia at the start, at a destination reachable from its origin. */
function placeAbroad(w: World, id: number, irregular: boolean): void {
  const m = w.agents.migrants.cols;
  const person = w.fixed.draws.person;
  const paths = w.fixed.geo.pathsFromOrigin[m.origin[id]!]!;
  const path = paths[Math.floor(person.once(id, PERSON.path) * paths.length)]!;
  m.destination[id] = path.destination;
  m.crossing[id] = path.crossing;
  move(w, id, irregular ? Status.workingIrregular : Status.workingRegular);
  m.irregular[id] = irregular ? 1 : 0;
  m.channel[id] = irregular ? Channel.kin : Channel.procedural;
  if (!irregular) m.docs[id] = Docs.passport;
  // Uniform position in the stay: the rest of a geometric stay is again geometric.
  startTimer(w, id, geometricWeeks(w.fixed.p.contractWeeks, person.once(id, PERSON.stayLeft)));
}

/** Residents of origin `oi`, ids first..first+n−1, some of them already working abroad. */
function initResidents(w: World, oi: number, first: number, n: number): void {
  const p = w.fixed.p;
  const person = w.fixed.draws.person;
  for (let id = first; id < first + n; id++) {
    initPerson(w, id, oi);
    if (person.once(id, PERSON.abroad) < p.initialAbroadShare) placeAbroad(w, id, person.once(id, PERSON.irregular) < p.initialIrregularShare);
  }
}

/** Far-origin workers already abroad, ids first..first+n−1. */
function initFarStock(w: World, oi: number, first: number, n: number): void {
  const p = w.fixed.p;
  const person = w.fixed.draws.person;
  for (let id = first; id < first + n; id++) {
    initPerson(w, id, oi);
    placeAbroad(w, id, person.once(id, PERSON.irregular) < p.initialIrregularShare);
  }
}

export function initPopulation(w: World): void {
  const s = w.fixed.input;
  const p = w.fixed.p;
  const table = w.agents.migrants;
  // Each long loop is a function of its own: V8 then compiles it once, instead of compiling the
  // whole origin loop mid-way and throwing that away when it reaches code it has not yet seen.
  for (let oi = 0; oi < s.origins.length; oi++) {
    const o = s.origins[oi]!;
    const n = Math.round(o.population / w.fixed.scale);
    const first = n > 0 ? table.add(n) : table.count;
    w.agents.originFirst[oi] = first;
    w.agents.originCount[oi] = n;
    initResidents(w, oi, first, n);
    if (o.far && o.inflowPerYear > 0) {
      // Far-origin workers already abroad: a stay's worth of inflow.
      const stock = Math.round((o.inflowPerYear * p.contractWeeks) / 52 / w.fixed.scale);
      initFarStock(w, oi, stock > 0 ? table.add(stock) : 0, stock);
    }
  }

  // Employers' demand before 2020: the workforce each destination has at the start (employers.ts).
  w.agents.demandBase.set(w.agents.employed);

  // Brokers: per hub, a share of traffickers; some can get fraudulent papers; ties at official posts.
  // Brokers are few, so they are kept at their full count at every scale (their capacity is
  // counted in agents instead); the trafficker share is laid out exactly, not drawn.
  s.hubs.forEach((h, hi) => {
    const n = Math.round(h.brokers);
    const traffickers = Math.round(n * h.traffickerShare);
    for (let k = 0; k < n; k++) addBroker(w, hi, k < traffickers ? 1 : 0);
  });

  // Officers at each official crossing, with their collusion propensities.
  s.crossings.forEach((c, ci) => {
    if (w.fixed.geo.crossingKind[ci] === CrossingKind.informal) return;
    for (let k = 0; k < Math.round(c.officers); k++) addOfficial(w, ci);
  });
}
