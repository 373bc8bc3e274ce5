/** The small linear algebra and the optimiser behind the emulator, against answers worked by hand. */
import { describe, expect, it } from 'vitest';
import { backSolve, cholesky, choleskyInPlace, choleskySolve, forwardSolve, halfLogDet, invertLower } from '../../../src/experiment/calibrate/linalg.js';
import { nelderMead } from '../../../src/experiment/calibrate/nelder-mead.js';

const A = [
  [4, 2, 0.4],
  [2, 5, 1],
  [0.4, 1, 3],
];
const flat = () => Float64Array.from(A.flat());
const matVec = (m: number[][], x: ArrayLike<number>) => m.map((row) => row.reduce((s, v, j) => s + v * x[j]!, 0));

describe('linalg', () => {
  it('factors a symmetric positive-definite matrix, L Lᵀ = A, and refuses one that is not', () => {
    const l = cholesky(A)!;
    for (let i = 0; i < 3; i++) for (let j = 0; j < 3; j++) expect(l[i]!.reduce((s, v, k) => s + v * l[j]![k]!, 0)).toBeCloseTo(A[i]![j]!, 12);
    expect(l[0]![1]).toBe(0);
    expect(cholesky([[1, 2], [2, 1]])).toBeUndefined();
    expect(choleskyInPlace(Float64Array.of(0, 0, 0, 1), 2)).toBe(false);
  });

  it('solves A x = b through the factor, and gives half the log-determinant', () => {
    const l = flat();
    choleskyInPlace(l, 3);
    const b = [1, -2, 0.5];
    const x = choleskySolve(l, 3, b);
    matVec(A, x).forEach((v, i) => expect(v).toBeCloseTo(b[i]!, 12));
    // det A by cofactors: 4(15 − 1) − 2(6 − 0.4) + 0.4(2 − 2) = 44.8.
    expect(2 * halfLogDet(l, 3)).toBeCloseTo(Math.log(44.8), 12);
    // The two triangular solves, one at a time.
    const y = forwardSolve(l, 3, Float64Array.from(b));
    expect(Array.from(backSolve(l, 3, y))).toEqual(Array.from(x));
  });

  it('inverts a lower-triangular matrix', () => {
    const l = flat();
    choleskyInPlace(l, 3);
    const inv = invertLower(l, 3);
    for (let i = 0; i < 3; i++)
      for (let j = 0; j < 3; j++) {
        let s = 0;
        for (let k = 0; k < 3; k++) s += l[i * 3 + k]! * inv[k * 3 + j]!;
        expect(s).toBeCloseTo(i === j ? 1 : 0, 12);
      }
  });
});

describe('nelderMead', () => {
  it('finds the minimum of the Rosenbrock function, deterministically', () => {
    const rosenbrock = (x: number[]) => 100 * (x[1]! - x[0]! ** 2) ** 2 + (1 - x[0]!) ** 2;
    const run = () => nelderMead(rosenbrock, [-1.2, 1], { step: 0.5, maxEvaluations: 2000, tolerance: 1e-12 });
    const m = run();
    expect(m.x[0]).toBeCloseTo(1, 3);
    expect(m.x[1]).toBeCloseTo(1, 3);
    expect(m.evaluations).toBeLessThanOrEqual(2002);
    expect(run()).toEqual(m);
  });

  it('treats a refused point (NaN or ∞) as worse than any other', () => {
    const walled = (x: number[]) => (x[0]! < 0.5 ? Number.NaN : (x[0]! - 0.7) ** 2);
    expect(nelderMead(walled, [2], { step: 0.5, maxEvaluations: 200, tolerance: 1e-14 }).x[0]).toBeCloseTo(0.7, 4);
  });
});
