/**
 * Rules of market.ts: what a broker earns from a person delivered (the fee, the employer's fee at
 * the week's labour demand, the debt it recovers) and the bribe out of it, the debt it places, a
 * would-be broker's other income, entry and exit by relative profit, and a broker's network reach;
 * then `brokerMarket` in a small fresh world (scale 2000, no spin-up): profit and risk as brokers
 * at each hub see them, exits and entrants from the keyed draws, and earnings started afresh.
 */
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  bribe,
  brokerMarket,
  deliveryRevenue,
  employerFee,
  exitChance,
  expectedEntrants,
  labourDemandOf,
  networkReach,
  recruitDebt,
  reservationIncome,
} from '../../src/model/market.js';
import type { Params } from '../../src/model/parameters.js';
import { roundStochastic, type World } from '../../src/model/state.js';
import type { Scenario } from '../../src/scenario/load.js';
import { firstWeek, scenarioWith, weekCounts } from './helpers.js';

/** Parameters of the market as the baseline has them (unless a test says otherwise). */
const P = {
  brokerFeeIdr: 1_000_000,
  brokerEmployerFeeIdr: 1_000_000,
  demandFeeElasticity: 1,
  debtRecoveryShare: 0.6,
  bribeShare: 0.2,
  brokerDebtIdr: 3_000_000,
  deceptionDebtMultiplier: 2,
  brokerReservationMonths: 1.5,
  brokerEntryRate: 0.04,
  brokerPoolMultiple: 3,
  brokerExitRate: 0.04,
  brokerProfitSensitivity: 2,
  brokerNetworkGain: 0.3,
  brokerNetworkPersons: 100,
};
const params = (x: Partial<typeof P> = {}) => ({ ...P, ...x }) as unknown as Params;
const logistic = (x: number) => 1 / (1 + Math.exp(-x));
const unit = fc.double({ min: 0, max: 1, noNaN: true });
const demand = fc.double({ min: 0.1, max: 3, noNaN: true });
const idr = fc.double({ min: 0, max: 1e8, noNaN: true });

describe('employerFee', () => {
  it('is the 2019 fee × labour demand ^ demandFeeElasticity', () => {
    expect(employerFee(params(), 1)).toBe(1_000_000);
    expect(employerFee(params(), 1.5)).toBe(1_500_000);
    expect(employerFee(params({ demandFeeElasticity: 2 }), 1.5)).toBe(2_250_000);
    expect(employerFee(params({ demandFeeElasticity: 0.5, brokerEmployerFeeIdr: 800_000 }), 2.25)).toBeCloseTo(1_200_000, 6);
    // Elasticity 0: demand does not matter; no fee: nothing.
    for (const d of [0.5, 1, 2.1]) expect(employerFee(params({ demandFeeElasticity: 0 }), d)).toBe(1_000_000);
    expect(employerFee(params({ brokerEmployerFeeIdr: 0 }), 2)).toBe(0);
  });

  it('rises with demand (elasticity > 0), and faster the higher the elasticity above demand 1', () => {
    fc.assert(
      fc.property(demand, fc.double({ min: 0.01, max: 1, noNaN: true }), fc.double({ min: 0.1, max: 2, noNaN: true }), (d, x, e) => {
        const p = params({ demandFeeElasticity: e });
        expect(employerFee(p, d + x)).toBeGreaterThan(employerFee(p, d));
        if (d > 1) expect(employerFee(params({ demandFeeElasticity: e + x }), d)).toBeGreaterThan(employerFee(p, d));
      }),
    );
  });
});

