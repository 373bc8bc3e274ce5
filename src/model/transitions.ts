/**
 * Changes of a migrant's status, the only place they happen: each one is counted (status
 * stocks and the week's from→to transitions), so stocks need no scan and stock–flow
 * conservation can be checked. The shared transitions — being turned back, going home, being
 * identified as a victim — live here so that phases need not import each other.
 */
import { Docs, NO_ID, STATUS_COUNT, Status } from './codes.js';
import { type IdentifiedBy, M } from './metrics.js';
import type { World } from './state.js';
import { draw, geometricWeeks } from './state.js';

/** A new agent appears in a status (initial population, far-origin arrival). */
export function enter(w: World, id: number, to: number): void {
  w.migrants.cols.status[id] = to;
  w.stocks[to]!++;
  w.transitions[STATUS_COUNT * STATUS_COUNT + to]!++;
}

/** Moves a migrant to another status. */
export function move(w: World, id: number, to: number): void {
  const status = w.migrants.cols.status;
  const from = status[id]!;
  status[id] = to;
  w.stocks[from]!--;
  w.stocks[to]!++;
  w.transitions[from * STATUS_COUNT + to]!++;
}

/**
 * Sent back before reaching work (intercepted, or no crossing open to them): home for a while.
 * A broker's debt stays — it was incurred — and now weighs on the next decision; confiscated
 * fraudulent papers and the false promise are gone.
 */
export function turnBack(w: World, id: number, weeks: number): void {
  const m = w.migrants.cols;
  move(w, id, Status.returned);
  m.weeksLeft[id] = weeks;
  m.broker[id] = NO_ID;
  m.deceived[id] = 0;
  m.startNode[id] = m.origin[id]!;
  m.start[id] = 0;
  if (m.docs[id] === Docs.fraudulent) m.docs[id] = Docs.none;
  updateHazardFactor(w, id);
}

/** Home after a stay (or after deportation): as when turned back, and debts are settled from wages. */
export function sendHome(w: World, id: number, u: number): void {
  const m = w.migrants.cols;
  m.victim[id] = 0;
  m.debt[id] = 0;
  turnBack(w, id, geometricWeeks(w.p.returnCooldownWeeks, u));
}

/** Records a victim as identified, sends them to a shelter and opens a case against their broker. */
export function identify(w: World, id: number, by: IdentifiedBy, inMalaysia: boolean): void {
  const m = w.migrants.cols;
  move(w, id, Status.identified);
  m.weeksLeft[id] = geometricWeeks(w.week.shelterWeeks, draw(w, 'shelter', id));
  m.victim[id] = 0;
  m.identifiedBefore[id] = 1;
  w.rec.add(M.identified);
  w.rec.add(M[by]);
  const broker = m.broker[id]!;
  if (broker !== NO_ID) openCase(w, broker, inMalaysia ? 1 : 0, 0);
  m.broker[id] = NO_ID;
}

/** A task-force case against a broker, at investigation (stage 0) or straight at prosecution (1). */
export function openCase(w: World, broker: number, crossBorder: number, stage: number): void {
  const k = w.cases.add();
  w.cases.cols.broker[k] = broker;
  w.cases.cols.stage[k] = stage;
  w.cases.cols.crossBorder[k] = crossBorder;
  if (stage === 0) w.rec.add(M.cases_opened);
}

/** The personal factor of the departure hazard: exp(βk·kin − βd·debt), cached per agent. */
export function updateHazardFactor(w: World, id: number): void {
  const m = w.migrants.cols;
  m.hazardFactor[id] = Math.exp(w.p.betaKin * m.kin[id]! - w.p.betaDebt * m.debt[id]!);
}
