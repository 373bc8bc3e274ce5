/**
 * The broker market. Brokering is a business: a broker earns from each person it delivers across
 * the border (the fee, what employers in Malaysia pay per worker, the part of the debt it recovers
 * from wages) and pays for each person it takes on (transport, lodging, papers), for each group a
 * colluding officer waves through (the bribe), a weekly overhead, and the risk of arrest. Each week
 * would-be brokers at a hub enter when brokering there pays more than their other income, and
 * active brokers give up when it pays less; arrests and convictions remove brokers, and whether
 * others take their place is an outcome of the same comparison, not a constant. The earnings are
 * booked where they happen: recruitment.ts (costs), crossing.ts (revenue, bribes).
 */
import { power } from '../core/power.js';
import { addBroker } from './agents.js';
import { M } from './metrics.js';
import { definePhase } from './phase.js';
import type { Params } from './parameters.js';
import { roundStochastic, type World } from './state.js';

/** Would-be brokers enter where brokering pays, active ones leave where it does not. */
export const marketPhase = definePhase('brokerMarket', { reads: ['fixed', 'week'], writes: ['agents', 'beliefs', 'rec'] }, brokerMarket);

/** The logistic function. */
const logistic = (x: number) => 1 / (1 + Math.exp(-x));

/** What the employer side pays a broker per worker delivered this week: the 2019 fee, raised by employers' unmet demand. */
export function employerFee(p: Params, labourDemand: number): number {
  return p.brokerEmployerFeeIdr * power(labourDemand, p.demandFeeElasticity);
}

/** What a broker earns from delivering one person across the border (IDR): the fee, the employer's fee, the debt it recovers. */
export function deliveryRevenue(p: Params, labourDemand: number, debtIdr: number): number {
  return p.brokerFeeIdr + employerFee(p, labourDemand) + p.debtRecoveryShare * debtIdr;
}

/** The bribe a colluding officer takes for one person waved through: a share of what the broker earns from that person. */
export function bribe(p: Params, labourDemand: number, debtIdr: number): number {
  return p.bribeShare * deliveryRevenue(p, labourDemand, debtIdr);
}

/** The debt a broker places on a recruit (IDR): larger, and hidden, when the offer deceives. */
export function recruitDebt(p: Params, deceived: boolean): number {
  return p.brokerDebtIdr * (deceived ? p.deceptionDebtMultiplier : 1);
}

/** Employers' unmet demand for labour this week in the state of a destination (1 = as in 2019). */
export function labourDemandOf(w: World, destination: number): number {
  return w.week.labourDemand[w.fixed.geo.destinationSabah[destination]!]!;
}

/** A would-be broker's weekly other income (IDR): the reservation, in origin wages. */
export function reservationIncome(p: Params, originWageIdr: number): number {
  return (p.brokerReservationMonths * originWageIdr * 12) / 52;
}

/**
 * Weekly entrants expected at a hub: the rate, times the would-be brokers not yet in the business —
 * a pool of `brokerPoolMultiple` times the brokers the hub started with (traders, drivers, returned
 * migrants who know the route), less those active now — times how far profit beats the reservation.
 * The pool is finite so that a market where brokering pays well fills up rather than growing without end.
 */
export function expectedEntrants(p: Params, startingBrokers: number, activeBrokers: number, relativeProfit: number): number {
  const wouldBe = Math.max(0, p.brokerPoolMultiple * startingBrokers - activeBrokers);
  return p.brokerEntryRate * wouldBe * logistic(p.brokerProfitSensitivity * (relativeProfit - 1));
}

/** Weekly chance an active broker gives up: the rate, times how far profit falls short of the reservation. */
export function exitChance(p: Params, relativeProfit: number): number {
  return p.brokerExitRate * logistic(p.brokerProfitSensitivity * (1 - relativeProfit));
}

/** How far a broker's network reaches, relative to a new broker's: 1 + gain · ln(1 + persons moved / scale of the effect). */
export function networkReach(p: Params, movedPersons: number): number {
  return 1 + p.brokerNetworkGain * Math.log1p(movedPersons / p.brokerNetworkPersons);
}

