/**
 * Robustness of decisions over uncertainty draws, as robust decision making defines it (Lempert
 * et al. 2003; the EMA Workbench's robustness measures): each decision's value in each draw, its
 * regret there (how much less it achieves than the best eligible decision in that same draw,
 * Savage's regret), and its satisficing share (the share of draws in which it meets the goal).
 * The decision that maximises the expected value and the one that minimises the maximum regret,
 * side by side, and what separates them.
 */
import { quantileSorted } from 'd3-array';

/** regret[k][d]: the best eligible value in draw d minus option k's value there (values[option][draw]). */
export function regrets(values: readonly (readonly number[])[], eligible: readonly boolean[]): number[][] {
  const n = values[0]?.length ?? 0;
  const best = Array.from({ length: n }, (_, d) => Math.max(...values.filter((_, k) => eligible[k]).map((v) => v[d]!)));
  return values.map((v) => v.map((x, d) => best[d]! - x));
}

/** One decision's robustness over the draws. */
export interface Robustness {
  mean: number;
  sd: number;
  p05: number;
  p50: number;
  p95: number;
  /** Mean regret against the best eligible decision of each draw. */
  expectedRegret: number;
  /** The largest regret over the draws (min-max regret minimises it). */
  maxRegret: number;
  /** The 90th percentile of the regret: less driven by one extreme draw than the maximum. */
  p90Regret: number;
  /** Share of draws in which the decision meets the goal. */
  satisficing: number;
}

const quantile = (sorted: number[], p: number) => quantileSorted(sorted, p) ?? Number.NaN;

/** Each decision's mean, spread, regret and satisficing (meets[option][draw]: the goal is met). */
export function robustness(values: readonly (readonly number[])[], eligible: readonly boolean[], meets: readonly (readonly boolean[])[]): Robustness[] {
  const r = regrets(values, eligible);
  return values.map((v, k) => {
    const n = v.length;
    const mean = v.reduce((s, x) => s + x, 0) / n;
    const sd = n > 1 ? Math.sqrt(v.reduce((s, x) => s + (x - mean) ** 2, 0) / (n - 1)) : 0;
    const sorted = [...v].sort((a, b) => a - b);
    const rs = [...r[k]!].sort((a, b) => a - b);
    return {
      mean,
      sd,
      p05: quantile(sorted, 0.05),
      p50: quantile(sorted, 0.5),
      p95: quantile(sorted, 0.95),
      expectedRegret: rs.reduce((s, x) => s + x, 0) / n,
      maxRegret: rs[n - 1]!,
      p90Regret: quantile(rs, 0.9),
      satisficing: meets[k]!.filter(Boolean).length / n,
    };
  });
}

/**
 * The eligible decision with the highest mean, and the one with the lowest maximum regret (ties:
 * the lower expected regret, then the first listed).
 */
export function choices(rows: readonly Robustness[], eligible: readonly boolean[]): { maxExpected: number; minMaxRegret: number } {
  let maxExpected = -1;
  let minMaxRegret = -1;
  rows.forEach((r, k) => {
    if (!eligible[k]) return;
    if (maxExpected < 0 || r.mean > rows[maxExpected]!.mean) maxExpected = k;
    const m = minMaxRegret < 0 ? undefined : rows[minMaxRegret]!;
    if (!m || r.maxRegret < m.maxRegret || (r.maxRegret === m.maxRegret && r.expectedRegret < m.expectedRegret)) minMaxRegret = k;
  });
  return { maxExpected, minMaxRegret };
}

/** Spearman's rank correlation (average ranks for ties); 0 where either side does not vary. */
export function spearman(x: readonly number[], y: readonly number[]): number {
  const rank = (v: readonly number[]) => {
    const order = v.map((x, i) => [x, i] as const).sort((a, b) => a[0] - b[0]);
    const r = new Array<number>(v.length);
    for (let i = 0; i < order.length; ) {
      let j = i;
      while (j + 1 < order.length && order[j + 1]![0] === order[i]![0]) j++;
      for (let k = i; k <= j; k++) r[order[k]![1]] = (i + j) / 2;
      i = j + 1;
    }
    return r;
  };
  const a = rank(x), b = rank(y);
  const n = x.length;
  const ma = a.reduce((s, v) => s + v, 0) / n, mb = b.reduce((s, v) => s + v, 0) / n;
  let sab = 0, saa = 0, sbb = 0;
  for (let i = 0; i < n; i++) {
    sab += (a[i]! - ma) * (b[i]! - mb);
    saa += (a[i]! - ma) ** 2;
    sbb += (b[i]! - mb) ** 2;
  }
  return saa > 0 && sbb > 0 ? sab / Math.sqrt(saa * sbb) : 0;
}

/** What separates two decisions A (max expected) and B (min-max regret) over the same draws. */
export interface Separation {
  /** Mean of A − B. */
  meanDifference: number;
  /** Share of draws in which B does strictly better than A. */
  shareBBetter: number;
  /** The draw in which A's regret is largest, and what A and B achieve there. */
  worstDrawOfA: { draw: number; a: number; b: number; regretA: number; regretB: number };
  /** The parameter whose values move most with A − B across the draws (Spearman's ρ), if any varies. */
  driver: { parameter: string; rho: number } | null;
}

/** How two decisions differ over the draws, and which parameter most moves the difference (params[j][d]). */
export function separation(values: readonly (readonly number[])[], eligible: readonly boolean[], a: number, b: number, params: readonly (readonly number[])[], names: readonly string[]): Separation {
  const r = regrets(values, eligible);
  const va = values[a]!, vb = values[b]!;
  const n = va.length;
  const diff = va.map((x, d) => x - vb[d]!);
  let worst = 0;
  for (let d = 1; d < n; d++) if (r[a]![d]! > r[a]![worst]!) worst = d;
  let driver: Separation['driver'] = null;
  params.forEach((col, j) => {
    const rho = spearman(col, diff);
    if (rho !== 0 && (!driver || Math.abs(rho) > Math.abs(driver.rho))) driver = { parameter: names[j]!, rho };
  });
  return {
    meanDifference: diff.reduce((s, x) => s + x, 0) / n,
    shareBBetter: diff.filter((x) => x < 0).length / n,
    worstDrawOfA: { draw: worst, a: va[worst]!, b: vb[worst]!, regretA: r[a]![worst]!, regretB: r[b]![worst]! },
    driver,
  };
}
