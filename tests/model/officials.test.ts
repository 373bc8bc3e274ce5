/** Rules of officials.ts: an officer's choice to collude (bribe against expected sanction) and the expected catch, the chance a colluder is caught, training and duty, and monitoring. */
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { CrossingKind } from '../../src/model/geography.js';
import { createModel, worldOf } from '../../src/model/model.js';
import { caughtChance, collusionChance, expectedCatch, isTrained, monitorOfficials, onDuty } from '../../src/model/officials.js';
import type { World } from '../../src/model/state.js';
import type { Draft } from 'immer';
import type { ScenarioInput } from '../../src/scenario/schema.js';
import { firstWeek, scenarioWith as baselineWith, weekCounts } from './helpers.js';

/** The baseline without its spin-up, so that a rule is seen from the first week. */
const scenarioWith = (change?: (d: Draft<ScenarioInput>) => void) =>
  baselineWith((d) => {
    d.spinUpWeeks = 0;
    change?.(d);
  });

const unit = fc.double({ min: 0, max: 1, noNaN: true });

/** The logistic function, as the rules use it. */
const logistic = (x: number) => 1 / (1 + Math.exp(-x));

describe('collusionChance', () => {
  it('is propensity · logistic(s · (1 − caught · sanction / bribe)) / logistic(s) · (1 − training cut), on hand-computed cases', () => {
    // Expected sanction equal to the bribe: gain 0, logistic(0) = 1/2.
    expect(collusionChance(0.4, 1_000_000, 0.1, 10_000_000, 3, 0)).toBeCloseTo(0.4 * 0.5 * (1 + Math.exp(-3)), 12);
    // Expected sanction half the bribe: gain 1/2.
    expect(collusionChance(0.4, 1_000_000, 0.05, 10_000_000, 3, 0)).toBeCloseTo((0.4 * (1 + Math.exp(-3))) / (1 + Math.exp(-1.5)), 12);
    // Expected sanction three times the bribe: gain −2, and a trained officer's cut of a quarter.
    expect(collusionChance(0.8, 2_000_000, 0.3, 20_000_000, 2, 0.25)).toBeCloseTo((0.8 * 0.75 * (1 + Math.exp(-2))) / (1 + Math.exp(4)), 12);
    expect(collusionChance(0.8, 2_000_000, 0.3, 20_000_000, 2, 0.25)).toBeCloseTo(0.8 * 0.75 * (logistic(-4) / logistic(2)), 12);
  });

  it('is propensity · (1 − cut) when nothing can be lost (no sanction, or no chance of being caught)', () => {
    expect(collusionChance(0.4, 1_000_000, 0.2, 0, 3, 0)).toBe(0.4);
    expect(collusionChance(0.4, 1_000_000, 0, 60_000_000, 3, 0)).toBe(0.4);
    expect(collusionChance(0.6, 500_000, 0.5, 0, 7, 0.5)).toBeCloseTo(0.3, 15);
    expect(collusionChance(0.6, 500_000, 0, 1e9, 0.5, 0.25)).toBeCloseTo(0.45, 15);
    expect(collusionChance(0.3, 1, 0.9, 0, 10, 1)).toBe(0);
  });

  it('is 0 without a bribe, without propensity, or for an officer whose training cuts it all', () => {
    for (const bribe of [0, -5]) expect(collusionChance(0.9, bribe, 0, 0, 3, 0)).toBe(0);
    expect(collusionChance(0, 1_000_000, 0.1, 1_000_000, 3, 0)).toBe(0);
    expect(collusionChance(0.7, 1_000_000, 0.1, 1_000_000, 3, 1)).toBe(0);
  });

  it('lies in [0, propensity · (1 − cut)]: it falls with the chance of being caught and with the sanction, rises with the bribe and the propensity, falls with training', () => {
    const idr = fc.double({ min: 1_000, max: 1e9, noNaN: true });
    fc.assert(
      fc.property(unit, idr, unit, idr, fc.double({ min: 0.1, max: 10, noNaN: true }), unit, unit, fc.double({ min: 1, max: 1e8, noNaN: true }), (pr, bribe, caught, sanction, s, cut, d, x) => {
        const c = collusionChance(pr, bribe, caught, sanction, s, cut);
        expect(c).toBeGreaterThanOrEqual(0);
        expect(c).toBeLessThanOrEqual(pr * (1 - cut) + 1e-15);
        const up = (v: number) => Math.min(1, v + d);
        expect(collusionChance(pr, bribe, up(caught), sanction, s, cut)).toBeLessThanOrEqual(c);
        expect(collusionChance(pr, bribe, caught, sanction + x, s, cut)).toBeLessThanOrEqual(c);
        expect(collusionChance(pr, bribe + x, caught, sanction, s, cut)).toBeGreaterThanOrEqual(c);
        expect(collusionChance(up(pr), bribe, caught, sanction, s, cut)).toBeGreaterThanOrEqual(c);
        expect(collusionChance(pr, bribe, caught, sanction, s, up(cut))).toBeLessThanOrEqual(c);
      }),
    );
  });

  it('falls strictly with the chance of being caught, the sanction, and rises strictly with the bribe where the officer is willing', () => {
    const at = (bribe: number, caught: number, sanction: number) => collusionChance(0.5, bribe, caught, sanction, 3, 0);
    expect(at(1e6, 0.05, 1e7)).toBeLessThan(at(1e6, 0.01, 1e7));
    expect(at(1e6, 0.1, 1e7)).toBeLessThan(at(1e6, 0.05, 1e7));
    expect(at(1e6, 0.05, 2e7)).toBeLessThan(at(1e6, 0.05, 1e7));
    expect(at(2e6, 0.05, 1e7)).toBeGreaterThan(at(1e6, 0.05, 1e7));
    // A steeper response deters more once the expected sanction exceeds the bribe.
    expect(collusionChance(0.5, 1e6, 0.2, 1e7, 8, 0)).toBeLessThan(collusionChance(0.5, 1e6, 0.2, 1e7, 2, 0));
    // Far more to lose than to gain: almost no one colludes.
    expect(at(1e6, 0.5, 1e8)).toBeLessThan(1e-20);
  });
});