/** The mean origin wage (IDR per month) of the origins a hub serves: what its would-be brokers could earn otherwise. */
function hubOriginWage(w: World, hub: number): number {
  let sum = 0;
  let n = 0;
  const originHub = w.fixed.geo.originHub;
  for (let o = 0; o < originHub.length; o++) {
    if (originHub[o] !== hub) continue;
    sum += w.week.originWageIdr[o]!;
    n++;
  }
  return n ? sum / n : 0;
}

/**
 * The week's market: each hub's net profit per active broker by type (what they earned, less
 * overhead and the risk of arrest as brokers there see it), remembered as a moving average; then
 * entry where it beats the reservation income and exit where it does not. Earnings start again
 * from zero for the next week.
 */
export function brokerMarket(w: World): void {
  const p = w.fixed.p;
  const b = w.agents.brokers.cols;
  const H = w.fixed.geo.hubIds.length;
  const t = w.week.index;
  const memory = p.brokerProfitMemory;
  const active = new Float64Array(H);
  const earned = new Float64Array(H);
  const arrested = new Float64Array(H);
  const n = w.agents.brokers.count;
  for (let id = 0; id < n; id++) {
    const h = b.hub[id]!;
    if (b.arrestedAt[id] === t) arrested[h]!++;
    if (b.active[id] === 1) {
      active[h]!++;
      earned[h]! += b.earned[id]!;
    }
    b.earned[id] = 0;
  }
  const beliefs = w.beliefs;
  const relative = new Float64Array(H);
  for (let h = 0; h < H; h++) {
    // The risk brokers see at the hub: the share arrested this week (of those active before the arrests).
    const seen = active[h]! + arrested[h]! > 0 ? arrested[h]! / (active[h]! + arrested[h]!) : beliefs.brokerRisk[h]!;
    beliefs.brokerRisk[h] = t === 0 ? seen : (1 - memory) * beliefs.brokerRisk[h]! + memory * seen;
    const profit = active[h]! > 0 ? earned[h]! / active[h]! - p.brokerOverheadWeeklyIdr - beliefs.brokerRisk[h]! * p.brokerPenaltyIdr : Number.NaN;
    const before = beliefs.brokerProfit[h]!;
    // No broker at the hub this week: what brokering pays there is what it was believed to pay.
    if (!Number.isNaN(profit)) beliefs.brokerProfit[h] = Number.isNaN(before) ? profit : (1 - memory) * before + memory * profit;
    const reservation = reservationIncome(p, hubOriginWage(w, h));
    relative[h] = reservation > 0 && !Number.isNaN(beliefs.brokerProfit[h]!) ? beliefs.brokerProfit[h]! / reservation : 1;
  }
  // Exit first (the brokers active now), then entry: a new broker's first week is the next one.
  const exits = w.fixed.draws.brokerExit;
  for (let id = 0; id < n; id++) {
    if (b.active[id] !== 1) continue;
    if (exits.u(id, t) < exitChance(p, relative[b.hub[id]!]!)) {
      b.active[id] = 3; // 3: gave up brokering
      w.rec.add(M.brokers_exited);
    }
  }
  // Entrants deceive as often as the hub's brokers do (its trafficker share): who deceives is not a market choice here.
  const entry = w.fixed.draws.brokerEntry;
  w.fixed.input.hubs.forEach((hub, h) => {
    const entrants = roundStochastic(expectedEntrants(p, Math.round(hub.brokers), active[h]!, relative[h]!), entry.u(h, t, 0));
    for (let k = 0; k < entrants; k++) addBroker(w, h, entry.u(h, t, 1 + (k % ENTRANT_TYPE_SLOTS)) < hub.traffickerShare ? 1 : 0);
    w.rec.add(M.brokers_entered, entrants);
  });
}

/** Entrants whose type gets a draw of its own in a week (more share the last one). */
const ENTRANT_TYPE_SLOTS = 63;
