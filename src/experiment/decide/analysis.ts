/**
 * What decide makes of the runs: from the people trafficked under each decision in each
 * uncertainty draw (the same draws and seeds for every decision), the cases averted against the
 * baseline, each decision's distribution, the Pareto front, the probability of being best within
 * the budget, regret and satisficing, the max-expected and min-max-regret choices and what
 * separates them, PRIM boxes and a CART tree of the draws in which the main decision fails the
 * goal, and the value of information. Pure: numbers in, numbers out.
 */
import { keyedUniform, streamKey } from '../../core/rng.js';
import { type CartNode, cart } from './cart.js';
import { paretoFront, probabilityBest } from './portfolio.js';
import { type PrimResult, prim } from './prim.js';
import { choices, type Robustness, regrets, robustness, type Separation, separation } from './robustness.js';
import { evpi, evppi, Smoother } from './voi.js';

/** A decision as the analysis sees it: its name and cost, and whether it fits the budget. */
export interface DecisionInput {
  name: string;
  costPerYearIdr: number;
  costIdr: number;
  withinBudget: boolean;
}

/** The uncertainty draws: the parameters' paths, where each comes from, and values[draw][parameter]. */
export interface DrawSet {
  paths: string[];
  sources: ('posterior' | 'prior')[];
  values: number[][];
}

/** One decision's results over the draws. */
export interface DecisionResult extends DecisionInput, Robustness {
  /** Mean share of the baseline's people trafficked that the decision averts. */
  meanAvertedShare: number;
  /** Share of draws in which it is the best decision within the budget. */
  pBest: number;
  /** On the Pareto front of yearly cost against mean cases averted. */
  pareto: boolean;
  /** Programme cost over the horizon per case averted on average (IDR); null unless it averts cases. */
  costPerCaseAvertedIdr: number | null;
}

/** The value of information: EVPI, and EVPPI per parameter and group, in cases averted. */
export interface ValueOfInformation {
  evpi: number;
  /** The options compared: within the budget, and (for EVPPI) ever best or among the ten best on average. */
  options: number;
  evppiOptions: number;
  /** Per parameter: its EVPPI, and its noise level: the mean EVPPI of its values shuffled across the draws (so unrelated to anything). */
  evppi: { parameter: string; source: 'posterior' | 'prior'; value: number; noise: number }[];
  /** Per group of parameters: its EVPPI (an additive model) and its noise level (its draws shuffled together). */
  groups: { group: string; parameters: string[]; value: number; noise: number }[];
  /** The largest noise level of a parameter: EVPPI values below it cannot be told from the estimator's bias. */
  reference: number;
}

export interface Analysis {
  decisions: DecisionResult[];
  /** averted[decision][draw] and the share of the baseline's people trafficked it is. */
  averted: number[][];
  avertedShare: number[][];
  regret: number[][];
  meets: boolean[][];
  choices: { maxExpected: string; minMaxRegret: string; same: boolean; separation: Separation | null };
  main: { name: string; failures: number; draws: number; from: 'option' | 'max-expected' };
  prim: PrimResult | null;
  cart: CartNode[] | null;
  /** Why there is no PRIM or CART: every draw meets the goal, none does, or no parameter varies. */
  discoveryNote: 'all-meet' | 'none-meet' | 'no-parameters' | null;
  voi: ValueOfInformation;
}

export interface AnalysisOptions {
  /** The share of the baseline's people trafficked a decision must avert to meet the goal. */
  goal: number;
  /** The decision whose failures scenario discovery explains; default the max-expected choice. */
  main?: string;
  /** Seed of the reference column of the EVPPI. */
  seed: number;
}

/** Columns of the parameters that vary over the draws (x[j][draw]), with their names and sources. */
function varyingColumns(draws: DrawSet): { x: number[][]; names: string[]; sources: ('posterior' | 'prior')[] } {
  const out = { x: [] as number[][], names: [] as string[], sources: [] as ('posterior' | 'prior')[] };
  draws.paths.forEach((p, j) => {
    const col = draws.values.map((v) => v[j]!);
    if (col.some((v) => v !== col[0])) {
      out.x.push(col);
      out.names.push(p);
      out.sources.push(draws.sources[j]!);
    }
  });
  return out;
}

/** Draws per parameter below which a group's EVPPI is not estimated: an additive model of many parameters over few draws fits chance. */
export const GROUP_DRAWS = 10;

/** Shuffles of a parameter's values the noise level averages over. */
const SHUFFLES = 5;

/**
 * The noise level of a parameter or group: its EVPPI after its values are shuffled across the
 * draws (a group's columns by the same shuffle, so they keep their joint distribution; keyed
 * shuffles, the same for the same seed), averaged over SHUFFLES shuffles. The shuffled columns
 * keep the parameters' distribution, ties included, but are unrelated to the outcomes: what the
 * regression finds in them is the estimator's upward bias for these draws.
 */
function noiseLevel(nb: readonly (readonly number[])[], cols: readonly (readonly number[])[], seed: number, id: number, capped: (v: number) => number): number {
  const key = streamKey(seed, 'decide/voi-noise');
  const n = cols[0]!.length;
  let sum = 0;
  for (let s = 0; s < SHUFFLES; s++) {
    const order = Array.from({ length: n }, (_, d) => [keyedUniform(key, d, id * SHUFFLES + s), d] as const).sort((a, b) => a[0] - b[0] || a[1] - b[1]);
    sum += capped(evppi(nb, cols.map((col) => new Smoother(order.map(([, d]) => col[d]!)))));
  }
  return sum / SHUFFLES;
}

