/**
 * What `lintas calibrate` reports, whichever method fitted: calibration.json's shape, the files
 * beside it (posterior.csv and .parquet, predictive.csv) and the text table. ABC-SMC and history
 * matching both end in weighted particles, so `compare --posterior` reads either's posterior.csv.
 */
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { writeFileAtomic } from '../../io/atomic.js';
import { weightedMean, weightedQuantile } from './abc.js';
import type { EnsembleCheck } from './check.js';
import type { WaveRecord } from './history-matching.js';
import { writeColumnsParquet } from './parquet.js';
import type { Target } from './targets.js';

export interface Factor {
  path: string;
  lo: number;
  hi: number;
  /** The scenario's own (hand-set) value. */
  handSet: number;
  /** Log-uniform prior (from a priors file). */
  log?: boolean;
}

export type Scored = Target & { role: 'fit' | 'holdout' };

/** A weighted parameter set of the posterior, with its run's ABC distance to the fitted targets. */
export interface Particle {
  theta: number[];
  weight: number;
  distance: number;
}

export interface PosteriorSummary {
  path: string;
  mean: number;
  sd: number;
  q05: number;
  q50: number;
  q95: number;
  handSet: number;
  lo: number;
  hi: number;
}

/** History matching's settings and outcome beyond the waves themselves. */
export interface HistorySummary {
  cutoff: number;
  discrepancy: number;
  combine: 'second' | 'max';
  runsPerWave: number;
  /** Share of the prior box not ruled out after the last wave. */
  nroyFraction: number;
  /** True when every parameter set was ruled out: then there is no posterior, and `finding` says why. */
  empty: boolean;
  finding: string | null;
  /** Runs of the importance-sampled posterior inside NROY, and their effective sample size. */
  posteriorRuns: number;
  posteriorEss: number | null;
}

/**
 * What calibrate returns and writes as calibration.json: provenance, the fitted parameters and targets (fitted, held out,
 * unscored), each ABC generation's tolerance or each history-matching wave, each parameter's posterior (mean, sd,
 * 5/50/95% quantiles, the hand-set value) and the out-of-sample check.
 */
export interface CalibrationResult {
  method: 'abc-smc' | 'history';
  scenario: string;
  provenance: { scenarioFile: string; scenarioHash: string; targetsFile: string; targetsHash: string; seed: number; scale: number | null; command?: string };
  factors: Factor[];
  fitted: string[];
  heldOut: string[];
  /** Targets the runs cannot give yet, with the reason. */
  unscored: { id: string; reason: string }[];
  /** ABC-SMC: each generation's tolerance, proposals, acceptances and effective sample size. */
  generations?: { epsilon: number | null; proposed: number; accepted: number; ess: number }[];
  /** History matching: each wave's runs, emulators (with leave-one-out diagnostics), implausibility and NROY share. */
  waves?: WaveRecord[];
  history?: HistorySummary;
  posterior: PosteriorSummary[];
  check: EnsembleCheck[];
  runs: number;
  seconds: number;
}

export const round12 = (x: number) => Number(x.toPrecision(12));

/** Each parameter's weighted mean, SD and 5/50/95% quantiles beside its prior and hand-set value. */
export function summarisePosterior(factors: Factor[], particles: Particle[]): PosteriorSummary[] {
  if (!particles.length) return [];
  const w = particles.map((p) => p.weight);
  return factors.map((f, d) => {
    const xs = particles.map((p) => p.theta[d]!);
    const m = weightedMean(xs, w);
    return {
      path: f.path,
      mean: m,
      sd: Math.sqrt(weightedMean(xs.map((x) => (x - m) ** 2), w)),
      q05: weightedQuantile(xs, w, 0.05),
      q50: weightedQuantile(xs, w, 0.5),
      q95: weightedQuantile(xs, w, 0.95),
      handSet: f.handSet,
      lo: f.lo,
      hi: f.hi,
    };
  });
}

/** The files of a calibration; without particles (an empty NROY) no posterior is written, and a stale one is removed. */
export async function writeOutputs(dir: string, r: CalibrationResult, particles: Particle[], kept: Scored[], check: EnsembleCheck[]): Promise<string[]> {
  const written: string[] = [];
  if (particles.length) {
    const header = ['particle', 'weight', 'distance', ...r.factors.map((f) => f.path)];
    const rows = particles.map((p, i) => [i, p.weight, p.distance, ...p.theta.map(round12)].join(','));
    writeFileAtomic(join(dir, 'posterior.csv'), `${[header.join(','), ...rows].join('\n')}\n`);
    const cols: Record<string, Float64Array | Int32Array> = {
      particle: Int32Array.from(particles, (_, i) => i),
      weight: Float64Array.from(particles, (p) => p.weight),
      distance: Float64Array.from(particles, (p) => p.distance),
    };
    r.factors.forEach((f, d) => (cols[f.path] = Float64Array.from(particles, (p) => round12(p.theta[d]!))));
    await writeColumnsParquet(join(dir, 'posterior.parquet'), cols);
    written.push('posterior.csv', 'posterior.parquet');
  } else for (const f of ['posterior.csv', 'posterior.parquet']) rmSync(join(dir, f), { force: true });
  const pred = ['ensemble,target,role,observed,mean,lo90,hi90,relative_difference,covered,source'];
  for (const c of check)
    c.targets.forEach((t, k) => pred.push([c.ensemble, t.id, t.role, t.observed, round12(t.mean), round12(t.lo), round12(t.hi), round12(t.relativeDifference), t.covered, JSON.stringify(kept[k]!.source)].join(',')));
  writeFileAtomic(join(dir, 'predictive.csv'), `${pred.join('\n')}\n`);
  // The wall time is printed, not written: the same calibration gives the same bytes.
  const { seconds: _seconds, ...kept2 } = r;
  writeFileAtomic(join(dir, 'calibration.json'), `${JSON.stringify(kept2, null, 2)}\n`);
  return [...written, 'predictive.csv', 'calibration.json'];
}

