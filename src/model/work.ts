/**
 * Arrivals take work; stays end and people go home. Whether a worker is trafficked follows the
 * Palermo definition: an act (recruitment, transport or harbouring — by a broker, an agency or
 * the employer), a means (deception, debt bondage to a broker, documents held, or abuse of a position of
 * vulnerability: the threat of denouncing a worker without legal status) and the purpose of
 * exploitation. Legal status decides much of it: employers and brokers have leverage over those
 * who crossed irregularly, through a colluding officer or on fraudulent papers.
 */
import { definePhase } from './phase.js';
import { Channel, NO_ID, Status, TRAFFICKED_SLOT } from './codes.js';
import { M } from './metrics.js';
import type { Params } from './parameters.js';
import { countAt, draw, geometricWeeks, type World } from './state.js';
import { hireChance, sanctionRatio, vacancyAt } from './employers.js';
import { move, sendHome, startTimer, turnBack } from './transitions.js';

/** Arrivals take work, regular or irregular; some are exploited. */
export const workPhase = definePhase('work', { reads: ['fixed', 'week'], writes: ['agents', 'queues', 'rec'] }, takeWork);
/** Those whose stay is over go home. */
export const goHomePhase = definePhase('goHome', { reads: ['fixed', 'week'], writes: ['agents', 'queues', 'rec'] }, goHome);

/** Probability from a base probability and an odds multiplier. */
export function withOdds(base: number, oddsMultiplier: number): number {
  if (base <= 0) return 0;
  if (base >= 1) return 1;
  const odds = (base / (1 - base)) * oddsMultiplier;
  return odds / (1 + odds);
}

/** What gives an employer or broker leverage over a worker, and what holds an employer back. */
export interface Leverage {
  irregular: boolean;
  papersHeld: boolean;
  /** In debt to the broker beyond indebtedMonths. */
  indebted: boolean;
  kin: boolean;
  /** Raid pressure relative to 2019 (the week's raidFactor times the state's raid effort): more raids, more risk of being found with trafficked workers. */
  raidPressure: number;
}

/** Chance the employer a worker is placed with exploits, from who placed them, the leverage over them and the risk of raids. */
export function exploitationChance(p: Params, base: number, l: Leverage): number {
  let m = Math.exp(-p.exploitRaidDeterrence * (l.raidPressure - 1));
  if (l.irregular) m *= p.irregularLeverage;
  if (l.papersHeld) m *= p.papersHeldLeverage;
  if (l.indebted) m *= p.debtLeverage;
  if (l.kin) m *= p.kinProtection;
  return withOdds(base, m);
}

/** Mean weeks a victim stays in exploitation: shorter exit chances without legal status or with documents held. */
export function exploitationStay(p: Params, irregular: boolean, papersHeld: boolean): number {
  return p.exploitationWeeks / ((irregular ? p.exitIrregular : 1) * (papersHeld ? p.exitPapersHeld : 1));
}

export function takeWork(w: World): void {
  const m = w.agents.migrants.cols;
  const p = w.fixed.p;
  const q = w.queues.jobSeekers;
  for (let i = 0; i < q.length; i++) {
    const id = q.ids[i]!;
    const b = m.broker[id]!;
    const channel = m.channel[id]!;
    const irregular = m.irregular[id] === 1;
    const d = m.destination[id]!;
    const state = w.fixed.geo.destinationSabah[d]!;
    // Raid pressure in the worker's state relative to 2019: this week's measures and events times the state's effort.
    const raidPressure = w.week.raidFactor * w.week.raidEffort[state]!;
    // An employer takes on a worker without legal status where it is short of workers and the fine does not weigh too much.
    if (irregular) {
      const raid = (state === 1 ? p.raidRateSabah : p.raidRateSarawak) * raidPressure;
      const chance = hireChance(p, vacancyAt(w, d), sanctionRatio(p, raid));
      if (draw(w, 'hire', id) >= chance) {
        w.rec.add(M.not_hired);
        turnBack(w, id, geometricWeeks(p.returnCooldownWeeks * p.turnBackCooldownShare, draw(w, 'cooldown', id)));
        continue;
      }
    }
    let exploitative: boolean;
    if (channel === Channel.procedural && !irregular) {
      // Licensed placement with a vetted employer: exploited only through a substituted contract.
      if (draw(w, 'contract', id) < p.contractSubstitution) {
        exploitative = true;
        m.deceived[id] = 1;
        w.rec.add(M.contracts_substituted);
      } else exploitative = false;
      if (draw(w, 'papers', id) < p.passportRetention) m.papersHeld[id] = 1;
    } else {
      const trafficker = b !== NO_ID && w.agents.brokers.cols.trafficker[b] === 1;
      const base = trafficker ? p.traffickerExploitPlacement : w.fixed.input.destinations[m.destination[id]!]!.exploitShare;
      const leverage = { irregular, papersHeld: m.papersHeld[id] === 1, indebted: b !== NO_ID && m.debt[id]! > p.indebtedMonths, kin: channel === Channel.kin, raidPressure };
      exploitative = draw(w, 'exploit', id) < exploitationChance(p, base, leverage);
    }
    const threatened = irregular && draw(w, 'threat', id) < p.denunciationThreat;
    // Debt bondage needs a creditor with a hold on the worker: the broker who placed them.
    const means = m.deceived[id] === 1 || (b !== NO_ID && m.debt[id]! > p.indebtedMonths) || m.papersHeld[id] === 1 || threatened;
    if (exploitative && means) {
      move(w, id, Status.exploited);
      m.victim[id] = 1;
      startTimer(w, id, geometricWeeks(exploitationStay(p, irregular, m.papersHeld[id] === 1), draw(w, 'stay', id)));
      w.rec.add(M.trafficked);
      // Where they crossed: the crossing of the journey that brought them (never a draw).
      countAt(w, m.crossing[id]!, TRAFFICKED_SLOT);
      if (b !== NO_ID) w.rec.add(M.trafficked_via_broker);
      if (irregular) w.rec.add(M.trafficked_irregular);
      if (m.traffickedBefore[id] === 1) w.rec.add(M.re_trafficked);
      m.traffickedBefore[id] = 1;
    } else {
      move(w, id, irregular ? Status.workingIrregular : Status.workingRegular);
      startTimer(w, id, geometricWeeks(p.contractWeeks, draw(w, 'stay', id)));
    }
  }
  q.clear();
}

/** Workers whose stay ended, and repatriated victims, go home; debts are settled from wages. */
export function goHome(w: World): void {
  const q = w.queues.returning;
  for (let i = 0; i < q.length; i++) {
    const id = q.ids[i]!;
    sendHome(w, id, draw(w, 'cooldown', id));
    w.rec.add(M.returns_home);
  }
  q.clear();
}
