/**
 * `lintas calibrate --method history`: history matching (history-matching.ts) on the model. Maps
 * the unit cube onto the priors (uniform or log-uniform per parameter), turns each run's figures
 * into the log outputs the emulators model, runs each wave as one resumable experiment under
 * OUT/runs/w<wave>-b0/ and the posterior's runs under OUT/runs/posterior/, and returns weighted
 * particles in the same form as ABC-SMC's, so the check and the files downstream do not care
 * which method fitted.
 */
import { distance, errorModel } from './targets.js';
import { type Combine, historyMatch, type HmBatch, type HmTarget, nroyPosterior } from './history-matching.js';
import type { Factor, HistorySummary, Particle, Scored } from './result.js';
import type { WaveRecord } from './history-matching.js';

/** Runs parameter sets as one experiment named `name`, run i with seed seedOf(i); each run's value of every target. */
export type Batch = (name: string, thetas: number[][], seedOf: (i: number) => number) => Promise<(number | undefined)[][]>;

export interface HistorySettings {
  waves: number;
  runsPerWave: number;
  cutoff: number;
  discrepancy: number;
  combine: Combine;
  seed: number;
  progress?: boolean;
}

export interface HistoryFit {
  particles: Particle[];
  /** The first wave's runs: a space-filling sample of the prior, the check's prior ensemble. */
  prior: (number | undefined)[][];
  waves: WaveRecord[];
  summary: HistorySummary;
}

/** The parameter set at a point of the unit cube: each coordinate is that parameter's prior quantile. */
export const thetaOf = (factors: Factor[], u: number[]) => factors.map((f, d) => (f.log ? Math.exp(Math.log(f.lo) + u[d]! * Math.log(f.hi / f.lo)) : f.lo + u[d]! * (f.hi - f.lo)));

/** A model figure on the emulators' scale: its log, a figure of 0 counting as half a person (as targets.ts's discrepancy does). */
const logOf = (v: number) => Math.log(Math.max(v, 0.5));

/** Seeds: wave k's run i gets seed + 1 + k·10⁶ + i (a wave holds fewer than 10⁶ runs); the posterior's from seed + 8·10⁸. */
const seedOfWave = (seed: number, where: HmBatch) => (i: number) => (where.stage === 'posterior' ? seed + 800_000_000 + i : seed + 1 + where.wave * 1_000_000 + i);

/**
 * History matching over the factors' priors against the fitted targets the runs can give (fitted()
 * is known once the first batch has run), then the importance-sampled posterior inside NROY.
 */
export async function fitHistory(factors: Factor[], targets: Scored[], fitted: () => number[], batch: Batch, s: HistorySettings): Promise<HistoryFit> {
  const hmTargets = (): HmTarget[] =>
    fitted().map((k) => {
      const t = targets[k]!;
      const { logRatio, sdLog } = errorModel(t);
      // observed = model × e^logRatio × noise, so on the model's log scale the observation is log(observed) − logRatio.
      return { id: t.id, z: Math.log(t.observed) - logRatio, sdObs: sdLog };
    });
  const simulate = async (xs: number[][], where: HmBatch) => {
    const name = where.stage === 'posterior' ? 'posterior' : `w${where.wave}-b${where.batch}`;
    const values = await batch(
      name,
      xs.map((u) => thetaOf(factors, u)),
      seedOfWave(s.seed, where),
    );
    return values.map((v) => ({ y: fitted().map((k) => logOf(v[k]!)), out: v }));
  };
  const hm = await historyMatch(simulate, {
    dim: factors.length,
    waves: s.waves,
    runsPerWave: s.runsPerWave,
    targets: hmTargets,
    seed: s.seed,
    cutoff: s.cutoff,
    discrepancy: s.discrepancy,
    combine: s.combine,
    onWave: (w) => {
      if (s.progress) process.stderr.write(`wave ${w.wave}: ${w.runs} runs, ${w.emulators.filter((e) => e.trusted).length} of ${w.emulators.length} emulators trusted, NROY ${(100 * w.nroyFraction).toPrecision(3)}% of the prior box\n`);
    },
  });
  const summary: HistorySummary = {
    cutoff: s.cutoff,
    discrepancy: s.discrepancy,
    combine: s.combine,
    runsPerWave: s.runsPerWave,
    nroyFraction: hm.nroyFraction,
    empty: hm.empty,
    finding: null,
    posteriorRuns: 0,
    posteriorEss: null,
  };
  const prior = hm.runs.filter((r) => r.wave === 1).map((r) => r.out);
  if (hm.empty) {
    const last = hm.waves[hm.waves.length - 1]!;
    const min = last.implausibility ? `; the smallest implausibility among its runs is ${last.implausibility.min.toFixed(2)}` : '';
    summary.finding = `NROY is empty after wave ${last.wave}: no parameter set in the prior box reproduces the fitted targets within their stated uncertainties (cut-off ${s.cutoff}${min}). Widen the priors or --discrepancy, or look again at the targets and the model.`;
    return { particles: [], prior, waves: hm.waves, summary };
  }
  const post = await nroyPosterior(hm, simulate, { runs: s.runsPerWave, seed: s.seed, discrepancy: s.discrepancy, cutoff: s.cutoff, combine: s.combine });
  const fit = fitted().map((k) => targets[k]!);
  summary.posteriorRuns = post.particles.length;
  summary.posteriorEss = Number(post.ess.toFixed(2));
  return {
    particles: post.particles.map((p) => ({ theta: thetaOf(factors, p.x), weight: p.weight, distance: distance(fit, fitted().map((k) => p.out[k]!)) })),
    prior,
    waves: hm.waves,
    summary,
  };
}