describe('expectedCatch', () => {
  it('is 1 − (1 − announced catch chance) · (1 − perceived risk)', () => {
    expect(expectedCatch(0.1, 0.2)).toBeCloseTo(0.28, 15);
    expect(expectedCatch(0.5, 0.5)).toBe(0.75);
    expect(expectedCatch(0, 0.3)).toBeCloseTo(0.3, 15);
    expect(expectedCatch(0.3, 0)).toBeCloseTo(0.3, 15);
    expect(expectedCatch(0, 0)).toBe(0);
    expect(expectedCatch(1, 0.2)).toBe(1);
    expect(expectedCatch(0.2, 1)).toBe(1);
  });

  it('lies in [max(catch, risk), 1] and rises with each', () => {
    fc.assert(
      fc.property(unit, unit, unit, (c, r, d) => {
        const x = expectedCatch(c, r);
        expect(x).toBeGreaterThanOrEqual(Math.max(c, r) - 1e-15);
        expect(x).toBeLessThanOrEqual(1);
        expect(expectedCatch(Math.min(1, c + d), r)).toBeGreaterThanOrEqual(x - 1e-15);
        expect(expectedCatch(c, Math.min(1, r + d))).toBeGreaterThanOrEqual(x - 1e-15);
      }),
    );
  });

  it('makes collusion fall as the perceived risk at the post rises', () => {
    const at = (risk: number) => collusionChance(0.3, 800_000, expectedCatch(0.01, risk), 60_000_000, 3, 0);
    expect(at(0)).toBeCloseTo(0.3 * logistic(3 * (1 - (0.01 * 60_000_000) / 800_000)) / logistic(3), 12);
    expect(at(0.01)).toBeLessThan(at(0));
    expect(at(0.1)).toBeLessThan(at(0.01));
  });
});

