/**
 * Rules of patrols.ts: the detection probability, how each side's units are spread, where
 * coordinated units go, what shared information shows (and what leaks of it through colluding
 * officers), the units the joint programme takes from each side, and the line gap by patrol mode.
 */
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { capabilities, PatrolMode } from '../../src/model/cooperation.js';
import { CrossingKind } from '../../src/model/geography.js';
import { createModel, worldOf } from '../../src/model/model.js';
import { assignPatrols, detectionProbability, gapFilling, leakKept, sharedFlows, shares } from '../../src/model/patrols.js';
import type { World } from '../../src/model/state.js';
import type { Draft } from 'immer';
import type { ScenarioInput } from '../../src/scenario/schema.js';
import { scenarioWith as baselineWith, setP, setParam } from './helpers.js';

/** The baseline without its spin-up, so that a rule is seen from the first week. */
const scenarioWith = (change?: (d: Draft<ScenarioInput>) => void) =>
  baselineWith((d) => {
    d.spinUpWeeks = 0;
    change?.(d);
  });

const sum = (xs: readonly number[]) => xs.reduce((a, b) => a + b, 0);

describe('detectionProbability', () => {
  it('is 0 at zero effective coverage, kappa, technology or terrain', () => {
    expect(detectionProbability(0.1, 1, 1, 0)).toBe(0);
    expect(detectionProbability(0, 1, 1, 50)).toBe(0);
    expect(detectionProbability(0.1, 0, 1, 50)).toBe(0);
    expect(detectionProbability(0.1, 1, 0, 50)).toBe(0);
  });

  it('is 1 − exp(−κ · technology · terrain · effective coverage) on hand-computed cases', () => {
    expect(detectionProbability(0.1, 1, 1, 10)).toBeCloseTo(1 - Math.exp(-1), 12);
    expect(detectionProbability(0.012, 1, 0.8, 35)).toBeCloseTo(1 - Math.exp(-0.012 * 0.8 * 35), 12);
    expect(detectionProbability(0.2, 2, 0.5, 5)).toBeCloseTo(1 - Math.exp(-1), 12);
  });

  it('lies in [0, 1] and rises with coverage, kappa, technology and terrain', () => {
    const pos = fc.double({ min: 0, max: 10, noNaN: true });
    fc.assert(
      fc.property(pos, pos, pos, fc.double({ min: 0, max: 100, noNaN: true }), fc.double({ min: 0, max: 1, noNaN: true }), (k, t, tr, cov, d) => {
        const p = detectionProbability(k, t, tr, cov);
        expect(p).toBeGreaterThanOrEqual(0);
        expect(p).toBeLessThanOrEqual(1);
        expect(detectionProbability(k, t, tr, cov + d)).toBeGreaterThanOrEqual(p);
        expect(detectionProbability(k + d, t, tr, cov)).toBeGreaterThanOrEqual(p);
        expect(detectionProbability(k, t + d, tr, cov)).toBeGreaterThanOrEqual(p);
        expect(detectionProbability(k, t, tr + d, cov)).toBeGreaterThanOrEqual(p);
      }),
    );
    expect(detectionProbability(0.1, 1, 1, 20)).toBeGreaterThan(detectionProbability(0.1, 1, 1, 10));
  });
});

describe('shares', () => {
  it('divides by the total, and is uniform when every weight is zero', () => {
    expect(shares([1, 3])).toEqual([0.25, 0.75]);
    expect(shares([0, 2, 0])).toEqual([0, 1, 0]);
    expect(shares([0, 0, 0, 0])).toEqual([0.25, 0.25, 0.25, 0.25]);
  });

  it('sums to 1 and keeps the order of the weights', () => {
    fc.assert(
      fc.property(fc.array(fc.double({ min: 0, max: 100, noNaN: true }), { minLength: 1, maxLength: 12 }), (ws) => {
        const s = shares(ws);
        expect(sum(s)).toBeCloseTo(1, 9);
        for (let i = 0; i < ws.length; i++) for (let j = 0; j < ws.length; j++) if (ws[i]! < ws[j]!) expect(s[i]).toBeLessThanOrEqual(s[j]!);
      }),
    );
  });
});

