/**
 * History matching in waves (Vernon et al. 2010; Andrianakis et al. 2015): rather than looking for
 * the best parameter sets, rule out the ones that cannot reproduce the observations, using
 * emulators (emulator.ts) to judge far more parameter sets than could be simulated.
 *
 * Everything happens in the unit cube of the prior: coordinate d is the prior's quantile of
 * parameter d (uniform or log-uniform), so the prior is uniform there. Wave k:
 * 1. design: wave 1 takes a Sobol' design over the whole cube (shifted by a seeded vector, so the
 *    seed matters); later waves take points uniform in the current NROY (not-ruled-out-yet) space,
 *    the candidates the previous wave kept;
 * 2. simulate them (one batch, one resumable experiment);
 * 3. fit one emulator per target on the runs inside the current NROY (all waves so far: earlier
 *    runs outside it would spend the emulator's flexibility on a region already ruled out), and
 *    check each by leave-one-out: only emulators that pass may rule points out;
 * 4. the new NROY is what survives every wave's emulators. It is estimated by rejection: seeded
 *    uniform draws in the bounding box of the previous NROY's candidates (with a margin), kept if
 *    they survive every wave; the share kept times the box's volume estimates NROY's share of the
 *    prior, and the kept draws, uniform in NROY, feed the next wave's design.
 * No draws left means every parameter set in the prior box is ruled out: the model cannot give the
 * observations within the stated uncertainties. That is a finding, reported, not an error.
 *
 * The posterior (nroyPosterior) is an importance sample: fresh runs at points drawn from the final
 * NROY (guided by the emulators), weighted by the error model's likelihood of the observations.
 */
import { stream, type Stream } from '../../core/rng.js';
import { SOBOL_MAX_DIMS, sobolPoints } from '../sensitivity/sobol-sequence.js';
import { gaussian, resample } from './abc.js';
import { type Emulator, type EmulatorOptions, fitEmulator, type LooDiagnostics, looPasses } from './emulator.js';
import { type Combine, combine, type HmTarget, implausibilities, inNroy, type WaveRule, waveRule } from './implausibility.js';

export type { Combine, HmTarget } from './implausibility.js';

/** Where a batch of simulations belongs: a wave's design, or the posterior's runs. */
export interface HmBatch {
  stage: 'wave' | 'posterior';
  wave: number;
  batch: number;
}

/** Runs the simulator at unit-cube points; y is each target's log output, in the order targets() gives them. */
export type HmSimulate<T> = (xs: number[][], where: HmBatch) => Promise<{ y: number[]; out: T }[]>;

export interface HistoryOptions {
  dim: number;
  waves: number;
  runsPerWave: number;
  /** The targets, asked for once the first wave has run (the caller learns then which ones the runs can give). */
  targets: () => HmTarget[];
  seed: number | string;
  /** Cut-off on the combined implausibility (default 3). */
  cutoff?: number;
  /** Model-discrepancy SD on the log scale (default 0.1). */
  discrepancy?: number;
  combine?: Combine;
  /** NROY draws kept per wave (default max(2000, 2 × runsPerWave)). */
  candidates?: number;
  /** Uniform draws a wave may test before it settles for fewer (default 50 × candidates). */
  maxDraws?: number;
  /** Runs an emulator conditions on at most (the newest waves first; default 1000): a prediction's variance costs n². */
  maxTrain?: number;
  emulator?: EmulatorOptions;
  onWave?: (w: WaveRecord) => void;
}

export interface EmulatorRecord {
  target: string;
  trusted: boolean;
  lengthScales: number[];
  signalSd: number;
  noiseSd: number;
  meanForm: string;
  loo: LooDiagnostics;
}