describe('caughtChance', () => {
  it('is 0 without a catch chance, however many acts', () => {
    for (const acts of [0, 1, 5, 300]) for (const scale of [1, 20, 1000]) expect(caughtChance(0, acts, scale)).toBe(0);
  });

  it('is 0 without acts', () => {
    expect(caughtChance(0.7, 0, 20)).toBe(0);
  });

  it('is 1 − (1 − catch)^(acts · scale) on hand-computed cases', () => {
    expect(caughtChance(0.3, 1, 1)).toBeCloseTo(0.3, 12);
    expect(caughtChance(0.5, 2, 1)).toBeCloseTo(0.75, 12);
    expect(caughtChance(0.5, 1, 2)).toBeCloseTo(0.75, 12);
    expect(caughtChance(0.1, 3, 10)).toBeCloseTo(1 - 0.9 ** 30, 12);
    expect(caughtChance(1, 1, 1)).toBe(1);
  });

  it('rises with acts and with scale (each act stands for scale persons), within [0, 1]', () => {
    fc.assert(
      fc.property(fc.double({ min: 0.001, max: 0.999, noNaN: true }), fc.integer({ min: 0, max: 50 }), fc.integer({ min: 1, max: 100 }), (c, acts, scale) => {
        const x = caughtChance(c, acts, scale);
        expect(x).toBeGreaterThanOrEqual(0);
        expect(x).toBeLessThanOrEqual(1);
        expect(caughtChance(c, acts + 1, scale)).toBeGreaterThanOrEqual(x);
        expect(caughtChance(c, acts, scale + 1)).toBeGreaterThanOrEqual(x);
        if (acts > 0 && x < 1 - 1e-9) expect(caughtChance(c, acts + 1, scale)).toBeGreaterThan(x);
      }),
    );
  });
});

describe('isTrained and onDuty in a model state', () => {
  let w: World;
  beforeAll(async () => {
    w = worldOf(createModel(await scenarioWith(), { seed: 3, scale: 1000 }));
  });

  it('trains no one at share 0 and everyone at share 1', () => {
    const n = w.agents.officials.count;
    expect(n).toBeGreaterThan(20);
    w.week.trainedShare = 0;
    for (let id = 0; id < n; id++) expect(isTrained(w, id)).toBe(false);
    w.week.trainedShare = 1;
    for (let id = 0; id < n; id++) expect(isTrained(w, id)).toBe(true);
  });

  it('trains exactly those whose fixed draw lies below the share, a set that only grows with the share', () => {
    const n = w.agents.officials.count;
    let prev = new Set<number>();
    for (const share of [0.1, 0.3, 0.5, 0.9]) {
      w.week.trainedShare = share;
      const trained = new Set<number>();
      for (let id = 0; id < n; id++) {
        expect(isTrained(w, id)).toBe(w.agents.officials.cols.trainDraw[id]! < share);
        if (isTrained(w, id)) trained.add(id);
      }
      for (const id of prev) expect(trained.has(id)).toBe(true);
      // The draws are uniform: the trained share is close to the lever.
      expect(Math.abs(trained.size / n - share)).toBeLessThan(0.15);
      prev = trained;
    }
  });

  it('picks the officer on duty at a post by the uniform, and none at an informal crossing', () => {
    const geo = w.fixed.geo;
    const post = geo.crossingIds.indexOf('entikong');
    const staff = w.agents.postOfficials[post]!;
    expect(staff.length).toBe(40);
    expect(onDuty(w, post, 0)).toBe(staff[0]);
    expect(onDuty(w, post, 0.999999)).toBe(staff[39]);
    expect(onDuty(w, post, 10.5 / 40)).toBe(staff[10]);
    for (const u of [0, 0.2, 0.5, 0.77, 0.999]) expect(w.agents.officials.cols.post[onDuty(w, post, u)]).toBe(post);
    const informal = geo.crossingKind.indexOf(CrossingKind.informal);
    expect(onDuty(w, informal, 0.5)).toBe(-1);
  });
});