describe('deliveryRevenue and bribe', () => {
  it('is the fee + the employer’s fee + debtRecoveryShare · the debt placed', () => {
    // 1 + 1 + 0.6 · 3 million.
    expect(deliveryRevenue(params(), 1, 3_000_000)).toBe(3_800_000);
    // Demand 2: the employer's fee doubles.
    expect(deliveryRevenue(params(), 2, 3_000_000)).toBe(4_800_000);
    // A deceived recruit's hidden debt, twice the stated one.
    expect(deliveryRevenue(params(), 1, 6_000_000)).toBe(5_600_000);
    expect(deliveryRevenue(params({ debtRecoveryShare: 0 }), 1, 6_000_000)).toBe(2_000_000);
    expect(deliveryRevenue(params({ brokerFeeIdr: 0, brokerEmployerFeeIdr: 0 }), 1.7, 0)).toBe(0);
  });

  it('the bribe is bribeShare of what the broker earns from the person', () => {
    expect(bribe(params(), 1, 3_000_000)).toBeCloseTo(760_000, 6);
    expect(bribe(params(), 2, 6_000_000)).toBeCloseTo(0.2 * 6_600_000, 6);
    expect(bribe(params({ bribeShare: 0.5 }), 1, 0)).toBe(1_000_000);
    expect(bribe(params({ bribeShare: 0 }), 2, 3_000_000)).toBe(0);
  });

  it('both rise with demand and with the debt; the bribe with its share; the bribe never exceeds the revenue', () => {
    fc.assert(
      fc.property(demand, idr, fc.double({ min: 0.01, max: 1, noNaN: true }), fc.double({ min: 1, max: 1e7, noNaN: true }), unit, (d, debt, x, more, share) => {
        const p = params({ bribeShare: share });
        const r = deliveryRevenue(p, d, debt);
        expect(deliveryRevenue(p, d + x, debt)).toBeGreaterThan(r);
        expect(deliveryRevenue(p, d, debt + more)).toBeGreaterThan(r);
        const b = bribe(p, d, debt);
        expect(b).toBeLessThanOrEqual(r);
        expect(b).toBeCloseTo(share * r, 6);
        expect(bribe(p, d + x, debt)).toBeGreaterThanOrEqual(b);
        expect(bribe(params({ bribeShare: Math.min(1, share + x) }), d, debt)).toBeGreaterThanOrEqual(b);
      }),
    );
  });
});

describe('recruitDebt', () => {
  it('is the stated debt, multiplied when the offer deceives', () => {
    expect(recruitDebt(params(), false)).toBe(3_000_000);
    expect(recruitDebt(params(), true)).toBe(6_000_000);
    expect(recruitDebt(params({ deceptionDebtMultiplier: 1 }), true)).toBe(3_000_000);
  });
});

describe('reservationIncome', () => {
  it('is brokerReservationMonths origin wages a month, by the week: months · wage · 12 / 52', () => {
    expect(reservationIncome(params(), 2_600_000)).toBeCloseTo(900_000, 6);
    expect(reservationIncome(params({ brokerReservationMonths: 1 }), 5_200_000)).toBeCloseTo(1_200_000, 6);
    expect(reservationIncome(params(), 0)).toBe(0);
  });

  it('rises with the wage and with the months', () => {
    fc.assert(
      fc.property(fc.double({ min: 1e5, max: 1e7, noNaN: true }), fc.double({ min: 1, max: 1e6, noNaN: true }), fc.double({ min: 1, max: 3, noNaN: true }), (wage, x, months) => {
        const p = params({ brokerReservationMonths: months });
        expect(reservationIncome(p, wage + x)).toBeGreaterThan(reservationIncome(p, wage));
        expect(reservationIncome(params({ brokerReservationMonths: months + 0.5 }), wage)).toBeGreaterThan(reservationIncome(p, wage));
      }),
    );
  });
});

