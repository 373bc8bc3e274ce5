/**
 * Changes of a migrant's status, the only place they happen: each one is counted (status
 * stocks and the week's from→to transitions), so stocks need no scan and stock–flow
 * conservation can be checked. The shared transitions — being turned back, going home, being
 * identified as a victim — live here so that phases need not import each other.
 */
import { CaseStage, Docs, Evidence, NO_ID, Place, STATUS_COUNT, Status } from './codes.js';
import { type IdentifiedBy, M } from './metrics.js';
import { isEmployed } from './employers.js';
import type { World } from './state.js';
import { MAX_CO_VICTIMS } from './draws.js';
import { countInProvince, draw, geometricWeeks, ProvinceSlot } from './state.js';

/** A new agent appears in a status (initial population, far-origin arrival). */
export function enter(w: World, id: number, to: number): void {
  w.agents.migrants.cols.status[id] = to;
  track(w, id, Status.home, to);
  w.agents.stocks[to]!++;
  w.agents.transitions[STATUS_COUNT * STATUS_COUNT + to]!++;
  if (to === Status.home) w.agents.homeByOrigin[w.agents.migrants.cols.origin[id]!]!++;
  if (isEmployed(to)) w.agents.employed[w.agents.migrants.cols.destination[id]!]!++;
}

/** Moves a migrant to another status. */
export function move(w: World, id: number, to: number): void {
  const m = w.agents.migrants.cols;
  const from = m.status[id]!;
  m.status[id] = to;
  track(w, id, from, to);
  w.agents.stocks[from]!--;
  w.agents.stocks[to]!++;
  w.agents.transitions[from * STATUS_COUNT + to]!++;
  if (from === Status.home) w.agents.homeByOrigin[m.origin[id]!]!--;
  if (to === Status.home) w.agents.homeByOrigin[m.origin[id]!]!++;
  const was = isEmployed(from);
  if (was !== isEmployed(to)) w.agents.employed[m.destination[id]!]! += was ? -1 : 1;
}

const raidable = (status: number) => status === Status.workingIrregular || status === Status.exploited;

/**
 * Keeps what the sweep reads in step with a status change: those who crossed or were deported
 * are handed on at the next sweep (and at every sweep while they stay so); those who work
 * irregularly or are exploited are in the set the week's raid draws scan, the exploited in the
 * set the NGO-contact draws scan.
 */
function track(w: World, id: number, from: number, to: number): void {
  if (to === Status.crossed || to === Status.deported) handOn(w, id);
  const was = raidable(from);
  if (was !== raidable(to)) {
    if (was) w.agents.exposed.raid.remove(id);
    else w.agents.exposed.raid.add(id);
  }
  if ((from === Status.exploited) !== (to === Status.exploited)) {
    if (to === Status.exploited) w.agents.exposed.contact.add(id);
    else w.agents.exposed.contact.remove(id);
  }
}

/** Puts a person on the calendar of the next sweep (World.timers), which acts on their status then. */
export function handOn(w: World, id: number): void {
  if (w.agents.sweeps < w.agents.timers.length) w.agents.timers[w.agents.sweeps]!.push(id);
}

/**
 * Starts the timer of a person's current status: it runs out at the `weeks`-th sweep from now,
 * this week's counted if it has not begun — as a timer counted down by every sweep would. A
 * timer running out past the horizon is not put on the calendar.
 */
export function startTimer(w: World, id: number, weeks: number): void {
  const due = w.agents.sweeps + weeks - 1;
  w.agents.migrants.cols.due[id] = due;
  if (due < w.agents.timers.length) w.agents.timers[due]!.push(id);
}

/** Weeks left on the timer of a person's status (0 once it has run out), as of now. */
export function weeksLeft(w: World, id: number): number {
  return Math.max(0, w.agents.migrants.cols.due[id]! - w.agents.sweeps + 1);
}

/**
 * Sent back before reaching work (intercepted, or no crossing open to them): home for a while.
 * A broker's debt stays — it was incurred — and now weighs on the next decision; confiscated
 * fraudulent papers and the false promise are gone.
 */
export function turnBack(w: World, id: number, weeks: number): void {
  const m = w.agents.migrants.cols;
  move(w, id, Status.returned);
  startTimer(w, id, weeks);
  m.broker[id] = NO_ID;
  m.deceived[id] = 0;
  m.startNode[id] = m.origin[id]!;
  m.start[id] = 0;
  m.irregular[id] = 0;
  m.papersHeld[id] = 0;
  if (m.docs[id] === Docs.fraudulent) m.docs[id] = Docs.none;
  updateHazardFactor(w, id);
}

/** Home after a stay (or after deportation): as when turned back, and debts are settled from wages. */
export function sendHome(w: World, id: number, u: number): void {
  const m = w.agents.migrants.cols;
  m.victim[id] = 0;
  m.debt[id] = 0;
  turnBack(w, id, geometricWeeks(w.fixed.p.returnCooldownWeeks, u));
}

/**
 * Records a victim as identified and sends them to a shelter; a case is opened against the
 * broker who brought them. The evidence of exploitation in Malaysia makes the case cross-border
 * unless the victim was found at the border before working; the victim may testify.
 */
