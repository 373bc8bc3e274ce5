/** Rules of patrols.ts: the detection probability on a segment, and how patrols are spread. */
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { CrossingKind } from '../../src/model/geography.js';
import { createModel } from '../../src/model/model.js';
import { assignPatrols, detectionProbability } from '../../src/model/patrols.js';
import type { World } from '../../src/model/state.js';
import { scenarioWith } from './helpers.js';

describe('detectionProbability', () => {
  it('is 0 at zero coverage, kappa, technology or terrain', () => {
    expect(detectionProbability(0.1, 1, 1, 0, 0)).toBe(0);
    expect(detectionProbability(0, 1, 1, 50, 0)).toBe(0);
    expect(detectionProbability(0.1, 0, 1, 50, 0)).toBe(0);
    expect(detectionProbability(0.1, 1, 0, 50, 0)).toBe(0);
  });

  it('is 0 when the whole detection is lost at the line (gap 1)', () => {
    expect(detectionProbability(0.5, 2, 1, 100, 1)).toBe(0);
  });

  it('is 1 − exp(−κ · technology · terrain · coverage · (1 − gap)) on hand-computed cases', () => {
    expect(detectionProbability(0.1, 1, 1, 10, 0)).toBeCloseTo(1 - Math.exp(-1), 12);
    expect(detectionProbability(0.012, 1, 0.8, 70, 0.5)).toBeCloseTo(1 - Math.exp(-0.012 * 0.8 * 70 * 0.5), 12);
    expect(detectionProbability(0.2, 2, 0.5, 10, 0.5)).toBeCloseTo(1 - Math.exp(-1), 12);
  });

  it('lies in [0, 1), rises with coverage, kappa, technology and terrain, falls with the gap', () => {
    const pos = fc.double({ min: 0, max: 10, noNaN: true });
    fc.assert(
      fc.property(pos, pos, pos, fc.double({ min: 0, max: 100, noNaN: true }), fc.double({ min: 0, max: 1, noNaN: true }), fc.double({ min: 0, max: 1, noNaN: true }), (k, t, tr, cov, gap, d) => {
        const p = detectionProbability(k, t, tr, cov, gap);
        expect(p).toBeGreaterThanOrEqual(0);
        expect(p).toBeLessThanOrEqual(1);
        expect(detectionProbability(k, t, tr, cov + d, gap)).toBeGreaterThanOrEqual(p);
        expect(detectionProbability(k + d, t, tr, cov, gap)).toBeGreaterThanOrEqual(p);
        expect(detectionProbability(k, t + d, tr, cov, gap)).toBeGreaterThanOrEqual(p);
        expect(detectionProbability(k, t, tr + d, cov, gap)).toBeGreaterThanOrEqual(p);
        expect(detectionProbability(k, t, tr, cov, Math.min(1, gap + d))).toBeLessThanOrEqual(p);
      }),
    );
    expect(detectionProbability(0.1, 1, 1, 20, 0)).toBeGreaterThan(detectionProbability(0.1, 1, 1, 10, 0));
  });
});

describe('assignPatrols in a model state', () => {
  let w: World;
  let informal: number[];
  beforeAll(async () => {
    w = createModel(await scenarioWith(), { seed: 1, scale: 1000 }).state;
    informal = [...w.geo.crossingKind.keys()].filter((c) => w.geo.crossingKind[c] === CrossingKind.informal);
  });

  it('spreads each side’s units over the open informal segments in proportion to baseline coverage', () => {
    w.week.index = 0;
    w.week.patrolTargetShare = 0;
    w.week.jointCoverage = 0;
    w.beliefs.brokerFlow.fill(0);
    assignPatrols(w);
    const base = informal.map((c) => w.input.crossings[c]!.patrolCoverage);
    const total = base.reduce((a, b) => a + b, 0);
    let id = 0, my = 0;
    informal.forEach((c, i) => {
      expect(w.coverage[c * 2]).toBeCloseTo((w.p.patrolUnits * base[i]!) / total, 9);
      expect(w.coverage[c * 2 + 1]).toBeCloseTo((w.p.malaysianPatrolUnits * base[i]!) / total, 9);
      id += w.coverage[c * 2]!;
      my += w.coverage[c * 2 + 1]!;
      const cov = w.coverage[c * 2]! + w.coverage[c * 2 + 1]!;
      expect(w.week.detection[c]).toBeCloseTo(detectionProbability(w.p.patrolKappa, w.p.patrolTechnology, w.input.crossings[c]!.terrain, cov, w.week.lineGap), 12);
    });
    expect(id).toBeCloseTo(w.p.patrolUnits, 9);
    expect(my).toBeCloseTo(w.p.malaysianPatrolUnits, 9);
    // Official crossings get no patrols.
    w.geo.crossingKind.forEach((k, c) => {
      if (k !== CrossingKind.informal) expect(w.coverage[c * 2]! + w.coverage[c * 2 + 1]!).toBe(0);
    });
  });

  it('moves the targeted share to last week’s broker routes and adds joint coverage on every segment', () => {
    w.week.index = 0;
    w.week.patrolTargetShare = 0.5;
    w.week.jointCoverage = 7;
    w.beliefs.brokerFlow.fill(0);
    const hot = informal[0]!;
    w.beliefs.brokerFlow[hot] = 12;
    assignPatrols(w);
    const base = informal.map((c) => w.input.crossings[c]!.patrolCoverage);
    const total = base.reduce((a, b) => a + b, 0);
    informal.forEach((c, i) => {
      const share = 0.5 * (base[i]! / total) + (c === hot ? 0.5 : 0);
      expect(w.coverage[c * 2]).toBeCloseTo(w.p.patrolUnits * share, 9);
      expect(w.coverage[c * 2 + 1]).toBeCloseTo(w.p.malaysianPatrolUnits * share + 7, 9);
    });
    w.beliefs.brokerFlow.fill(0);
  });
});
