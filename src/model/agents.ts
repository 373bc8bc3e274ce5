/**
 * How a new agent of each kind is made: a migrant's personal attributes from its origin, a
 * broker's intent, papers and ties, an officer's propensity to collude. Draws are keyed by the
 * agent's id, so a person is the same in every variant.
 */
import { power } from '../core/power.js';
import { Docs, NO_ID, Status } from './codes.js';
import { MAX_TIED_CROSSINGS, PERSON } from './draws.js';
import { CrossingKind } from './geography.js';
import type { World } from './state.js';
import { enter, updateHazardFactor } from './transitions.js';

/** Sets the personal attributes of a new migrant agent from its origin; it starts at home. */
export function initPerson(w: World, id: number, origin: number): void {
  const o = w.fixed.input.origins[origin]!;
  const m = w.agents.migrants.cols;
  const p = w.fixed.p;
  const person = w.fixed.draws.person;
  m.origin[id] = origin;
  enter(w, id, Status.home);
  const e = person.once(id, PERSON.education);
  const edu = e < p.educationPrimaryShare ? 0 : e < 1 - p.educationTertiaryShare ? 1 : 2;
  m.education[id] = edu;
  m.kin[id] = person.once(id, PERSON.kin) < o.kinShare ? 1 : 0;
  // The origin's awareness, by education, spread evenly by ±awarenessJitter between persons.
  const byEducation = edu === 0 ? p.awarenessPrimary : edu === 1 ? p.awarenessSecondary : p.awarenessTertiary;
  m.awareness[id] = Math.min(1, o.awareness * byEducation * (1 - p.awarenessJitter + 2 * p.awarenessJitter * person.once(id, PERSON.awareness)));
  m.wealth[id] = -Math.log(1 - person.once(id, PERSON.wealth)) * p.wealthMeanMonths;
  m.debt[id] = person.once(id, PERSON.inDebt) < p.debtShare ? -Math.log(1 - person.once(id, PERSON.debt)) * p.debtMeanMonths : 0;
  m.docs[id] = !o.far && person.once(id, PERSON.borderPass) < p.borderPassShare ? Docs.borderPass : Docs.none;
  m.broker[id] = NO_ID;
  m.startNode[id] = origin;
  updateHazardFactor(w, id);
}

export function addBroker(w: World, hub: number, trafficker: number): number {
  const b = w.agents.brokers.cols;
  const id = w.agents.brokers.add();
  const u = (slot: number) => w.fixed.draws.brokerTraits.once(id, slot);
  b.hub[id] = hub;
  b.trafficker[id] = trafficker;
  b.active[id] = 1;
  b.openCase[id] = NO_ID;
  b.earned[id] = 0;
  b.moved[id] = 0;
  b.arrestedAt[id] = -1;
  b.fraudAccess[id] = u(0) < w.fixed.p.fraudDocAccess ? 1 : 0;
  // Ties at official crossings reachable from the hub, each with chance ties/count.
  const reachable = [...new Set(w.fixed.geo.pathsFromHub[hub]!.map((pa) => pa.crossing))].filter((c) => w.fixed.geo.crossingKind[c] !== CrossingKind.informal);
  let ties = 0;
  const chance = reachable.length ? Math.min(1, w.fixed.p.brokerTiesPerBroker / reachable.length) : 0;
  for (const c of reachable) if (c < MAX_TIED_CROSSINGS && u(1 + c) < chance) ties |= 1 << c;
  b.ties[id] = ties >>> 0;
  return id;
}

export function addOfficial(w: World, post: number): number {
  const o = w.agents.officials.cols;
  const id = w.agents.officials.add();
  const u = (slot: number) => w.fixed.draws.officerTraits.once(id, slot);
  o.post[id] = post;
  // u^k with k = (1 - c)/c has mean c on 0..1: most officers rarely collude, a few often.
  const c = Math.min(0.999, Math.max(0.001, w.fixed.p.collusionMean));
  o.propensity[id] = power(u(0), (1 - c) / c);
  o.trainDraw[id] = u(1);
  o.active[id] = 1;
  w.agents.postOfficials[post]!.push(id);
  return id;
}
