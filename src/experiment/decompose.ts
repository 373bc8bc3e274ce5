/**
 * Decomposing a change of cooperation stage into the mechanisms that make it (switch-one-off):
 * for a variant T at a later stage and a reference R at an earlier one, each mechanism m is held
 * at R's stage in a run T~m with the same seeds. m's contribution is T − T~m, paired replicate by
 * replicate; what the contributions leave of the total T − R is the part due to interactions
 * between mechanisms. Every figure comes with its 95% interval over replicates.
 */
import { MECHANISM_LABELS, MECHANISMS, type Mechanism } from '../model/cooperation.js';
import { meanInterval, type Interval } from './stats.js';

export interface MechanismShare {
  mechanism: Mechanism;
  label: string;
  /** T − T~m: how much of the change goes with the mechanism. */
  contribution: Interval;
  /** contribution / total, of the means (null when the total is 0). */
  share: number | null;
}

export interface Decomposition {
  variant: string;
  against: string;
  metric: string;
  total: Interval;
  mechanisms: MechanismShare[];
  /** total − Σ contributions: the part that only mechanisms together make. */
  interactions: Interval;
}

/** Per-replicate values of T, R and each T~m for one metric. */
export function decompose(
  names: { variant: string; against: string; metric: string },
  target: readonly number[],
  reference: readonly number[],
  held: Readonly<Record<Mechanism, readonly number[]>>,
): Decomposition {
  const n = target.length;
  const totals = target.map((t, i) => t - reference[i]!);
  const contributions = MECHANISMS.map((m) => target.map((t, i) => t - held[m][i]!));
  const rest = totals.map((t, i) => t - contributions.reduce((s, c) => s + c[i]!, 0));
  if (reference.length !== n || MECHANISMS.some((m) => held[m].length !== n)) throw new Error('decomposition needs the same replicates in every run');
  const total = meanInterval(totals);
  return {
    ...names,
    total,
    mechanisms: MECHANISMS.map((mechanism, k) => {
      const contribution = meanInterval(contributions[k]!);
      return { mechanism, label: MECHANISM_LABELS[mechanism], contribution, share: total.mean === 0 ? null : contribution.mean / total.mean };
    }),
    interactions: meanInterval(rest),
  };
}