describe('gapFilling', () => {
  it('sends coordinated units where coverage falls short of the combined priorities', () => {
    // 10 units, 10 already on the first segment, equal priorities: all 10 go to the second.
    expect(gapFilling(10, [10, 0], [0.5, 0.5])).toEqual([0, 10]);
    // Nothing there yet: in proportion to the priorities.
    expect(gapFilling(10, [0, 0], [0.75, 0.25])).toEqual([7.5, 2.5]);
    // Total 40 at priorities 0.5/0.25/0.25 wants 20/10/10; own 5/25/0 leaves shortfalls 15/0/10.
    const g = gapFilling(10, [5, 25, 0], [0.5, 0.25, 0.25]);
    expect(g[0]).toBeCloseTo(6, 12);
    expect(g[1]).toBe(0);
    expect(g[2]).toBeCloseTo(4, 12);
  });

  it('places exactly the units it has, none where coverage already exceeds the priority', () => {
    fc.assert(
      fc.property(
        fc.double({ min: 0.1, max: 100, noNaN: true }),
        fc.array(fc.tuple(fc.double({ min: 0, max: 50, noNaN: true }), fc.double({ min: 0.01, max: 1, noNaN: true })), { minLength: 1, maxLength: 8 }),
        (units, segs) => {
          const own = segs.map(([o]) => o);
          const priority = shares(segs.map(([, w]) => w));
          const g = gapFilling(units, own, priority);
          expect(sum(g)).toBeCloseTo(units, 6);
          const total = units + sum(own);
          g.forEach((x, i) => {
            expect(x).toBeGreaterThanOrEqual(0);
            if (own[i]! >= priority[i]! * total) expect(x).toBe(0);
          });
        },
      ),
    );
  });
});

describe('leakKept', () => {
  it('is 1 − leak · colluding share, never below 0', () => {
    expect(leakKept(0.5, 0.4)).toBeCloseTo(0.8, 15);
    expect(leakKept(1, 0.5)).toBe(0.5);
    expect(leakKept(0.25, 1)).toBe(0.75);
    expect(leakKept(1, 1)).toBe(0);
    expect(leakKept(2, 0.8)).toBe(0);
  });

  it('keeps everything without a leak or without colluders', () => {
    for (const x of [0, 0.3, 1]) {
      expect(leakKept(0, x)).toBe(1);
      expect(leakKept(x, 0)).toBe(1);
    }
  });

  it('lies in [0, 1] and falls with the leak and with the colluding share', () => {
    const unit = fc.double({ min: 0, max: 1, noNaN: true });
    fc.assert(
      fc.property(unit, unit, unit, (leak, share, d) => {
        const k = leakKept(leak, share);
        expect(k).toBeGreaterThanOrEqual(0);
        expect(k).toBeLessThanOrEqual(1);
        expect(leakKept(Math.min(1, leak + d), share)).toBeLessThanOrEqual(k);
        expect(leakKept(leak, Math.min(1, share + d))).toBeLessThanOrEqual(k);
      }),
    );
  });
});