/** What one wave did. */
export interface WaveRecord {
  wave: number;
  /** Simulations run for this wave, and how many runs (this wave's and earlier ones inside the previous NROY) trained its emulators. */
  runs: number;
  trainingRuns: number;
  emulators: EmulatorRecord[];
  /** Combined implausibility of this wave's runs under its emulators (null when no emulator was trusted). */
  implausibility: { min: number; max: number; belowCutoff: number } | null;
  /** Uniform draws tested, kept, and the volume of the box they were drawn in. */
  draws: { tested: number; kept: number; boxVolume: number };
  /** Share of the prior box not ruled out after this wave. */
  nroyFraction: number;
}

export interface HmRun<T> {
  x: number[];
  y: number[];
  out: T;
  wave: number;
}

export interface HistoryResult<T> {
  targets: HmTarget[];
  waves: WaveRecord[];
  /** Every simulation, wave by wave. */
  runs: HmRun<T>[];
  /** Draws uniform in the final NROY (empty when everything was ruled out). */
  nroy: number[][];
  nroyFraction: number;
  /** True when the last wave left nothing not ruled out. */
  empty: boolean;
  /** Whether x survives every wave (for an NROY-restricted prior). */
  inNroy: (x: ArrayLike<number>) => boolean;
  /** The emulators' rules, wave by wave. */
  rules: WaveRule[];
  /** The last wave's emulators, one per target (trusted or not): they guide the posterior's proposal. */
  emulators: Emulator[];
}

/** A Sobol' design over the unit cube, shifted modulo 1 by a seeded vector (Cranley–Patterson), so each seed has its own design. */
export function shiftedSobol(n: number, dim: number, seed: number | string): number[][] {
  if (dim > SOBOL_MAX_DIMS) throw new Error(`history matching: at most ${SOBOL_MAX_DIMS} parameters, got ${dim}`);
  const rng = stream(seed, 'hm-design-shift');
  const shift = Array.from({ length: dim }, () => rng.next());
  return sobolPoints(n, dim).map((p) => Array.from(p, (v, d) => (v + shift[d]!) % 1));
}

/** A box [lo, hi] in the unit cube. */
interface Box {
  lo: number[];
  hi: number[];
}

const unitBox = (dim: number): Box => ({ lo: Array(dim).fill(0), hi: Array(dim).fill(1) });
const volume = (b: Box) => b.lo.reduce((v, l, d) => v * (b.hi[d]! - l), 1);

/** The bounding box of points, widened by 10% of its width and 0.01 on each side (NROY may reach a little past the draws that found it), within the cube. */
function boxAround(xs: number[][]): Box {
  const dim = xs[0]!.length;
  const lo: number[] = [], hi: number[] = [];
  for (let d = 0; d < dim; d++) {
    const a = Math.min(...xs.map((x) => x[d]!)), b = Math.max(...xs.map((x) => x[d]!));
    const m = 0.1 * (b - a) + 0.01;
    lo.push(Math.max(0, a - m));
    hi.push(Math.min(1, b + m));
  }
  return { lo, hi };
}

/** Uniform draws in `box` kept if they survive every rule, chunk by chunk, until `want` are kept or `maxDraws` tested. */
function drawNroy(box: Box, rules: WaveRule[], o: { want: number; maxDraws: number; cutoff: number; how: Combine; rng: Stream }): { kept: number[][]; tested: number } {
  const kept: number[][] = [];
  let tested = 0;
  while (kept.length < o.want && tested < o.maxDraws) {
    const chunk = Math.min(o.want, o.maxDraws - tested);
    for (let i = 0; i < chunk; i++) {
      const x = box.lo.map((l, d) => l + o.rng.next() * (box.hi[d]! - l));
      if (inNroy(rules, x, o.cutoff, o.how)) kept.push(x);
    }
    tested += chunk;
  }
  return { kept, tested };
}

/**
 * n points for a design or a posterior batch from draws uniform in NROY: the first n of them, or
 * all of them topped up with small Gaussian moves of them that stay in NROY (then, as a last resort,
 * repeats: every run has its own seed, so a repeat is another realisation, not a copy).
 */
