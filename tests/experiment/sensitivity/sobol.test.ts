/** Saltelli design and Sobol' indices: the estimators recover the analytic indices of the Ishigami and g-functions. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { saltelliDesign, sobolIndices, type SobolIndex } from '../../../src/experiment/sensitivity/sobol.js';
import {
  G_FUNCTION_A,
  gFunction,
  gFunctionIndices,
  ishigami,
  ishigamiIndices,
} from '../../../src/experiment/sensitivity/test-functions.js';

const N = 2 ** 13;
const OPTS = { bootstrap: 500, seed: 20240611 };

function run(k: number, f: (x: Float64Array) => number, opts = OPTS): SobolIndex[] {
  const design = saltelliDesign(k, N);
  const { yA, yB, yAB } = design.split(design.points.map(f));
  return sobolIndices(yA, yB, yAB, opts);
}

function expectCovers(est: SobolIndex, S1: number, ST: number, label: string): void {
  expect(est.S1lo, `${label} S1 lo`).toBeLessThanOrEqual(S1);
  expect(est.S1hi, `${label} S1 hi`).toBeGreaterThanOrEqual(S1);
  expect(est.STlo, `${label} ST lo`).toBeLessThanOrEqual(ST);
  expect(est.SThi, `${label} ST hi`).toBeGreaterThanOrEqual(ST);
  expect(Math.abs(est.S1 - S1), `${label} S1`).toBeLessThan(0.05);
  expect(Math.abs(est.ST - ST), `${label} ST`).toBeLessThan(0.05);
}

describe('test functions', () => {
  it('have the published analytic indices', () => {
    const ish = ishigamiIndices();
    expect(ish.S1.map((s) => +s.toFixed(4))).toEqual([0.3139, 0.4424, 0]);
    expect(ish.ST.map((s) => +s.toFixed(4))).toEqual([0.5576, 0.4424, 0.2437]);
    const g = gFunctionIndices();
    expect(g.S1[0]).toBeCloseTo(0.7162, 4);
    expect(g.ST[0]).toBeCloseTo(0.7871, 4);
    // Without interactions (one input) first-order and total coincide at 1.
    expect(gFunctionIndices([2])).toEqual({ S1: [expect.closeTo(1, 12)], ST: [expect.closeTo(1, 12)] });
  });
});

describe('saltelliDesign', () => {
  it('lays out A, B and every AB_i in blocks of n rows, with AB_i = A except column i from B', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 32 }), fc.integer({ min: 2, max: 40 }), fc.integer({ min: 0, max: 1000 }), (k, n, skip) => {
        const d = saltelliDesign(k, n, skip);
        expect(d.points).toHaveLength(n * (k + 2));
        const A = d.points.slice(0, n), B = d.points.slice(n, 2 * n);
        // Plain checks, one expect: this loop runs ~50,000 times.
        const wrong: number[] = [];
        for (let index = 0; index < d.points.length; index++) {
          const p = d.points[index]!;
          const loc = d.locate(index);
          let ok = p.length === k && loc.row === index % n && p.every((x) => x >= 0 && x < 1);
          if (loc.matrix === 'AB') for (let c = 0; c < k; c++) ok &&= p[c] === (c === loc.input ? B[loc.row]![c] : A[loc.row]![c]);
          if (!ok) wrong.push(index);
        }
        expect(wrong).toEqual([]);
        expect(d.locate(0)).toEqual({ matrix: 'A', input: null, row: 0 });
        expect(d.locate(n)).toEqual({ matrix: 'B', input: null, row: 0 });
        expect(d.locate(n * (k + 2) - 1)).toEqual({ matrix: 'AB', input: k - 1, row: n - 1 });
        // split inverts the layout.
        const y = d.points.map((_, j) => j);
        const s = d.split(y);
        expect(s.yA[n - 1]).toBe(n - 1);
        expect(s.yB[0]).toBe(n);
        expect(s.yAB[k - 1]![n - 1]).toBe(n * (k + 2) - 1);
      }),
      { numRuns: 40 },
    );
  });

  it('rejects designs it cannot build', () => {
    expect(() => saltelliDesign(33, 8)).toThrow(/at most 32 inputs/);
    expect(() => saltelliDesign(0, 8)).toThrow(/inputs/);
    expect(() => saltelliDesign(2, 1)).toThrow(/rows/);
    expect(() => saltelliDesign(2, 4).split([1, 2, 3])).toThrow(/expected 16 outputs/);
    expect(() => saltelliDesign(2, 4).locate(16)).toThrow(/no design point/);
  });
});

describe('sobolIndices', () => {
  it('recovers the Ishigami indices within their bootstrap 95% intervals', () => {
    const est = run(3, (x) => ishigami(x));
    const { S1, ST } = ishigamiIndices();
    est.forEach((e, i) => expectCovers(e, S1[i]!, ST[i]!, `x${i + 1}`));
  });

  it('recovers the g-function indices, and finds the a = 99 inputs unimportant', () => {
    const est = run(G_FUNCTION_A.length, (x) => gFunction(x));
    const { S1, ST } = gFunctionIndices();
    for (let i = 0; i < 4; i++) expectCovers(est[i]!, S1[i]!, ST[i]!, `x${i + 1}`);
    for (let i = 4; i < 8; i++) {
      expect(est[i]!.ST, `x${i + 1}`).toBeLessThan(0.01);
      expect(Math.abs(est[i]!.S1), `x${i + 1}`).toBeLessThan(0.01);
    }
  });

  it('is deterministic: the same seed gives identical results, another seed other intervals only', () => {
    const f = (x: Float64Array) => ishigami(x);
    const a = run(3, f), b = run(3, f);
    expect(b).toEqual(a);
    const c = run(3, f, { ...OPTS, seed: OPTS.seed + 1 });
    expect(c.map((e) => [e.S1, e.ST])).toEqual(a.map((e) => [e.S1, e.ST]));
    expect(c.map((e) => e.S1lo)).not.toEqual(a.map((e) => e.S1lo));
  });

  it('gives intervals that widen with the level and NaN bounds without a bootstrap', () => {
    const d = saltelliDesign(3, 256);
    const { yA, yB, yAB } = d.split(d.points.map((x) => ishigami(x)));
    const [n95] = sobolIndices(yA, yB, yAB, { bootstrap: 200, seed: 1 });
    const [n50] = sobolIndices(yA, yB, yAB, { bootstrap: 200, seed: 1, level: 0.5 });
    expect(n95!.S1hi - n95!.S1lo).toBeGreaterThan(n50!.S1hi - n50!.S1lo);
    const [none] = sobolIndices(yA, yB, yAB, { bootstrap: 0, seed: 1 });
    expect(none!.S1).toBe(n95!.S1);
    expect(none!.S1lo).toBeNaN();
    expect(none!.SThi).toBeNaN();
  });

  it('calls every index 0 when the output does not vary', () => {
    const d = saltelliDesign(2, 64);
    const { yA, yB, yAB } = d.split(d.points.map(() => 3));
    for (const e of sobolIndices(yA, yB, yAB, { bootstrap: 20, seed: 1 }))
      expect(e).toEqual({ S1: 0, S1lo: 0, S1hi: 0, ST: 0, STlo: 0, SThi: 0 });
  });

  it('rejects mismatched or non-finite outputs', () => {
    expect(() => sobolIndices([1, 2], [1, 2, 3], [[1, 2]], OPTS)).toThrow(/same length/);
    expect(() => sobolIndices([1, 2], [1, 2], [], OPTS)).toThrow(/AB/);
    expect(() => sobolIndices([1, Number.NaN], [1, 2], [[1, 2]], OPTS)).toThrow(/finite/);
    expect(() => sobolIndices([1, 2], [1, 2], [[1, 2]], { ...OPTS, level: 1 })).toThrow(/level/);
  });
});
