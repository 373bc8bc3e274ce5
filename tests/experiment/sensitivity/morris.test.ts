/** Morris elementary effects: trajectory structure, and screening of the Ishigami and g-functions. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type MorrisDesign, morrisDesign, morrisIndices } from '../../../src/experiment/sensitivity/morris.js';
import { G_FUNCTION_A, gFunction, gFunctionIndices, ishigami } from '../../../src/experiment/sensitivity/test-functions.js';

/** Every structural promise of a design, as a list of what is broken (empty when all hold). */
function structureErrors(d: MorrisDesign): string[] {
  const { k, r, levels: p, delta } = d;
  const errors: string[] = [];
  if (delta !== p / (2 * (p - 1))) errors.push(`Δ = ${delta}`);
  if (d.points.length !== r * (k + 1)) errors.push(`${d.points.length} points`);
  d.points.forEach((x, n) => {
    if (x.length !== k) errors.push(`point ${n} has ${x.length} coordinates`);
    // Inside the unit cube and on the grid j/(p − 1).
    for (const v of x)
      if (!(v >= 0 && v <= 1) || Math.abs(v * (p - 1) - Math.round(v * (p - 1))) > 1e-9) errors.push(`point ${n}: ${v} off the grid`);
  });
  for (let t = 0; t < r; t++) {
    const moved = new Set<number>();
    for (let j = 0; j < k; j++) {
      const a = d.points[t * (k + 1) + j]!, b = d.points[t * (k + 1) + j + 1]!;
      const i = d.factors[t * k + j]!, s = d.signs[t * k + j]!;
      const changed = [...a.keys()].filter((c) => a[c] !== b[c]);
      if (changed.length !== 1 || changed[0] !== i) errors.push(`trajectory ${t} step ${j} changes ${changed}, not ${i}`);
      if (Math.abs(b[i]! - a[i]! - s * delta) > 1e-12) errors.push(`trajectory ${t} step ${j} moves ${b[i]! - a[i]!}, not ${s}Δ`);
      moved.add(i);
    }
    // Each input moves exactly once per trajectory.
    if (moved.size !== k) errors.push(`trajectory ${t} moves ${moved.size} inputs`);
  }
  return errors;
}

describe('morrisDesign', () => {
  it('builds r trajectories of k + 1 points, one input moved by ±Δ per step, inside the unit cube', () => {
    expect(structureErrors(morrisDesign(5, 10, { seed: 1 }))).toEqual([]);
  });

  it('keeps that structure for any k, r, even level count and seed (property)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 12 }),
        fc.integer({ min: 1, max: 12 }),
        fc.constantFrom(2, 4, 6, 8, 10),
        fc.oneof(fc.integer(), fc.string()),
        (k, r, levels, seed) => {
          expect(structureErrors(morrisDesign(k, r, { seed, levels }))).toEqual([]);
        },
      ),
      { numRuns: 100 },
    );
  });

  it('is deterministic in the seed and varies with it', () => {
    const a = morrisDesign(4, 6, { seed: 7 });
    expect(morrisDesign(4, 6, { seed: 7 })).toEqual(a);
    expect(morrisDesign(4, 6, { seed: 8 }).points).not.toEqual(a.points);
  });

  it('rejects odd level counts and empty designs', () => {
    expect(() => morrisDesign(3, 4, { seed: 1, levels: 5 })).toThrow(/even/);
    expect(() => morrisDesign(0, 4, { seed: 1 })).toThrow(/inputs/);
    expect(() => morrisDesign(3, 0, { seed: 1 })).toThrow(/trajectories/);
  });
});

describe('morrisIndices', () => {
  it('recovers exact effects of a linear function: μ = μ* = slope, σ = 0', () => {
    const d = morrisDesign(3, 8, { seed: 3, levels: 6 });
    const m = morrisIndices(
      d,
      d.points.map((x) => 2 * x[0]! - 5 * x[1]!),
    );
    expect(m.map((e) => e.mu)).toEqual([expect.closeTo(2, 9), expect.closeTo(-5, 9), 0]);
    expect(m.map((e) => e.muStar)).toEqual([expect.closeTo(2, 9), expect.closeTo(5, 9), 0]);
    for (const e of m) expect(e.sigma).toBeCloseTo(0, 9);
  });

  it('ranks the g-function inputs as their total indices do', () => {
    const d = morrisDesign(G_FUNCTION_A.length, 50, { seed: 11 });
    const m = morrisIndices(d, d.points.map((x) => gFunction(x)), { bootstrap: 200, seed: 11 });
    const byMuStar = m.map((_, i) => i).sort((a, b) => m[b]!.muStar - m[a]!.muStar);
    const { ST } = gFunctionIndices();
    expect(byMuStar.slice(0, 4)).toEqual([0, 1, 2, 3]);
    expect(ST.slice(0, 4).every((s, i) => i === 0 || s < ST[i - 1]!)).toBe(true);
    // The a = 99 inputs, each below every important one, and their bootstrap intervals too.
    for (let i = 4; i < 8; i++) expect(m[i]!.muStarHi).toBeLessThan(m[3]!.muStarLo);
    for (const e of m) expect(e.muStarLo <= e.muStar && e.muStar <= e.muStarHi).toBe(true);
  });

  it('puts Ishigami x1 and x2 on top and shows x3 acting through an interaction (σ ≫ |μ|)', () => {
    // On the default 4-level grid. (With finer grids μ*(x2) drops below μ*(x3): x2's effect,
    // a sin² term, largely cancels over a step of Δ — a known weakness of μ* on this function.)
    const d = morrisDesign(3, 1000, { seed: 5 });
    const m = morrisIndices(d, d.points.map((x) => ishigami(x)));
    expect(Math.min(m[0]!.muStar, m[1]!.muStar)).toBeGreaterThan(m[2]!.muStar);
    expect(m[2]!.sigma).toBeGreaterThan(5 * Math.abs(m[2]!.mu));
    expect(m[2]!.sigma).toBeGreaterThan(m[2]!.muStar);
  });

  it('is deterministic, and rejects mismatched outputs', () => {
    const d = morrisDesign(3, 20, { seed: 2 });
    const y = d.points.map((x) => ishigami(x));
    expect(morrisIndices(d, y, { bootstrap: 50, seed: 4 })).toEqual(morrisIndices(d, y, { bootstrap: 50, seed: 4 }));
    expect(morrisIndices(d, y)[0]!.muStarLo).toBeNaN();
    expect(() => morrisIndices(d, y.slice(1))).toThrow(/expected 80 outputs/);
    expect(() => morrisIndices(d, y, { bootstrap: 10 })).toThrow(/seed/);
  });
});
