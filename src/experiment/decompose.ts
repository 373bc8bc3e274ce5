/**
 * Decomposing a change of cooperation stage into the mechanisms that make it, by exact Shapley
 * values. For a variant T at a later stage and a reference R at an earlier one, the players are
 * the mechanisms a decomposition lists (and, when it lists only some, the others moving together).
 * Every coalition S of players is a run of T with the mechanisms of the players not in S held at
 * R's stage, with the same seeds (scenario/variants.ts plans them): v(N) = T, v(∅) = T with every
 * mechanism held. A player's value is its marginal change v(S ∪ {i}) − v(S) averaged over the
 * orders in which the players could move, so the values add up to v(N) − v(∅) with nothing left
 * over, replicate by replicate. When R differs from v(∅) in more than its stage (other measures,
 * say), what is left, v(∅) − R, is reported apart as what is not the stage. Every figure comes
 * with its mean and 95% interval over replicates.
 */
import { MECHANISM_LABELS, type Mechanism, type Stage } from '../model/cooperation.js';
import type { DecompositionPlan } from '../scenario/variants.js';
import { meanInterval, type Interval } from './stats.js';

/** One figure of a decomposition over the replicates. */
export interface Figure {
  /** Mean and 95% t-interval over replicates. */
  value: Interval;
  /** The interval excludes zero (false: not distinguishable from zero; never with fewer than two replicates). */
  clear: boolean;
  /** Share of the total change, of the means: null unless the total's interval excludes zero. */
  share: number | null;
  /** The figure in each replicate (every run of replicate r has the same seed). */
  byReplicate: number[];
}

/** A player's Shapley value: one mechanism, or the mechanisms the decomposition does not list, together. */
export interface MechanismValue extends Figure {
  /** The mechanism, or "others" for the unlisted ones moving together. */
  mechanism: Mechanism | 'others';
  /** The mechanisms that move with it. */
  mechanisms: Mechanism[];
  label: string;
}

export interface Decomposition {
  variant: string;
  against: string;
  metric: string;
  method: 'shapley';
  /** The stage the held mechanisms keep: the reference's on the variant's start date. */
  heldAt: Stage;
  /** Coalitions of players (2^players), each a run: the variant, the empty coalition, and the runs added. */
  coalitions: number;
  /** The run of the empty coalition (every mechanism held): `against` itself when the two differ only in their stages. */
  emptyCoalition: string;
  /** variant − against. */
  total: Figure;
  /** variant − empty coalition: what the change of stage makes; the mechanisms' values add up to it. */
  stageChange: Figure;
  /** Shapley values, the listed mechanisms in the order of MECHANISMS, then "others". */
  mechanisms: MechanismValue[];
  /** empty coalition − against: what differs between the variants apart from the stage; null when nothing does. */
  notStage: Figure | null;
}

/** Weight of a coalition of s players in a game of n: s!(n − s − 1)!/n! = 1/(n · C(n − 1, s)). */
export function shapleyWeight(n: number, s: number): number {
  let choose = 1;
  for (let k = 1; k <= s; k++) choose = (choose * (n - s - 1 + k)) / k;
  return 1 / (n * choose);
}

const popcount = (x: number) => {
  let c = 0;
  for (let y = x; y; y &= y - 1) c++;
  return c;
};

/** Players a game may have: 2^n coalitions each is a run. */
export const MAX_PLAYERS = 16;

/**
 * Exact Shapley values of a game of n players, `value` given on every coalition as a bitmask (bit
 * i set: player i in it): φ_i = Σ over S not containing i of |S|!(n − |S| − 1)!/n! · (v(S ∪ {i}) − v(S)).
 */
export function shapleyValues(n: number, value: (coalition: number) => number): number[] {
  if (!Number.isInteger(n) || n < 1 || n > MAX_PLAYERS) throw new Error(`a Shapley decomposition needs 1 to ${MAX_PLAYERS} players, got ${n}`);
  const v = Array.from({ length: 2 ** n }, (_, s) => value(s));
  const weights = Array.from({ length: n }, (_, s) => shapleyWeight(n, s));
  return Array.from({ length: n }, (_, i) => {
    const bit = 1 << i;
    let phi = 0;
    for (let s = 0; s < v.length; s++) if (!(s & bit)) phi += weights[popcount(s)]! * (v[s | bit]! - v[s]!);
    return phi;
  });
}

/** The interval excludes zero, over at least two replicates. */
const isClear = (i: Interval) => i.n >= 2 && (i.lo > 0 || i.hi < 0);

/**
 * One decomposition of one metric from per-replicate values: `values(run)` gives a run's metric in
 * each replicate (the same replicates, in the same order, for every run).
 */
export function decompose(plan: DecompositionPlan, metric: string, values: (run: string) => readonly number[]): Decomposition {
  const runs = plan.runs.map(values);
  const n = plan.players.length;
  const target = runs[runs.length - 1]!;
  const empty = runs[0]!;
  const reference = values(plan.against);
  const replicates = target.length;
  if (reference.length !== replicates || runs.some((r) => r.length !== replicates)) throw new Error('decomposition needs the same replicates in every run');
  const phis = Array.from({ length: replicates }, (_, r) => shapleyValues(n, (s) => runs[s]![r]!));
  const totals = target.map((t, r) => t - reference[r]!);
  const total = meanInterval(totals);
  const totalClear = isClear(total);
  const figure = (byReplicate: number[]): Figure => {
    const value = meanInterval(byReplicate);
    return { value, clear: isClear(value), share: totalClear ? value.mean / total.mean : null, byReplicate };
  };
  return {
    variant: plan.variant,
    against: plan.against,
    metric,
    method: 'shapley',
    heldAt: plan.stage,
    coalitions: plan.runs.length,
    emptyCoalition: plan.runs[0]!,
    total: figure(totals),
    stageChange: figure(target.map((t, r) => t - empty[r]!)),
    mechanisms: plan.players.map((p, i) => ({
      mechanism: p.name,
      mechanisms: p.mechanisms,
      label: p.name === 'others' ? `the other mechanisms together (${p.mechanisms.join(', ')})` : MECHANISM_LABELS[p.name],
      ...figure(phis.map((phi) => phi[i]!)),
    })),
    notStage: plan.emptyIsReference ? null : figure(empty.map((e, r) => e - reference[r]!)),
  };
}
