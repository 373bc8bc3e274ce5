/**
 * The predictive check: how close an ensemble of runs (prior draws, the hand-set baseline over
 * seeds, or the posterior) comes to each observed figure. Two measures, per ensemble and separately
 * for fitted and held-out targets:
 * - the averaged relative difference, mean over targets of |predicted − observed| / observed, where
 *   predicted is the ensemble mean of the model's figure times the middle of the target's ratio
 *   band (the measure Flee reports, so results compare);
 * - the coverage of 90% predictive intervals: the share of targets whose observed value lies
 *   between the 5% and 95% quantiles of what the ensemble predicts an observation would be,
 *   observation error included (the ratio band and the noise of the target's error model).
 */
import { stream } from '../../core/rng.js';
import { gaussian, weightedMean, weightedQuantile } from './abc.js';
import { predicted, type Target } from './targets.js';

export interface TargetCheck {
  id: string;
  role: 'fit' | 'holdout';
  /** The target's series ('' when the file gives none) and whether it lies in the years after the fit's (from 2023 on, or --fit-years). */
  series: string;
  unseenYears: boolean;
  observed: number;
  /** Ensemble mean of the predicted observation. */
  mean: number;
  /** 90% predictive interval of an observation. */
  lo: number;
  hi: number;
  relativeDifference: number;
  covered: boolean;
}

export interface EnsembleCheck {
  ensemble: string;
  runs: number;
  targets: TargetCheck[];
  /** Averaged relative difference and 90% coverage over the fitted and the held-out targets (null if none). */
  fit: Score | null;
  holdout: Score | null;
  /** Held-out targets per series, and those in years after the fit's: how well unseen figures are predicted, series by series. */
  holdoutBySeries: Record<string, Score>;
  unseenYears: Score | null;
}

/** Averaged relative difference and 90% coverage over a set of targets. */
export interface Score {
  ard: number;
  coverage: number;
  n: number;
}

/** The first year after those fitted, unless the calibration says otherwise (--fit-years). */
export const DEFAULT_FIT_UNTIL = 2022;

/** Observation draws per run for the predictive intervals. */
const DRAWS = 20;

/**
 * values[run][target]: the model's figure for each scored target in each run; weights per run.
 * Observation draws come from a stream named after the ensemble, so the check is reproducible.
 */
export function checkEnsemble(ensemble: string, targets: (Target & { role: 'fit' | 'holdout' })[], values: number[][], weights: number[], seed: number | string, fitUntil = DEFAULT_FIT_UNTIL): EnsembleCheck {
  const rng = stream(seed, `check-${ensemble}`);
  const checks = targets.map((t, k): TargetCheck => {
    const vs = values.map((row) => row[k]!);
    const mean = weightedMean(vs.map((v) => predicted(t, v)), weights);
    const noise = Math.log1p(t.sd);
    const draws: number[] = [];
    const drawWeights: number[] = [];
    vs.forEach((v, i) => {
      for (let d = 0; d < DRAWS; d++) {
        // The ratio of a reported figure is log-uniform on its band; a count has none.
        const logRatio = t.error === 'reported' ? Math.log(t.ratio_lo!) + rng.next() * Math.log(t.ratio_hi! / t.ratio_lo!) : 0;
        draws.push(v * Math.exp(logRatio + noise * gaussian(rng)));
        drawWeights.push(weights[i]!);
      }
    });
    const lo = weightedQuantile(draws, drawWeights, 0.05);
    const hi = weightedQuantile(draws, drawWeights, 0.95);
    return { id: t.id, role: t.role, series: t.series ?? '', unseenYears: Number(t.from.slice(0, 4)) > fitUntil, observed: t.observed, mean, lo, hi, relativeDifference: Math.abs(mean - t.observed) / t.observed, covered: t.observed >= lo && t.observed <= hi };
  });
  const score = (xs: TargetCheck[]): Score | null =>
    xs.length ? { ard: xs.reduce((s, c) => s + c.relativeDifference, 0) / xs.length, coverage: xs.filter((c) => c.covered).length / xs.length, n: xs.length } : null;
  const held = checks.filter((c) => c.role === 'holdout');
  const bySeries: Record<string, Score> = {};
  for (const name of [...new Set(held.map((c) => c.series || 'other'))].sort()) bySeries[name] = score(held.filter((c) => (c.series || 'other') === name))!;
  return {
    ensemble,
    runs: values.length,
    targets: checks,
    fit: score(checks.filter((c) => c.role === 'fit')),
    holdout: score(held),
    holdoutBySeries: bySeries,
    unseenYears: score(held.filter((c) => c.unseenYears)),
  };
}
