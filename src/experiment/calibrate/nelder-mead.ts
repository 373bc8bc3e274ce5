/**
 * Nelder–Mead simplex minimisation (Nelder & Mead 1965; the standard coefficients: reflection 1,
 * expansion 2, contraction ½, shrink ½). Used to choose an emulator's hyperparameters: the
 * objective is cheap to evaluate, has no gradient at hand, and lives in a handful of dimensions.
 * No random restarts inside: the caller supplies the starting points, so the result is a pure
 * function of the objective and the starts.
 */

export interface Minimum {
  x: number[];
  value: number;
  evaluations: number;
}

/**
 * Minimises f from x0 with an initial simplex of x0 plus `step` along each axis; stops after
 * `maxEvaluations` or when the simplex's values span less than `tolerance`. Non-finite values
 * count as +∞ (so an objective may refuse a point by returning NaN or Infinity).
 */
export function nelderMead(f: (x: number[]) => number, x0: number[], o: { step: number; maxEvaluations: number; tolerance?: number }): Minimum {
  const n = x0.length;
  const tol = o.tolerance ?? 1e-6;
  let evaluations = 0;
  const value = (x: number[]) => {
    evaluations++;
    const v = f(x);
    return Number.isFinite(v) ? v : Number.POSITIVE_INFINITY;
  };
  let simplex = [x0, ...x0.map((_, i) => x0.map((v, j) => (i === j ? v + o.step : v)))].map((x) => ({ x, v: value(x) }));
  const along = (a: number[], b: number[], t: number) => a.map((ai, i) => ai + t * (b[i]! - ai));
  while (evaluations < o.maxEvaluations) {
    // Stable sort: ties keep their order, so the run is reproducible.
    simplex.sort((a, b) => a.v - b.v);
    const best = simplex[0]!, worst = simplex[n]!, second = simplex[n - 1]!;
    if (Number.isFinite(worst.v) && worst.v - best.v < tol) break;
    const centroid = x0.map((_, j) => simplex.slice(0, n).reduce((s, p) => s + p.x[j]!, 0) / n);
    const reflected = along(centroid, worst.x, -1);
    const vr = value(reflected);
    if (vr < best.v) {
      const expanded = along(centroid, worst.x, -2);
      const ve = value(expanded);
      simplex[n] = ve < vr ? { x: expanded, v: ve } : { x: reflected, v: vr };
    } else if (vr < second.v) simplex[n] = { x: reflected, v: vr };
    else {
      // Contract towards the better of the worst point and its reflection.
      const outside = vr < worst.v;
      const contracted = along(centroid, outside ? reflected : worst.x, 0.5);
      const vc = value(contracted);
      if (vc < (outside ? vr : worst.v)) simplex[n] = { x: contracted, v: vc };
      else simplex = simplex.map((p, i) => (i === 0 ? p : { x: along(best.x, p.x, 0.5), v: value(along(best.x, p.x, 0.5)) }));
    }
  }
  simplex.sort((a, b) => a.v - b.v);
  return { x: simplex[0]!.x, value: simplex[0]!.v, evaluations };
}
