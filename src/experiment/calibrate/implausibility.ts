/**
 * Implausibility (Craig et al. 1997; Vernon et al. 2010): how many standard deviations separate an
 * observation from what the emulator expects the simulator to give at x, counting every source of
 * uncertainty between the two:
 *
 *   I_t(x) = |z_t − E[f_t(x)]| / sqrt(Var_emulator,t(x) + Var_run,t + Var_obs,t + Var_discrepancy)
 *
 * on the log scale of targets.ts's error model: z_t is log(observed) minus the ratio band's centre,
 * Var_obs its log-scale SD squared, Var_run the emulator's nugget (one run's own noise: the
 * observation is compared with one realisation of a stochastic model, as Andrianakis et al. 2015
 * do), and Var_discrepancy what the model cannot do however its parameters are set.
 *
 * The targets' implausibilities combine into one: the second largest (Vernon et al.: one target
 * may be badly emulated or badly observed and should not alone rule a point out), or the largest
 * when fewer than two targets count. A point with the combined implausibility at or above the
 * cut-off (3, after Pukelsheim's three-sigma rule: any unimodal distribution keeps 95% of its mass
 * within 3 SD) is ruled out.
 */
import type { Emulator } from './emulator.js';

export type Combine = 'second' | 'max';

/** One target as history matching sees it. */
export interface HmTarget {
  id: string;
  /** The observation on the model's log scale: log(observed) − the error model's log-ratio centre. */
  z: number;
  /** The observation error's SD on that scale (errorModel's sdLog). */
  sdObs: number;
}

/** The emulators one wave trusts (they passed their leave-one-out check), with what the implausibility adds to their variance. */
export interface WaveRule {
  terms: { target: HmTarget; emulator: Emulator; /** Var_run + Var_obs + Var_discrepancy. */ extra: number }[];
}

export function waveRule(targets: HmTarget[], emulators: Emulator[], trusted: boolean[], discrepancySd: number): WaveRule {
  return {
    terms: targets.flatMap((target, t) => (trusted[t] ? [{ target, emulator: emulators[t]!, extra: emulators[t]!.noiseVariance + target.sdObs ** 2 + discrepancySd ** 2 }] : [])),
  };
}

/** Each trusted target's implausibility at x. */
export function implausibilities(rule: WaveRule, x: ArrayLike<number>): number[] {
  return rule.terms.map(({ target, emulator, extra }) => {
    const p = emulator.predict(x);
    return Math.abs(target.z - p.mean) / Math.sqrt(p.variance + extra);
  });
}

/** The second-largest (or the largest) of the targets' implausibilities; 0 when no target counts. */
export function combine(is: number[], how: Combine): number {
  if (!is.length) return 0;
  const sorted = [...is].sort((a, b) => b - a);
  return how === 'second' && sorted.length >= 2 ? sorted[1]! : sorted[0]!;
}

/**
 * Whether x survives this wave: combined implausibility below the cut-off. Exact, but it first
 * tries the emulators' means alone: with the variance at its upper bound each target's
 * implausibility is a lower bound, with the variance at 0 an upper bound, and the combination is
 * monotone in each, so most points are settled without the O(n²) variance.
 */
export function survives(rule: WaveRule, x: ArrayLike<number>, cutoff: number, how: Combine): boolean {
  if (!rule.terms.length) return true;
  const gaps = rule.terms.map(({ target, emulator }) => Math.abs(target.z - emulator.predictMean(x)));
  const lower = rule.terms.map(({ emulator, extra }, t) => gaps[t]! / Math.sqrt(emulator.varianceBound(x) + extra));
  if (combine(lower, how) >= cutoff) return false;
  const upper = rule.terms.map(({ extra }, t) => gaps[t]! / Math.sqrt(extra));
  if (combine(upper, how) < cutoff) return true;
  return combine(implausibilities(rule, x), how) < cutoff;
}

/** Not ruled out yet: x survives every wave so far. */
export function inNroy(rules: WaveRule[], x: ArrayLike<number>, cutoff: number, how: Combine): boolean {
  return rules.every((r) => survives(r, x, cutoff, how));
}