export function pickFromNroy(draws: number[][], n: number, rules: WaveRule[], o: { cutoff: number; how: Combine; rng: Stream }): number[][] {
  if (draws.length >= n) return draws.slice(0, n);
  const out = [...draws];
  const box = boxAround(draws);
  const sd = box.lo.map((l, d) => 0.05 * (box.hi[d]! - l));
  for (let tries = 0; out.length < n && tries < 100 * n; tries++) {
    const x = draws[tries % draws.length]!.map((v, d) => v + sd[d]! * gaussian(o.rng));
    if (x.every((v) => v >= 0 && v <= 1) && inNroy(rules, x, o.cutoff, o.how)) out.push(x);
  }
  for (let i = 0; out.length < n; i++) out.push(draws[i % draws.length]!);
  return out;
}

/** One emulator per target on the training runs, each with its leave-one-out check. */
function emulate(train: HmRun<unknown>[], targets: HmTarget[], o: EmulatorOptions | undefined): { emulators: Emulator[]; records: EmulatorRecord[] } {
  const emulators = targets.map((_, t) =>
    fitEmulator(
      train.map((r) => r.x),
      train.map((r) => r.y[t]!),
      o,
    ),
  );
  const records = emulators.map((em, t): EmulatorRecord => {
    const loo = em.loo().diagnostics;
    return { target: targets[t]!.id, trusted: looPasses(loo), lengthScales: em.lengthScales, signalSd: Math.sqrt(em.signalVariance), noiseSd: Math.sqrt(em.noiseVariance), meanForm: em.meanForm, loo };
  });
  return { emulators, records };
}

export async function historyMatch<T>(simulate: HmSimulate<T>, o: HistoryOptions): Promise<HistoryResult<T>> {
  const cutoff = o.cutoff ?? 3, how = o.combine ?? 'second', disc = o.discrepancy ?? 0.1;
  const want = o.candidates ?? Math.max(2000, 2 * o.runsPerWave);
  const maxDraws = o.maxDraws ?? 50 * want;
  const maxTrain = o.maxTrain ?? 1000;
  const runs: HmRun<T>[] = [];
  const waves: WaveRecord[] = [];
  const rules: WaveRule[] = [];
  let targets: HmTarget[] = [];
  let nroy: number[][] = [];
  let box = unitBox(o.dim);
  let fraction = 1;
  let last: Emulator[] = [];
  for (let k = 1; k <= o.waves; k++) {
    const design = k === 1 ? shiftedSobol(o.runsPerWave, o.dim, o.seed) : pickFromNroy(nroy, o.runsPerWave, rules, { cutoff, how, rng: stream(o.seed, `hm-w${k}-design`) });
    const sims = await simulate(design, { stage: 'wave', wave: k, batch: 0 });
    if (k === 1) targets = o.targets();
    design.forEach((x, i) => runs.push({ x, y: sims[i]!.y, out: sims[i]!.out, wave: k }));
    // Refocus: the runs inside the current NROY, newest wave first (in design order within a wave), at most maxTrain of them.
    const inside = runs
      .filter((r) => inNroy(rules, r.x, cutoff, how))
      .sort((a, b) => b.wave - a.wave)
      .slice(0, maxTrain);
    const { emulators, records } = emulate(inside, targets, o.emulator);
    const rule = waveRule(targets, emulators, records.map((r) => r.trusted), disc);
    const combined = design.map((x) => combine(implausibilities(rule, x), how));
    rules.push(rule);
    last = emulators;
    const drawn = drawNroy(box, rules, { want, maxDraws, cutoff, how, rng: stream(o.seed, `hm-w${k}-draws`) });
    fraction = (volume(box) * drawn.kept.length) / drawn.tested;
    const wave: WaveRecord = {
      wave: k,
      runs: design.length,
      trainingRuns: inside.length,
      emulators: records,
      implausibility: rule.terms.length ? { min: Math.min(...combined), max: Math.max(...combined), belowCutoff: combined.filter((c) => c < cutoff).length / combined.length } : null,
      draws: { tested: drawn.tested, kept: drawn.kept.length, boxVolume: volume(box) },
      nroyFraction: fraction,
    };
    waves.push(wave);
    o.onWave?.(wave);
    nroy = drawn.kept;
    if (!nroy.length) break;
    box = boxAround(nroy);
  }
  return { targets, waves, runs, nroy, nroyFraction: fraction, empty: !nroy.length, inNroy: (x) => inNroy(rules, x, cutoff, how), rules, emulators: last };
}