describe('in a model state', () => {
  let w: World;
  let segments: number[];
  const wID = () => shares(segments.map((c) => w.fixed.input.crossings[c]!.patrolCoverage));
  const wMY = () => shares(segments.map((c) => w.fixed.input.crossings[c]!.patrolCoverageMY));
  /** Effective coverage on segment c, read back from its detection probability. */
  const effective = (x: World, c: number) => -Math.log(1 - x.week.detection[c]!) / (x.fixed.p.patrolKappa * x.fixed.p.patrolTechnology * x.fixed.input.crossings[c]!.terrain);
  const reset = (x: World, mode: number, jointUnits: number) => {
    x.week.index = 0;
    x.week.cap = { ...capabilities(() => 'coexistence', x.fixed.p), patrolMode: mode };
    x.week.patrolTargetShare = 0;
    x.week.jointUnits = jointUnits;
    x.beliefs.colludingShare = 0;
  };

  beforeAll(async () => {
    w = worldOf(createModel(await scenarioWith(), { seed: 1, scale: 1000 }));
    const C = w.fixed.geo.crossingIds.length;
    segments = [...w.fixed.geo.crossingKind.keys()].filter((c) => w.fixed.geo.crossingKind[c] === CrossingKind.informal && w.fixed.geo.open[c] === 1);
    expect(segments.length).toBeGreaterThan(3);
    expect(C).toBe(w.week.coverage.length / 3);
  });

  it('spreads each side’s own units by its own priorities and loses the line gap', () => {
    reset(w, PatrolMode.parallel, 0);
    assignPatrols(w);
    const [a, b] = [wID(), wMY()];
    segments.forEach((c, i) => {
      expect(w.week.coverage[c * 3]).toBeCloseTo(w.fixed.p.patrolUnits * a[i]!, 9);
      expect(w.week.coverage[c * 3 + 1]).toBeCloseTo(w.fixed.p.malaysianPatrolUnits * b[i]!, 9);
      expect(w.week.coverage[c * 3 + 2]).toBe(0);
      const cov = (w.week.coverage[c * 3]! + w.week.coverage[c * 3 + 1]!) * (1 - w.fixed.p.lineGap);
      expect(w.week.detection[c]).toBeCloseTo(detectionProbability(w.fixed.p.patrolKappa, w.fixed.p.patrolTechnology, w.fixed.input.crossings[c]!.terrain, cov), 12);
    });
    expect(sum(segments.map((c) => w.week.coverage[c * 3]!))).toBeCloseTo(w.fixed.p.patrolUnits, 9);
    expect(sum(segments.map((c) => w.week.coverage[c * 3 + 1]!))).toBeCloseTo(w.fixed.p.malaysianPatrolUnits, 9);
    // Official crossings get no patrols.
    w.fixed.geo.crossingKind.forEach((k, c) => {
      if (k !== CrossingKind.informal) expect(w.week.coverage[c * 3]! + w.week.coverage[c * 3 + 1]! + w.week.coverage[c * 3 + 2]!).toBe(0);
    });
  });

  it('fields the joint programme half on each side in parallel, into the gaps when coordinated', () => {
    reset(w, PatrolMode.parallel, 20);
    assignPatrols(w);
    const [a, b] = [wID(), wMY()];
    segments.forEach((c, i) => expect(w.week.coverage[c * 3 + 2]).toBeCloseTo(10 * a[i]! + 10 * b[i]!, 9));
    // Each side gives up patrolDiversion of its half of the joint units: 0.5 · 10 = 5 of its own.
    expect(w.fixed.p.patrolDiversion).toBe(0.5);
    segments.forEach((c, i) => {
      expect(w.week.coverage[c * 3]).toBeCloseTo((w.fixed.p.patrolUnits - 5) * a[i]!, 9);
      expect(w.week.coverage[c * 3 + 1]).toBeCloseTo((w.fixed.p.malaysianPatrolUnits - 5) * b[i]!, 9);
    });
    reset(w, PatrolMode.coordinated, 20);
    assignPatrols(w);
    const own = segments.map((c) => w.week.coverage[c * 3]! + w.week.coverage[c * 3 + 1]!);
    const want = gapFilling(20, own, segments.map((_, i) => (a[i]! + b[i]!) / 2));
    segments.forEach((c, i) => expect(w.week.coverage[c * 3 + 2]).toBeCloseTo(want[i]!, 9));
    expect(sum(segments.map((c) => w.week.coverage[c * 3 + 2]!))).toBeCloseTo(20, 9);
  });

  it('keeps more of the joint units’ detection at the line as the patrol mode rises', () => {
    const total = (mode: number) => {
      reset(w, mode, 30);
      assignPatrols(w);
      return sum(segments.map((c) => effective(w, c)));
    };
    // Each side's own units, less the share of its half of the joint units taken from them (15 · patrolDiversion).
    const diverted = 15 * w.fixed.p.patrolDiversion;
    const own = (w.fixed.p.patrolUnits - diverted + w.fixed.p.malaysianPatrolUnits - diverted) * (1 - w.fixed.p.lineGap);
    expect(total(PatrolMode.parallel)).toBeCloseTo(own + 30 * (1 - w.fixed.p.lineGap), 6);
    expect(total(PatrolMode.coordinated)).toBeCloseTo(own + 30 * (1 - w.fixed.p.lineGap * (1 - w.fixed.p.handoverGapCut)), 6);
    expect(total(PatrolMode.joint)).toBeCloseTo(own + 30, 6);
  });

  it('detects nothing when the whole detection is lost at the line, except joint teams working across it', async () => {
    const x = worldOf(createModel(await scenarioWith((d) => setParam(d, 'lineGap', 1)), { seed: 1, scale: 1000 }));
    reset(x, PatrolMode.parallel, 30);
    assignPatrols(x);
    for (const c of segments) expect(x.week.detection[c]).toBe(0);
    reset(x, PatrolMode.joint, 30);
    assignPatrols(x);
    for (const c of segments) expect(effective(x, c)).toBeCloseTo(x.week.coverage[c * 3 + 2]!, 9);
    expect(sum(segments.map((c) => x.week.detection[c]!))).toBeGreaterThan(0);
  });

  it('shows broker flows only with shared information, late by the lag, blurred by inaccuracy', () => {
    const C = w.fixed.geo.crossingIds.length;
    const rows = w.beliefs.flowHistory.length / C;
    const hot = segments[0]!;
    w.beliefs.flowHistory.fill(0);
    w.beliefs.flowHistory[(4 % rows) * C + hot] = 12;
    w.week.cap = { ...capabilities(() => 'coexistence', w.fixed.p) };
    w.week.index = 5;
    expect(sharedFlows(w, segments)).toBeNull(); // nothing shared at coexistence
    w.week.cap = { ...w.week.cap, infoAccuracy: 1, infoLagWeeks: 0 };
    expect(sharedFlows(w, segments)).toEqual(segments.map((c) => (c === hot ? 1 : 0)));
    w.week.cap = { ...w.week.cap, infoAccuracy: 0.5 };
    const n = segments.length;
    expect(sharedFlows(w, segments)!.map((x) => Math.round(x * 1e12) / 1e12)).toEqual(segments.map((c) => Math.round(((c === hot ? 0.5 : 0) + 0.5 / n) * 1e12) / 1e12));
    w.week.cap = { ...w.week.cap, infoLagWeeks: 1 }; // last week but one: no flows then
    expect(sharedFlows(w, segments)).toBeNull();
    w.week.index = 0;
    w.week.cap = { ...w.week.cap, infoLagWeeks: 0 };
    expect(sharedFlows(w, segments)).toBeNull(); // no week before the first
    w.beliefs.flowHistory.fill(0);
  });

  it('moves the targeted share of both sides’ units to the routes shared information shows', () => {
    const C = w.fixed.geo.crossingIds.length;
    const rows = w.beliefs.flowHistory.length / C;
    const hot = segments[1]!;
    reset(w, PatrolMode.parallel, 0);
    w.beliefs.flowHistory.fill(0);
    w.beliefs.flowHistory[(2 % rows) * C + hot] = 7;
    w.week.index = 3;
    w.week.cap = { ...w.week.cap, infoAccuracy: 1, infoLagWeeks: 0 };
    w.week.patrolTargetShare = 0.5;
    assignPatrols(w);
    const [a, b] = [wID(), wMY()];
    segments.forEach((c, i) => {
      const extra = c === hot ? 0.5 : 0;
      expect(w.week.coverage[c * 3]).toBeCloseTo(w.fixed.p.patrolUnits * (0.5 * a[i]! + extra), 9);
      expect(w.week.coverage[c * 3 + 1]).toBeCloseTo(w.fixed.p.malaysianPatrolUnits * (0.5 * b[i]! + extra), 9);
    });
    w.beliefs.flowHistory.fill(0);
  });

  it('takes patrolDiversion of the joint units from each side’s own: all of them, and the programme adds nothing in parallel; none, and it adds all', () => {
    const effectiveTotal = (x: World) => sum(segments.map((c) => effective(x, c)));
    const p = w.fixed.p;
    const before = p.patrolDiversion;
    reset(w, PatrolMode.parallel, 0);
    assignPatrols(w);
    const alone = Array.from(w.week.detection);
    const base = effectiveTotal(w);
    // Everything the programme fields is taken from the two sides: in parallel (spread as each side's own, losing the gap) nothing changes.
    setP(w, { patrolDiversion: 1 });
    reset(w, PatrolMode.parallel, 30);
    assignPatrols(w);
    segments.forEach((c) => expect(w.week.detection[c]).toBeCloseTo(alone[c]!, 12));
    expect(sum(segments.map((c) => w.week.coverage[c * 3]!))).toBeCloseTo(p.patrolUnits - 15, 9);
    expect(sum(segments.map((c) => w.week.coverage[c * 3 + 1]!))).toBeCloseTo(p.malaysianPatrolUnits - 15, 9);
    // Nothing taken: the programme's units all add.
    setP(w, { patrolDiversion: 0 });
    reset(w, PatrolMode.parallel, 30);
    assignPatrols(w);
    expect(effectiveTotal(w)).toBeCloseTo(base + 30 * (1 - p.lineGap), 6);
    // A programme larger than a side's own units takes them all, never fewer than none.
    setP(w, { patrolDiversion: 1 });
    reset(w, PatrolMode.joint, 2 * (p.patrolUnits + p.malaysianPatrolUnits));
    assignPatrols(w);
    for (const c of segments) expect([w.week.coverage[c * 3], w.week.coverage[c * 3 + 1]]).toEqual([0, 0]);
    expect(sum(segments.map((c) => w.week.coverage[c * 3 + 2]!))).toBeCloseTo(2 * (p.patrolUnits + p.malaysianPatrolUnits), 6);
    setP(w, { patrolDiversion: before });
  });

  it('targets shared routes less the more officers collude (brokers learn what is targeted): share × (1 − infoLeak · colluding share)', () => {
    const C = w.fixed.geo.crossingIds.length;
    const rows = w.beliefs.flowHistory.length / C;
    const hot = segments[1]!;
    const p = w.fixed.p;
    const [a, b] = [wID(), wMY()];
    const onHot = (colluding: number) => {
      reset(w, PatrolMode.parallel, 0);
      w.beliefs.flowHistory.fill(0);
      w.beliefs.flowHistory[(2 % rows) * C + hot] = 7;
      w.week.index = 3;
      w.week.cap = { ...w.week.cap, infoAccuracy: 1, infoLagWeeks: 0 };
      w.week.patrolTargetShare = 0.5;
      w.beliefs.colludingShare = colluding;
      assignPatrols(w);
      const t = 0.5 * (1 - p.infoLeak * colluding);
      segments.forEach((c, i) => {
        const extra = c === hot ? t : 0;
        expect(w.week.coverage[c * 3]).toBeCloseTo(p.patrolUnits * ((1 - t) * a[i]! + extra), 9);
        expect(w.week.coverage[c * 3 + 1]).toBeCloseTo(p.malaysianPatrolUnits * ((1 - t) * b[i]! + extra), 9);
      });
      return w.week.coverage[hot * 3]! + w.week.coverage[hot * 3 + 1]!;
    };
    expect(p.infoLeak).toBe(0.5);
    const hotCover = [0, 0.2, 0.6, 1].map(onHot);
    for (let k = 1; k < hotCover.length; k++) expect(hotCover[k]).toBeLessThan(hotCover[k - 1]!);
    w.beliefs.flowHistory.fill(0);
    w.beliefs.colludingShare = 0;
  });
});