const fmt = (x: number) => (Math.abs(x) >= 1000 || (Math.abs(x) < 0.01 && x !== 0) ? x.toPrecision(3) : Number(x.toPrecision(3)).toString());
const pct = (x: number | undefined) => (x === undefined ? '—' : `${(100 * x).toFixed(0)}%`);
const share = (x: number) => (x >= 0.001 || x === 0 ? `${(100 * x).toFixed(1)}%` : `${(100 * x).toPrecision(2)}%`);

/** History matching's waves as lines: runs, emulators trusted, implausibility of the wave's runs, NROY's share of the prior. */
function waveLines(r: CalibrationResult): string[] {
  const h = r.history!;
  return [
    `  waves (cut-off ${h.cutoff} on the ${h.combine === 'second' ? 'second-largest' : 'largest'} implausibility, model discrepancy SD ${h.discrepancy} on the log scale):`,
    `  ${'wave'.padEnd(6)}${'runs'.padStart(6)}${'trained on'.padStart(12)}${'emulators trusted'.padStart(19)}${'implausibility of its runs'.padStart(28)}${'NROY share'.padStart(12)}`,
    ...r.waves!.map((w) => {
      const trusted = `${w.emulators.filter((e) => e.trusted).length} of ${w.emulators.length}`;
      const imp = w.implausibility ? `${w.implausibility.min.toFixed(2)} – ${w.implausibility.max.toFixed(2)}` : '—';
      return `  ${String(w.wave).padEnd(6)}${String(w.runs).padStart(6)}${String(w.trainingRuns).padStart(12)}${trusted.padStart(19)}${imp.padStart(28)}${share(w.nroyFraction).padStart(12)}`;
    }),
    ...(h.empty ? ['', `  ${h.finding}`] : [`  posterior: ${h.posteriorRuns} runs inside NROY, weighted by the error model's likelihood (effective sample size ${h.posteriorEss?.toFixed(0)})`]),
    ...(!h.empty && h.posteriorEss! < Math.max(10, 0.1 * h.posteriorRuns) ? [`  ${SMALL_ESS}`] : []),
  ];
}

/** Why an importance sample can be poor, and what helps. */
const SMALL_ESS =
  "the effective sample size is small: the runs' own noise is large beside the observation errors (so one run's likelihood is a noisy weight), or the posterior is much narrower than NROY. A finer --scale, more --runs-per-wave or another wave helps.";

/** The result as text: tolerances or waves, the posterior beside the hand-set values, and the check. */
export function calibrationTable(r: CalibrationResult): string {
  const method = r.method === 'history' ? 'history matching' : 'ABC-SMC';
  const lines = [
    `lintas calibrate (${method}): ${r.scenario}, ${r.factors.length} parameters, ${r.fitted.length} fitted and ${r.heldOut.length} held-out targets, ${r.runs} runs in ${r.seconds} s`,
    ...(r.generations ? [`  tolerance by generation: ${r.generations.map((g) => (g.epsilon === null ? '∞' : g.epsilon.toFixed(2))).join(' → ')}`] : waveLines(r)),
  ];
  if (r.posterior.length)
    lines.push(
      '',
      `  ${'parameter'.padEnd(28)}${'hand-set'.padStart(11)}${'posterior mean'.padStart(16)}   90% interval           prior range`,
      ...r.posterior.map((p) => `  ${p.path.padEnd(28)}${fmt(p.handSet).padStart(11)}${fmt(p.mean).padStart(16)}   ${`${fmt(p.q05)} – ${fmt(p.q95)}`.padEnd(22)} ${fmt(p.lo)} – ${fmt(p.hi)}`),
    );
  lines.push(
    '',
    '  averaged relative difference |sim − obs| / obs, and coverage of 90% predictive intervals:',
    `  ${'ensemble'.padEnd(12)}${'fitted ARD'.padStart(12)}${'coverage'.padStart(10)}${'held-out ARD'.padStart(14)}${'coverage'.padStart(10)}`,
    ...r.check.map((c) => `  ${c.ensemble.padEnd(12)}${pct(c.fit?.ard).padStart(12)}${pct(c.fit?.coverage).padStart(10)}${pct(c.holdout?.ard).padStart(14)}${pct(c.holdout?.coverage).padStart(10)}`),
  );
  // Held-out figures series by series, and those in the years the fit never saw.
  const groups = [...new Set(r.check.flatMap((c) => Object.keys(c.holdoutBySeries)))];
  if (groups.length) {
    lines.push('', '  held-out ARD by series (and in the years after those fitted):');
    lines.push(`  ${'ensemble'.padEnd(12)}${[...groups, 'unseen years'].map((g) => g.padStart(14)).join('')}`);
    for (const c of r.check) lines.push(`  ${c.ensemble.padEnd(12)}${[...groups.map((g) => c.holdoutBySeries[g]?.ard), c.unseenYears?.ard].map((x) => pct(x).padStart(14)).join('')}`);
  }
  if (r.unscored.length) lines.push('', `  not scored (the run records do not keep them yet): ${r.unscored.map((u) => u.id).join(', ')}`);
  return lines.join('\n');
}
