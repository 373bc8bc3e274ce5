/**
 * Summary statistics for comparisons: means and 95% t-intervals (d3-array for the moments),
 * paired differences against the baseline under common random numbers, and the unpaired
 * interval for reference.
 */
import { deviation, mean } from 'd3-array';

/** Two-sided 97.5% quantile of Student's t with df degrees of freedom (Cornish–Fisher, exact enough for CIs). */
export function tQuantile975(df: number): number {
  if (df <= 0) return Number.NaN;
  const table = [12.706, 4.303, 3.182, 2.776, 2.571, 2.447, 2.365, 2.306, 2.262, 2.228];
  if (df <= table.length) return table[df - 1]!;
  const z = 1.959963984540054;
  const z3 = z ** 3, z5 = z ** 5, z7 = z ** 7;
  return z + (z3 + z) / (4 * df) + (5 * z5 + 16 * z3 + 3 * z) / (96 * df ** 2) + (3 * z7 + 19 * z5 + 17 * z3 - 15 * z) / (384 * df ** 3);
}

export interface Interval {
  mean: number;
  lo: number;
  hi: number;
  n: number;
}

export function meanInterval(xs: readonly number[]): Interval {
  const n = xs.length;
  const m = mean(xs) ?? Number.NaN;
  if (n < 2) return { mean: m, lo: m, hi: m, n };
  const half = (tQuantile975(n - 1) * (deviation(xs) ?? 0)) / Math.sqrt(n);
  return { mean: m, lo: m - half, hi: m + half, n };
}

/** Paired difference variant − baseline, replicate by replicate. */
export function pairedDifference(variant: readonly number[], baseline: readonly number[]): Interval {
  if (variant.length !== baseline.length) throw new Error('paired difference needs the same replicates in both');
  return meanInterval(variant.map((v, i) => v - baseline[i]!));
}

/** Welch interval for the difference of means, ignoring the pairing. */
export function unpairedDifference(variant: readonly number[], baseline: readonly number[]): Interval {
  const a = meanInterval(variant), b = meanInterval(baseline);
  const na = variant.length, nb = baseline.length;
  const va = (deviation(variant) ?? 0) ** 2 / na, vb = (deviation(baseline) ?? 0) ** 2 / nb;
  const se = Math.sqrt(va + vb);
  const df = va + vb > 0 ? (va + vb) ** 2 / (va ** 2 / (na - 1) + vb ** 2 / (nb - 1)) : na + nb - 2;
  const d = a.mean - b.mean;
  const half = tQuantile975(Math.max(1, Math.floor(df))) * se;
  return { mean: d, lo: d - half, hi: d + half, n: Math.min(na, nb) };
}