export interface NroyParticle<T> {
  x: number[];
  y: number[];
  out: T;
  weight: number;
}

/** log N(z; mean, variance) summed over targets, without the constant. */
const logLikelihood = (targets: HmTarget[], mean: (t: number) => number, variance: (t: number) => number) =>
  targets.reduce((acc, target, t) => acc - 0.5 * ((target.z - mean(t)) ** 2 / variance(t) + Math.log(variance(t))), 0);

/**
 * The posterior inside the final NROY, by importance sampling with the error model's likelihood of
 * the observations given a run, Π_t N(z_t; y_t, sdObs_t² + discrepancy²) on the log scale.
 *
 * NROY is deliberately generous (a cut-off of 3 SD, on the second-largest implausibility), so a
 * posterior can be much narrower than it; points uniform in NROY would waste most runs. The
 * proposal is therefore guided by the last wave's emulators: the NROY draws are resampled in
 * proportion to a defensive mixture (Hesterberg 1995) of ½ uniform and ½ the emulated likelihood
 * (emulator variance and run noise added), and each run's weight is its likelihood ÷ that
 * proposal. The uniform half bounds the weights where an emulator is wrong. The prior is uniform in
 * the unit cube, so it cancels; one run's likelihood is an unbiased estimate of the likelihood
 * averaged over the model's noise, which keeps the sample exact for the error model (a
 * pseudo-marginal argument) up to NROY's truncation and the finite pool of draws.
 */
export async function nroyPosterior<T>(
  hm: HistoryResult<T>,
  simulate: HmSimulate<T>,
  o: { runs: number; seed: number | string; discrepancy?: number; cutoff?: number; combine?: Combine },
): Promise<{ particles: NroyParticle<T>[]; ess: number }> {
  const disc2 = (o.discrepancy ?? 0.1) ** 2;
  const pool = pickFromNroy(hm.nroy, Math.max(o.runs, hm.nroy.length), hm.rules, { cutoff: o.cutoff ?? 3, how: o.combine ?? 'second', rng: stream(o.seed, 'hm-posterior-pool') });
  const emulated = pool.map((x) => {
    const p = hm.emulators.map((e) => e.predict(x));
    return logLikelihood(hm.targets, (t) => p[t]!.mean, (t) => p[t]!.variance + hm.emulators[t]!.noiseVariance + hm.targets[t]!.sdObs ** 2 + disc2);
  });
  const guide = normalise(emulated);
  const q = guide.map((g) => 0.5 / pool.length + 0.5 * g);
  const pick = resample(q, o.runs, stream(o.seed, 'hm-posterior-pick').int(2 ** 31));
  const xs = pick.map((i) => pool[i]!);
  const sims = await simulate(xs, { stage: 'posterior', wave: hm.waves.length + 1, batch: 0 });
  const logW = sims.map((s, j) => logLikelihood(hm.targets, (t) => s.y[t]!, (t) => hm.targets[t]!.sdObs ** 2 + disc2) - Math.log(pool.length * q[pick[j]!]!));
  const weights = normalise(logW);
  return {
    particles: xs.map((x, i) => ({ x, y: sims[i]!.y, out: sims[i]!.out, weight: weights[i]! })),
    ess: 1 / weights.reduce((s, w) => s + w * w, 0),
  };
}

/** exp of log-weights, scaled to sum to 1 (from the largest, so none overflows). */
function normalise(logW: number[]): number[] {
  const top = Math.max(...logW);
  const raw = logW.map((l) => Math.exp(l - top));
  const total = raw.reduce((a, b) => a + b, 0);
  return raw.map((w) => w / total);
}