describe('expectedEntrants', () => {
  it('is entryRate · max(0, poolMultiple · starting − active) · logistic(sensitivity · (relative profit − 1))', () => {
    // At break-even, half the rate: 0.04 · (300 − 150) / 2.
    expect(expectedEntrants(params(), 100, 150, 1)).toBeCloseTo(3, 12);
    expect(expectedEntrants(params(), 100, 150, 2)).toBeCloseTo(6 * logistic(2), 12);
    expect(expectedEntrants(params(), 100, 150, 0)).toBeCloseTo(6 * logistic(-2), 12);
    expect(expectedEntrants(params({ brokerProfitSensitivity: 8 }), 420, 0, 1.25)).toBeCloseTo(0.04 * 3 * 420 * logistic(2), 12);
    expect(expectedEntrants(params({ brokerPoolMultiple: 2 }), 100, 50, 1)).toBeCloseTo(0.04 * 150 * 0.5, 12);
    // Nobody to hear of the business, the pool already in it, or no entry at all.
    expect(expectedEntrants(params(), 0, 0, 5)).toBe(0);
    expect(expectedEntrants(params(), 100, 300, 5)).toBe(0);
    expect(expectedEntrants(params(), 100, 450, 5)).toBe(0);
    expect(expectedEntrants(params({ brokerEntryRate: 0 }), 100, 50, 5)).toBe(0);
    // Far above the reservation: the whole rate; far below: none.
    expect(expectedEntrants(params(), 100, 150, 100)).toBeCloseTo(6, 12);
    expect(expectedEntrants(params(), 100, 150, -100)).toBeLessThan(1e-80);
  });

  it('lies in [0, rate · pool], rises with relative profit and the pool, and falls as the pool enters the business', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 2000 }), fc.integer({ min: 0, max: 2000 }), fc.double({ min: -5, max: 5, noNaN: true }), fc.double({ min: 0.01, max: 2, noNaN: true }), fc.integer({ min: 1, max: 50 }), (start, active, rel, x, k) => {
        const p = params();
        const e = expectedEntrants(p, start, active, rel);
        const wouldBe = Math.max(0, 3 * start - active);
        expect(e).toBeGreaterThanOrEqual(0);
        expect(e).toBeLessThanOrEqual(0.04 * wouldBe + 1e-9);
        expect(expectedEntrants(p, start, active, rel + x)).toBeGreaterThanOrEqual(e);
        if (wouldBe > 0) expect(expectedEntrants(p, start, active, rel + x)).toBeGreaterThan(e);
        if (3 * (start + k) > active) expect(expectedEntrants(p, start + k, active, rel)).toBeGreaterThan(e);
        expect(expectedEntrants(p, start, active + k, rel)).toBeLessThanOrEqual(e);
        if (wouldBe > 0) expect(expectedEntrants(p, start, active + k, rel)).toBeLessThan(e);
      }),
    );
  });

  it('keeps a hub where brokering always pays below its pool: active brokers converge on it from below', () => {
    // Deterministic mean dynamics with no exit: a_{t+1} = a_t + expectedEntrants(a_t) at a relative profit of 10.
    const p = params({ brokerEntryRate: 0.2 });
    let a = 100;
    for (let t = 0; t < 2000; t++) a += expectedEntrants(p, 100, a, 10);
    expect(a).toBeLessThanOrEqual(300 + 1e-9);
    expect(a).toBeGreaterThan(299);
  });
});

describe('exitChance', () => {
  it('is exitRate · logistic(sensitivity · (1 − relative profit))', () => {
    expect(exitChance(params(), 1)).toBeCloseTo(0.02, 15);
    expect(exitChance(params(), 0)).toBeCloseTo(0.04 * logistic(2), 15);
    expect(exitChance(params(), -0.5)).toBeCloseTo(0.04 * logistic(3), 15);
    expect(exitChance(params(), 3)).toBeCloseTo(0.04 * logistic(-4), 15);
    expect(exitChance(params({ brokerExitRate: 0.1, brokerProfitSensitivity: 0.5 }), 2)).toBeCloseTo(0.1 * logistic(-0.5), 15);
    // Far above the reservation nobody leaves; far below, the whole rate.
    expect(exitChance(params(), 100)).toBeLessThan(1e-80);
    expect(exitChance(params(), -100)).toBeCloseTo(0.04, 15);
  });

  it('lies in [0, exitRate], falls with relative profit, and entry and exit are mirror images at break-even', () => {
    fc.assert(
      fc.property(fc.double({ min: -5, max: 5, noNaN: true }), fc.double({ min: 0.01, max: 2, noNaN: true }), unit, (rel, x, rate) => {
        const p = params({ brokerExitRate: rate, brokerEntryRate: rate });
        const c = exitChance(p, rel);
        expect(c).toBeGreaterThanOrEqual(0);
        expect(c).toBeLessThanOrEqual(rate);
        expect(exitChance(p, rel + x)).toBeLessThanOrEqual(c);
        // Entry per would-be broker at 1 + d and exit at 1 − d are equal.
        expect(expectedEntrants(p, 1, 2, 1 + (rel - 1))).toBeCloseTo(exitChance(p, 1 - (rel - 1)), 12);
      }),
    );
  });
});