/** EVPI, and EVPPI per varying parameter and group, over the options within the budget. */
export function valueOfInformation(averted: readonly (readonly number[])[], eligible: readonly boolean[], draws: DrawSet, seed: number): ValueOfInformation {
  const options = averted.filter((_, k) => eligible[k]);
  const n = averted[0]?.length ?? 0;
  const e = evpi(options);
  // The options that can matter: ever best in a draw, or among the ten best on average.
  const p = probabilityBest(options, options.map(() => true));
  const means = options.map((v) => v.reduce((s, x) => s + x, 0) / n);
  const top = new Set([...means.keys()].sort((a, b) => means[b]! - means[a]! || a - b).slice(0, 10));
  const nb = options.filter((_, k) => p[k]! > 0 || top.has(k));
  const { x, names, sources } = varyingColumns(draws);
  const smoothers = x.map((col) => new Smoother(col));
  // A regression on finitely many draws can overshoot; no partial information is worth more than perfect information.
  const capped = (v: number) => Math.min(v, e.evpi);
  const noise = x.map((col, j) => noiseLevel(nb, [col], seed, j, capped));
  const evppiRows = smoothers
    .map((s, j) => ({ parameter: names[j]!, source: sources[j]!, value: capped(evppi(nb, [s])), noise: noise[j]! }))
    .sort((a, b) => b.value - a.value || (a.parameter < b.parameter ? -1 : 1));
  const groups: ValueOfInformation['groups'] = [];
  const group = (name: string, pick: (j: number) => boolean) => {
    const js = names.map((_, j) => j).filter(pick);
    // An additive model of k parameters needs draws to spare: at least GROUP_DRAWS per parameter.
    if (js.length < 2 || n < GROUP_DRAWS * js.length) return;
    const value = capped(evppi(nb, js.map((j) => smoothers[j]!)));
    groups.push({ group: name, parameters: js.map((j) => names[j]!), value, noise: noiseLevel(nb, js.map((j) => x[j]!), seed, x.length + groups.length, capped) });
  };
  const both = sources.includes('posterior') && sources.includes('prior');
  if (both) group('posterior', (j) => sources[j] === 'posterior');
  if (both) group('priors', (j) => sources[j] === 'prior');
  group('all', () => true);
  const reference = noise.length ? Math.max(...noise) : 0;
  return { evpi: e.evpi, options: options.length, evppiOptions: nb.length, evppi: evppiRows, groups, reference };
}

/** Scenario discovery of the main decision's failures: PRIM boxes and a CART tree over the varying parameters. */
function discover(fails: readonly boolean[], draws: DrawSet): Pick<Analysis, 'prim' | 'cart' | 'discoveryNote'> {
  const { x, names } = varyingColumns(draws);
  const failures = fails.filter(Boolean).length;
  if (!failures) return { prim: null, cart: null, discoveryNote: 'all-meet' };
  if (failures === fails.length) return { prim: null, cart: null, discoveryNote: 'none-meet' };
  if (!x.length) return { prim: null, cart: null, discoveryNote: 'no-parameters' };
  return { prim: prim(x, fails, names), cart: cart(x, fails, names), discoveryNote: null };
}

/**
 * Analyses the people trafficked under each decision in each draw (trafficked[decision][draw];
 * decision 0 is the baseline, no new measure): everything decide reports.
 */
export function analyse(decisions: readonly DecisionInput[], trafficked: readonly (readonly number[])[], draws: DrawSet, o: AnalysisOptions): Analysis {
  const base = trafficked[0]!;
  const averted = trafficked.map((t) => t.map((x, d) => base[d]! - x));
  const avertedShare = averted.map((a) => a.map((x, d) => (base[d]! > 0 ? x / base[d]! : 0)));
  const meets = avertedShare.map((s) => s.map((x) => x >= o.goal));
  const eligible = decisions.map((d) => d.withinBudget);
  const rows = robustness(averted, eligible, meets);
  const pBest = probabilityBest(averted, eligible);
  const front = paretoFront(decisions.map((d, k) => ({ cost: d.costPerYearIdr, value: rows[k]!.mean })));
  const n = base.length;
  const results: DecisionResult[] = decisions.map((d, k) => ({
    name: d.name,
    costPerYearIdr: d.costPerYearIdr,
    costIdr: d.costIdr,
    withinBudget: d.withinBudget,
    ...rows[k]!,
    meanAvertedShare: avertedShare[k]!.reduce((s, x) => s + x, 0) / n,
    pBest: pBest[k]!,
    pareto: front[k]!,
    costPerCaseAvertedIdr: d.costIdr > 0 && rows[k]!.mean > 0 ? d.costIdr / rows[k]!.mean : null,
  }));
  const c = choices(rows, eligible);
  const regret = regrets(averted, eligible);
  const { x, names } = varyingColumns(draws);
  const same = c.maxExpected === c.minMaxRegret;
  const mainIndex = o.main === undefined ? c.maxExpected : decisions.findIndex((d) => d.name === o.main);
  const fails = meets[mainIndex]!.map((m) => !m);
  return {
    decisions: results,
    averted,
    avertedShare,
    regret,
    meets,
    choices: {
      maxExpected: decisions[c.maxExpected]!.name,
      minMaxRegret: decisions[c.minMaxRegret]!.name,
      same,
      separation: same ? null : separation(averted, eligible, c.maxExpected, c.minMaxRegret, x, names),
    },
    main: { name: decisions[mainIndex]!.name, failures: fails.filter(Boolean).length, draws: n, from: o.main === undefined ? 'max-expected' : 'option' },
    ...discover(fails, draws),
    voi: valueOfInformation(averted, eligible, draws, o.seed),
  };
}