export function identify(w: World, id: number, by: IdentifiedBy, place: number): void {
  const m = w.agents.migrants.cols;
  move(w, id, Status.identified);
  startTimer(w, id, geometricWeeks(w.week.shelterWeeks, draw(w, 'shelter', id)));
  m.victim[id] = 0;
  m.identifiedBefore[id] = 1;
  w.rec.add(M.identified);
  w.rec.add(M[by]);
  // Counted in the province of the crossing their journey used (or the deportation crossing that returned them);
  // one who never crossed, in the province of their origin's hub.
  const geo = w.fixed.geo;
  const crossing = m.crossing[id]!;
  countInProvince(w, crossing >= 0 ? geo.crossingProvince[crossing]! : geo.hubProvince[geo.originHub[m.origin[id]!]!]!, ProvinceSlot.identified);
  const broker = m.broker[id]!;
  if (broker !== NO_ID) {
    const crossBorder = place === Place.border ? 0 : 1;
    const witness = draw(w, 'testimony', id) < w.fixed.p.testimonyShare ? 1 : 0;
    openCase(w, broker, crossBorder, witness);
    // The agent stands for `scale` victims, who at scale 1 would each name the broker who took
    // them: picked like a recruit's broker among the hub's brokers of the same intent. Their
    // cases join open ones, so the number of brokers facing a case does not depend on the scale.
    const others = Math.min(MAX_CO_VICTIMS, Math.round(w.fixed.scale) - 1);
    if (others > 0) {
      const b = w.agents.brokers.cols;
      const pool: number[] = [];
      // Brokers still in the business (active, or arrested and awaiting trial): not the convicted, nor those who gave up long ago.
      for (let k = 0; k < w.agents.brokers.count; k++) if (b.active[k]! <= 1 && b.hub[k] === b.hub[broker] && b.trafficker[k] === b.trafficker[broker]) pool.push(k);
      for (let j = 0; j < others && pool.length; j++) openCase(w, pool[Math.floor(w.fixed.draws.coVictims.u(id, w.week.index, j) * pool.length)]!, crossBorder, witness);
    }
  }
  m.broker[id] = NO_ID;
}

/**
 * A task-force case against a broker, at investigation. The suspect may flee across the line —
 * and escape, unless the stage allows suspects to be returned; a cross-border case sends for the
 * evidence held in Malaysia as far as the stage allows.
 */
export function openCase(w: World, broker: number, crossBorder: number, witness: number): void {
  const c = w.justice.cases.cols;
  if (w.agents.brokers.cols.active[broker] === 2) return; // already convicted
  const open = w.agents.brokers.cols.openCase[broker]!;
  if (open !== NO_ID && c.stage[open] !== CaseStage.closed) {
    // Another victim of a broker already under investigation joins that case.
    if (witness) c.witness[open] = 1;
    return;
  }
  const k = w.justice.cases.add();
  w.agents.brokers.cols.openCase[broker] = k;
  const cap = w.week.cap;
  const u = (slot: number) => w.fixed.draws.caseTraits.once(k, slot);
  c.broker[k] = broker;
  c.stage[k] = CaseStage.investigation;
  c.crossBorder[k] = crossBorder;
  c.witness[k] = witness;
  c.evidence[k] = Evidence.notNeeded;
  c.waitWeeks[k] = 0;
  w.rec.add(M.cases_opened);
  countInProvince(w, w.fixed.geo.hubProvince[w.agents.brokers.cols.hub[broker]!]!, ProvinceSlot.casesOpened);
  if (crossBorder) {
    const chance = cap.evidenceChance + (1 - cap.evidenceChance) * (cap.evidenceChance > 0 ? w.week.evidenceGain : 0);
    if (u(0) < chance) {
      c.evidence[k] = Evidence.pending;
      c.waitWeeks[k] = geometricWeeks(cap.evidenceWeeks * w.week.evidenceWeeksFactor, u(1));
    } else c.evidence[k] = Evidence.failed;
  }
  if (w.agents.brokers.cols.active[broker] === 1 && u(2) < w.fixed.p.suspectFlight) {
    w.rec.add(M.suspects_fled);
    if (u(3) < cap.suspectReturn) {
      c.stage[k] = CaseStage.suspectAbroad;
      c.waitWeeks[k] = Math.max(c.waitWeeks[k]!, geometricWeeks(cap.returnWeeks, u(4)));
    } else {
      // Out of reach across the line: the case closes and the broker works on from there.
      c.stage[k] = CaseStage.closed;
      w.rec.add(M.suspects_escaped);
    }
  }
}

/** The personal factor of the departure hazard: exp(βk·kin − βd·debt), cached per agent. */
export function updateHazardFactor(w: World, id: number): void {
  const m = w.agents.migrants.cols;
  m.hazardFactor[id] = Math.exp(w.fixed.p.betaKin * m.kin[id]! - w.fixed.p.betaDebt * m.debt[id]!);
  // As stored (float32), so the bound holds for what the sweep reads.
  if (m.hazardFactor[id]! > w.agents.hazardFactorMax) w.agents.hazardFactorMax = m.hazardFactor[id]!;
}