describe('networkReach', () => {
  it('is 1 + brokerNetworkGain · ln(1 + persons moved / brokerNetworkPersons)', () => {
    expect(networkReach(params(), 0)).toBe(1);
    expect(networkReach(params(), 100 * (Math.E - 1))).toBeCloseTo(1.3, 12);
    expect(networkReach(params(), 200)).toBeCloseTo(1 + 0.3 * Math.log(3), 12);
    expect(networkReach(params({ brokerNetworkGain: 1, brokerNetworkPersons: 20 }), 20)).toBeCloseTo(1 + Math.LN2, 12);
    // No network effect: every broker reaches as a new one.
    for (const moved of [0, 50, 5000]) expect(networkReach(params({ brokerNetworkGain: 0 }), moved)).toBe(1);
  });

  it('is at least 1 and rises with the persons moved and the gain, ever more slowly', () => {
    fc.assert(
      fc.property(fc.double({ min: 0, max: 1e4, noNaN: true }), fc.double({ min: 1, max: 1e3, noNaN: true }), fc.double({ min: 0.01, max: 1, noNaN: true }), (moved, x, gain) => {
        const p = params({ brokerNetworkGain: gain });
        const r = networkReach(p, moved);
        expect(r).toBeGreaterThanOrEqual(1);
        expect(networkReach(p, moved + x)).toBeGreaterThan(r);
        expect(networkReach(params({ brokerNetworkGain: gain + 0.1 }), moved)).toBeGreaterThanOrEqual(r);
        // Concave: the same x adds less to a larger network.
        expect(networkReach(p, moved + 2 * x) - networkReach(p, moved + x)).toBeLessThan(networkReach(p, moved + x) - r);
      }),
    );
  });
});

