/** Rules of officials.ts: collusion chance and deterrence, the chance a colluder is caught, training and duty, and monitoring. */
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { CrossingKind } from '../../src/model/geography.js';
import { createModel, worldOf } from '../../src/model/model.js';
import { caughtChance, collusionChance, deterrence, isTrained, monitorOfficials, onDuty } from '../../src/model/officials.js';
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

describe('collusionChance', () => {
  it('is propensity · deterrence · bribe effect · (1 − training cut)', () => {
    expect(collusionChance(0.2, 0.5, 3, 0.25)).toBeCloseTo(0.225, 12);
    expect(collusionChance(0.4, 1, 1, 0)).toBe(0.4);
    expect(collusionChance(0.4, 0, 2, 0)).toBe(0);
    expect(collusionChance(0.4, 1, 2, 1)).toBe(0);
    expect(collusionChance(0, 1, 5, 0)).toBe(0);
  });

  it('is capped at 1', () => {
    expect(collusionChance(0.5, 1, 4, 0)).toBe(1);
    expect(collusionChance(0.9, 0.9, 100, 0.1)).toBe(1);
  });

  it('lies in [0, 1], rises with propensity, deterrence factor and bribe effect, falls with training', () => {
    fc.assert(
      fc.property(unit, unit, fc.double({ min: 0, max: 5, noNaN: true }), unit, unit, (pr, det, g, cut, d) => {
        const c = collusionChance(pr, det, g, cut);
        expect(c).toBeGreaterThanOrEqual(0);
        expect(c).toBeLessThanOrEqual(1);
        const up = (x: number) => Math.min(1, x + d);
        expect(collusionChance(up(pr), det, g, cut)).toBeGreaterThanOrEqual(c);
        expect(collusionChance(pr, up(det), g, cut)).toBeGreaterThanOrEqual(c);
        expect(collusionChance(pr, det, g + d, cut)).toBeGreaterThanOrEqual(c);
        expect(collusionChance(pr, det, g, up(cut))).toBeLessThanOrEqual(c);
      }),
    );
  });

  it('falls as the perceived risk of being caught rises (through deterrence)', () => {
    const at = (risk: number) => collusionChance(0.3, deterrence(5, risk), 1.5, 0);
    expect(at(0)).toBeCloseTo(0.45, 12);
    expect(at(0.1)).toBeLessThan(at(0));
    expect(at(0.5)).toBeLessThan(at(0.1));
  });
});

describe('deterrence', () => {
  it('is exp(−aversion · perceived risk)', () => {
    expect(deterrence(5, 0.2)).toBeCloseTo(Math.exp(-1), 12);
    expect(deterrence(2, 0.5)).toBeCloseTo(Math.exp(-1), 12);
  });

  it('is 1 without risk or without aversion', () => {
    expect(deterrence(5, 0)).toBe(1);
    expect(deterrence(0, 0.7)).toBe(1);
  });

  it('lies in (0, 1] and falls with aversion and with risk', () => {
    fc.assert(
      fc.property(fc.double({ min: 0, max: 20, noNaN: true }), unit, fc.double({ min: 0.001, max: 1, noNaN: true }), (a, r, d) => {
        const x = deterrence(a, r);
        expect(x).toBeGreaterThan(0);
        expect(x).toBeLessThanOrEqual(1);
        expect(deterrence(a + d, r)).toBeLessThanOrEqual(x);
        expect(deterrence(a, r + d)).toBeLessThanOrEqual(x);
      }),
    );
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
  });
});