describe('monitorOfficials', () => {
  let w: World;
  beforeAll(async () => {
    w = firstWeek(await scenarioWith(), { seed: 8 });
  });

  it('catches colluders by their draw and the chance of their acts; removes (and replaces) or sanctions the caught, emboldens the rest; officers learn the risk at their post', () => {
    const o = w.agents.officials.cols;
    const p = w.fixed.p;
    const wk = w.week;
    const C = w.fixed.geo.crossingIds.length;
    Object.assign(wk, { catchChance: 0.0005, colluderRemoval: 0.5 }); // one act (1000 persons) is caught with chance 0.39
    Object.assign(p, { sanctionEffect: 0.2, collusionDrift: 0.0003, riskLearning: 0.25 });
    const n = w.agents.officials.count;
    for (let c = 0; c < C; c++) w.beliefs.postRisk[c] = 0.1;
    w.beliefs.postCatches.fill(7); // last week's: not carried over
    for (let id = 0; id < n; id++) o.colludedThisWeek[id] = id % 3 === 0 ? 0 : 1 + (id % 4);
    o.active[2] = 0; // gone already: neither monitored nor counted
    w.agents.postOfficials[o.post[2]!]!.splice(w.agents.postOfficials[o.post[2]!]!.indexOf(2), 1);
    const before = { propensity: Float32Array.from(o.propensity), staff: w.agents.postOfficials.map((s) => [...s]) };
    const u = (id: number, slot: number) => w.fixed.draws.monitoring.u(id, 0, slot);
    const colluders = Array.from({ length: n }, (_, id) => id).filter((id) => o.active[id] === 1 && o.colludedThisWeek[id]! > 0);
    const acts = (id: number) => o.colludedThisWeek[id]!;
    const caught = colluders.filter((id) => u(id, 0) < 1 - (1 - 0.0005) ** (acts(id) * 1000));
    const removed = caught.filter((id) => u(id, 1) < 0.5);
    const sanctioned = caught.filter((id) => !removed.includes(id));
    const emboldened = colluders.filter((id) => !caught.includes(id));
    const driftOf = Object.fromEntries(emboldened.map((id) => [id, 1 - (1 - 0.0003) ** (acts(id) * 1000)]));
    const active = Array.from({ length: n }, (_, id) => id).filter((id) => o.active[id] === 1).length;
    const colludersAt = (c: number) => colluders.filter((id) => o.post[id] === c).length;
    const caughtAt = (c: number) => caught.filter((id) => o.post[id] === c).length;
    monitorOfficials(w);

    for (const id of removed) expect(o.active[id]).toBe(0);
    for (const id of sanctioned) expect(o.propensity[id]).toBeCloseTo(before.propensity[id]! * 0.8, 6);
    for (const id of emboldened) expect(o.propensity[id]).toBeCloseTo(before.propensity[id]! + driftOf[id]! * (1 - before.propensity[id]!), 6);
    for (let id = 0; id < n; id++) {
      if (!colluders.includes(id)) expect(o.propensity[id]).toBe(before.propensity[id]);
      if (id !== 2) expect(o.colludedThisWeek[id]).toBe(0);
    }
    // Each removed officer is replaced at the same post by a new one, in the order they were removed.
    expect(w.agents.officials.count).toBe(n + removed.length);
    removed.forEach((id, k) => expect(o.post[n + k]).toBe(o.post[id]));
    for (let c = 0; c < C; c++) {
      const gone = removed.filter((id) => o.post[id] === c);
      const added = removed.map((_, k) => n + k).filter((id) => o.post[id] === c);
      expect(w.agents.postOfficials[c]).toEqual([...before.staff[c]!.filter((id) => !gone.includes(id)), ...added]);
      expect(w.beliefs.postCatches[c]).toBe(caughtAt(c));
      // Officers see the share of colluders caught at their post; a post without colluders learns nothing.
      expect(w.beliefs.postRisk[c]).toBeCloseTo(colludersAt(c) > 0 ? 0.75 * 0.1 + (0.25 * caughtAt(c)) / colludersAt(c) : 0.1, 12);
    }
    expect(removed.length).toBeGreaterThan(3);
    expect(sanctioned.length).toBeGreaterThan(3);
    expect(emboldened.length).toBeGreaterThan(3);
    const counts = weekCounts(w);
    expect(counts('officials_removed')).toBe(removed.length);
    expect(counts('officials_colluding_share')).toBeCloseTo(colluders.length / active, 12);
    // What brokers learn of it (leaks of shared information, patrols.ts leakKept): the same share.
    expect(w.beliefs.colludingShare).toBeCloseTo(colluders.length / active, 12);
  });
});