describe('brokerMarket in a small fresh world', () => {
  let scenario: Scenario;
  beforeAll(async () => {
    scenario = await scenarioWith((d) => void (d.spinUpWeeks = 0));
  });
  const fresh = (seed = 4) => firstWeek(scenario, { seed, scale: 2000 });
  const hubIndex = (w: World, id: string) => w.fixed.geo.hubIds.indexOf(id);
  const brokersAt = (w: World, hub: number) => Array.from({ length: w.agents.brokers.count }, (_, id) => id).filter((id) => w.agents.brokers.cols.hub[id] === hub);
  /** A would-be broker's weekly other income at a hub: the reservation at the mean wage of the origins it serves. */
  const reservationAt = (w: World, hub: number) => {
    const wages = w.fixed.input.origins.map((_, o) => o).filter((o) => w.fixed.geo.originHub[o] === hub).map((o) => w.week.originWageIdr[o]!);
    return reservationIncome(w.fixed.p, wages.reduce((s, x) => s + x, 0) / wages.length);
  };

  /**
   * The market as MODEL.md states it, before the rule runs at week t: per hub, profit = earned per
   * active broker − overhead − risk · penalty, with risk the share of the hub's brokers arrested this
   * week (a moving average after week 0) and profit a moving average of itself after the first week;
   * relative = profit / reservation; each active broker exits by its draw, and the hub's entrants
   * are roundStochastic(expectedEntrants) by its draw, each a trafficker by its own.
   */
  function marketReference(w: World) {
    const p = w.fixed.p;
    const b = w.agents.brokers.cols;
    const t = w.week.index;
    const H = w.fixed.geo.hubIds.length;
    const n = w.agents.brokers.count;
    const m = p.brokerProfitMemory;
    const active = new Array<number>(H).fill(0);
    const earned = new Array<number>(H).fill(0);
    const arrested = new Array<number>(H).fill(0);
    for (let id = 0; id < n; id++) {
      if (b.arrestedAt[id] === t) arrested[b.hub[id]!]!++;
      if (b.active[id] === 1) {
        active[b.hub[id]!]!++;
        earned[b.hub[id]!]! += b.earned[id]!;
      }
    }
    const risk: number[] = [];
    const profit: number[] = [];
    const relative: number[] = [];
    for (let h = 0; h < H; h++) {
      const before = w.beliefs.brokerRisk[h]!;
      const seen = active[h]! + arrested[h]! > 0 ? arrested[h]! / (active[h]! + arrested[h]!) : before;
      risk[h] = t === 0 ? seen : (1 - m) * before + m * seen;
      const now = active[h]! > 0 ? earned[h]! / active[h]! - p.brokerOverheadWeeklyIdr - risk[h]! * p.brokerPenaltyIdr : Number.NaN;
      const believed = w.beliefs.brokerProfit[h]!;
      profit[h] = Number.isNaN(now) ? believed : Number.isNaN(believed) ? now : (1 - m) * believed + m * now;
      relative[h] = Number.isNaN(profit[h]!) ? 1 : profit[h]! / reservationAt(w, h);
    }
    const exits = Array.from({ length: n }, (_, id) => id).filter((id) => b.active[id] === 1 && w.fixed.draws.brokerExit.u(id, t) < exitChance(p, relative[b.hub[id]!]!));
    const entrants = w.fixed.input.hubs.map((hub, h) => {
      const k = roundStochastic(expectedEntrants(p, Math.round(hub.brokers), active[h]!, relative[h]!), w.fixed.draws.brokerEntry.u(h, t, 0));
      return Array.from({ length: k }, (_, j) => (w.fixed.draws.brokerEntry.u(h, t, 1 + (j % 63)) < hub.traffickerShare ? 1 : 0));
    });
    return { active, risk, profit, relative, exits, entrants, n };
  }

  /** Runs the rule and checks it did what the reference says: exits marked 3, entrants appended hub by hub, earnings reset. */
  function runAndCheck(w: World, ref: ReturnType<typeof marketReference>) {
    const b = w.agents.brokers.cols;
    const activeBefore = Array.from(b.active.subarray(0, ref.n));
    brokerMarket(w);
    for (let id = 0; id < ref.n; id++) expect(b.active[id], `broker ${id}`).toBe(ref.exits.includes(id) ? 3 : activeBefore[id]);
    let id = ref.n;
    ref.entrants.forEach((types, h) => {
      for (const trafficker of types) {
        expect([b.hub[id], b.trafficker[id], b.active[id], b.earned[id], b.moved[id], b.arrestedAt[id]], `entrant ${id}`).toEqual([h, trafficker, 1, 0, 0, -1]);
        id++;
      }
    });
    expect(w.agents.brokers.count).toBe(id);
    // Earnings start again from zero for the next week, whoever earned them.
    for (let k = 0; k < w.agents.brokers.count; k++) expect(b.earned[k]).toBe(0);
    ref.risk.forEach((r, h) => expect(w.beliefs.brokerRisk[h], `risk at hub ${h}`).toBeCloseTo(r, 12));
    ref.profit.forEach((x, h) => (Number.isNaN(x) ? expect(w.beliefs.brokerProfit[h]).toBeNaN() : expect(w.beliefs.brokerProfit[h], `profit at hub ${h}`).toBeCloseTo(x, 3)));
  }

  it('a hub whose brokers earn far more than their other income gains entrants and loses none; a hub earning nothing loses brokers and gains few', () => {
    const w = fresh();
    const b = w.agents.brokers.cols;
    const [rich, poor] = [hubIndex(w, 'pontianak'), hubIndex(w, 'sambas_town')];
    const H = w.fixed.geo.hubIds.length;
    // Rich: 20 times the reservation a week each, over the overhead; poor: nothing; the others: break-even (profit = reservation).
    for (let h = 0; h < H; h++) {
      const each = h === rich ? 20 * reservationAt(w, h) + w.fixed.p.brokerOverheadWeeklyIdr : h === poor ? 0 : reservationAt(w, h) + w.fixed.p.brokerOverheadWeeklyIdr;
      for (const id of brokersAt(w, h)) b.earned[id] = each;
    }
    const ref = marketReference(w);
    expect(ref.relative[rich]).toBeCloseTo(20, 9);
    expect(ref.relative[poor]).toBeLessThan(0); // the overhead is a loss
    expect(ref.relative[hubIndex(w, 'entikong_town')]).toBeCloseTo(1, 9);
    runAndCheck(w, ref);

    const richBrokers = brokersAt(w, rich).filter((id) => id < ref.n);
    const poorBrokers = brokersAt(w, poor).filter((id) => id < ref.n);
    // No broker leaves the rich hub (exit chance 0.04 · logistic(−38)); the poor one loses some (0.04 · logistic(2 · 1.4)).
    expect(richBrokers.filter((id) => b.active[id] === 3)).toEqual([]);
    const poorExits = poorBrokers.filter((id) => b.active[id] === 3).length;
    expect(poorExits).toBeGreaterThan(5);
    // Entry: about the whole rate at the rich hub (0.04 · (3 · 420 − 420) = 33.6), little at the poor one.
    expect(ref.entrants[rich]!.length).toBeGreaterThanOrEqual(33);
    expect(ref.entrants[rich]!.length).toBeLessThanOrEqual(34);
    expect(ref.entrants[poor]!.length).toBeLessThan(ref.entrants[rich]!.length / 5);
    expect(new Set(ref.entrants[rich])).toEqual(new Set([0, 1])); // both types enter, by the hub's trafficker share
    const n = weekCounts(w);
    expect(n('brokers_exited')).toBe(ref.exits.length);
    expect(n('brokers_entered')).toBe(ref.entrants.reduce((s, e) => s + e.length, 0));
    expect(poorExits).toBe(ref.exits.filter((id) => b.hub[id] === poor).length);
  });

  it('counts as risk the share of a hub’s brokers arrested this week only (arrestedAt === week), remembered as a moving average; the expected penalty lowers profit', () => {
    const w = fresh();
    const b = w.agents.brokers.cols;
    const p = w.fixed.p;
    const hub = hubIndex(w, 'entikong_town');
    const all = brokersAt(w, hub);
    expect(all.length).toBe(350);
    // Week 5: 35 arrested this week, 20 in an earlier week (gone, and no longer news).
    w.week.index = 5;
    for (const id of all.slice(0, 35)) [b.active[id], b.arrestedAt[id]] = [0, 5];
    for (const id of all.slice(35, 55)) [b.active[id], b.arrestedAt[id]] = [0, 4];
    for (const id of all) b.earned[id] = 2_000_000;
    w.beliefs.brokerRisk[hub] = 0.02;
    w.beliefs.brokerProfit[hub] = 500_000;
    const ref = marketReference(w);
    const seen = 35 / (295 + 35);
    expect(ref.risk[hub]).toBeCloseTo((1 - p.brokerProfitMemory) * 0.02 + p.brokerProfitMemory * seen, 15);
    // Earnings of the active only: 2 million each; the arrested brokers' are not the hub's.
    const now = 2_000_000 - p.brokerOverheadWeeklyIdr - ref.risk[hub]! * p.brokerPenaltyIdr;
    expect(ref.profit[hub]).toBeCloseTo((1 - p.brokerProfitMemory) * 500_000 + p.brokerProfitMemory * now, 3);
    expect(ref.profit[hub]).toBeLessThan(500_000); // 3.3% a week of a 100 million penalty outweighs the earnings
    runAndCheck(w, ref);
  });

  it('at week 0 takes the risk seen as it is, and the first profit as it is; a hub without active brokers keeps what it believed', () => {
    const w = fresh();
    const b = w.agents.brokers.cols;
    const p = w.fixed.p;
    const [hub, empty] = [hubIndex(w, 'nunukan_town'), hubIndex(w, 'badau_town')];
    const at = brokersAt(w, hub);
    for (const id of at.slice(0, 140)) [b.active[id], b.arrestedAt[id]] = [0, 0];
    for (const id of at) b.earned[id] = 1_000_000 + (id % 7) * 100_000;
    for (const id of brokersAt(w, empty)) b.active[id] = 2; // convicted long ago: none active, none arrested now
    w.beliefs.brokerRisk[empty] = 0.05;
    const ref = marketReference(w);
    expect(ref.risk[hub]).toBeCloseTo(0.1, 15);
    expect(ref.risk[empty]).toBe(0.05);
    expect(ref.profit[empty]).toBeNaN(); // never believed anything: relative profit 1
    expect(ref.relative[empty]).toBe(1);
    const active = at.slice(140);
    const mean = active.reduce((s, id) => s + b.earned[id]!, 0) / active.length;
    expect(ref.profit[hub]).toBeCloseTo(mean - p.brokerOverheadWeeklyIdr - 0.1 * p.brokerPenaltyIdr, 3);
    runAndCheck(w, ref);
    // The empty hub draws entrants from its whole pool, none of them in the business (at break-even: 0.04 · 3 · 180 / 2 = 10.8).
    expect(ref.entrants[empty]!.length === 10 || ref.entrants[empty]!.length === 11).toBe(true);
  });

  it('remembers profit as a moving average over the weeks, and starts each week’s earnings from zero', () => {
    const w = fresh();
    const b = w.agents.brokers.cols;
    const p = w.fixed.p;
    const hub = hubIndex(w, 'sambas_town');
    const earnedIn = [3_000_000, 1_000_000, 4_000_000];
    const beliefs: number[] = [];
    earnedIn.forEach((each, t) => {
      w.week.index = t;
      for (const id of brokersAt(w, hub)) if (b.active[id] === 1) b.earned[id] = each;
      const ref = marketReference(w);
      runAndCheck(w, ref);
      beliefs.push(w.beliefs.brokerProfit[hub]!);
    });
    const m = p.brokerProfitMemory;
    const o = p.brokerOverheadWeeklyIdr;
    // No arrests: no risk. Week 0: the profit; then (1 − m) · belief + m · profit.
    expect(beliefs[0]).toBeCloseTo(3_000_000 - o, 3);
    expect(beliefs[1]).toBeCloseTo((1 - m) * beliefs[0]! + m * (1_000_000 - o), 3);
    expect(beliefs[2]).toBeCloseTo((1 - m) * beliefs[1]! + m * (4_000_000 - o), 3);
  });

  it('books a broker’s week in a run: costs of recruits, revenue of deliveries and bribes net to what the market sees, and the market moves the number of brokers', async () => {
    const { createModel, worldOf } = await import('../../src/model/model.js');
    const model = createModel(scenario, { seed: 2, scale: 2000 });
    const w = worldOf(model);
    const start = w.agents.brokers.count;
    model.run(12);
    const entered = model.series('brokers_entered').reduce((s, x) => s + x, 0);
    const exited = model.series('brokers_exited').reduce((s, x) => s + x, 0);
    expect(entered).toBeGreaterThan(0);
    expect(exited).toBeGreaterThan(0);
    expect(w.agents.brokers.count).toBe(start + entered);
    const b = w.agents.brokers.cols;
    let active = 0;
    let gaveUp = 0;
    for (let id = 0; id < w.agents.brokers.count; id++) {
      if (b.active[id] === 1) active++;
      if (b.active[id] === 3) gaveUp++;
      // Earnings were reset by the market at the end of the last week.
      expect(b.earned[id]).toBe(0);
    }
    expect(gaveUp).toBe(exited);
    expect(model.series('brokers_active').at(-1)).toBe(active);
    // Every hub has a belief about what brokering pays, and its risk is a share.
    for (let h = 0; h < w.fixed.geo.hubIds.length; h++) {
      expect(Number.isFinite(w.beliefs.brokerProfit[h]!)).toBe(true);
      expect(w.beliefs.brokerRisk[h]).toBeGreaterThanOrEqual(0);
      expect(w.beliefs.brokerRisk[h]).toBeLessThanOrEqual(1);
    }
    // Brokers who delivered people have a network.
    expect(Array.from(b.moved.subarray(0, w.agents.brokers.count)).some((x) => x > 0)).toBe(true);
    expect(labourDemandOf(w, 0)).toBe(w.week.labourDemand[w.fixed.geo.destinationSabah[0]!]);
  });
});
