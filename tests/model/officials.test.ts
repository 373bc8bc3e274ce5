/** Rules of officials.ts: collusion chance and deterrence, the chance a colluder is caught, training and duty. */
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { CrossingKind } from '../../src/model/geography.js';
import { createModel, worldOf } from '../../src/model/model.js';
import { caughtChance, collusionChance, deterrence, isTrained, onDuty } from '../../src/model/officials.js';
import type { World } from '../../src/model/state.js';
import type { Draft } from 'immer';
import type { ScenarioInput } from '../../src/scenario/schema.js';
import { scenarioWith as baselineWith } from './helpers.js';

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
