/**
 * A posterior ensemble as other commands read it (for `compare --posterior FILE`): the particles of
 * posterior.csv with their weights, and one parameter set per replicate drawn by weight. The draws
 * are a pure function of (file, replicates, seed), so every variant of a replicate gets the same
 * parameter set — common random numbers over parameters as well as over noise.
 */
import { existsSync, readFileSync } from 'node:fs';
import { csvParse, csvParseRows } from 'd3-dsv';
import { UserError } from '../../core/errors.js';
import { keyedUniform, streamKey } from '../../core/rng.js';

export interface Posterior {
  paths: string[];
  weights: number[];
  /** thetas[particle][parameter], in `paths` order. */
  thetas: number[][];
}

const FIXED = ['particle', 'weight', 'distance'];

export function parsePosterior(text: string, file = 'posterior.csv'): Posterior {
  const [header, ...rows] = csvParseRows(text.trim());
  if (!header || FIXED.some((c, i) => header[i] !== c) || header.length <= FIXED.length)
    throw new UserError([`${file}: expected the header particle,weight,distance,<parameter paths> of lintas calibrate's posterior.csv`]);
  const paths = header.slice(FIXED.length);
  const weights: number[] = [];
  const thetas: number[][] = [];
  rows.forEach((row, i) => {
    const xs = row.map(Number);
    if (row.length !== header.length || xs.some((x) => !Number.isFinite(x)) || !(xs[1]! >= 0))
      throw new UserError([`${file}: row ${i + 2}: expected ${header.length} numbers and a weight >= 0`]);
    weights.push(xs[1]!);
    thetas.push(xs.slice(FIXED.length));
  });
  const total = weights.reduce((a, b) => a + b, 0);
  if (!rows.length || !(total > 0)) throw new UserError([`${file}: no particle with a positive weight`]);
  return { paths, weights: weights.map((w) => w / total), thetas };
}

export function readPosterior(file: string): Posterior {
  let text: string;
  try {
    text = readFileSync(file, 'utf8').replace(/^\uFEFF/, ''); // a byte-order mark skipped, as in scenario files
  } catch {
    throw new UserError([`--posterior ${file}: no such file`]);
  }
  return parsePosterior(text, file);
}

/**
 * Replicate r's parameter set: a particle chosen by weight with a draw keyed by (seed, r), so a
 * replicate keeps its parameters when replicates are added (a resume) and every variant shares them.
 */
export function posteriorDraw(p: Posterior, seed: number, r: number): [string, number][] {
  const u = keyedUniform(streamKey(seed, 'compare/posterior'), r, 0);
  const total = p.weights.reduce((a, b) => a + b, 0);
  let acc = 0;
  let j = 0;
  for (; j < p.weights.length - 1; j++) {
    acc += p.weights[j]! / total;
    if (u < acc) break;
  }
  return p.paths.map((path, d) => [path, p.thetas[j]![d]!]);
}

/** The parameter sets of replicates 0 … n − 1 (each one posteriorDraw). */
export function posteriorDraws(p: Posterior, replicates: number, seed: number): [string, number][][] {
  return Array.from({ length: replicates }, (_, r) => posteriorDraw(p, seed, r));
}

/** What a report shows of the calibration behind a posterior: prior against posterior, and the predictive check. */
export interface CalibrationSummary {
  /** The summary file beside the posterior (posterior.json beside posterior.csv, as lintas calibrate writes them). */
  file: string;
  /** How the posterior was fitted: abc-smc or history (history matching, then importance sampling). */
  method: string;
  /** Each calibrated parameter: its prior range, the hand-set value, and the posterior's median and 90% interval. */
  parameters: { path: string; lo: number; hi: number; handSet: number; q05: number; q50: number; q95: number }[];
  /** Averaged relative difference and 90%-interval coverage on fitted and held-out targets, per ensemble. */
  ensembles: { ensemble: string; fit: Score; holdout: Score }[];
  /** The posterior predictive check: each target's observed value against the runs' mean and 90% interval. */
  targets: { id: string; role: string; observed: number; mean: number; lo: number; hi: number; covered: boolean; source: string }[];
}

interface Score {
  ard: number;
  coverage: number;
  n: number;
}

/**
 * The calibration summary beside a posterior (posterior.json for posterior.csv), if there is one;
 * target sources from the targets file it names, when that file is at hand.
 */
export function calibrationBeside(posteriorFile: string): CalibrationSummary | undefined {
  const file = posteriorFile.replace(/\.csv$/i, '.json');
  if (file === posteriorFile || !existsSync(file)) return undefined;
  let c: {
    method?: string;
    posterior?: CalibrationSummary['parameters'];
    check?: { ensemble: string; fit: Score; holdout: Score; targets: Omit<CalibrationSummary['targets'][number], 'source'>[] }[];
    provenance?: { targetsFile?: string };
  };
  try {
    c = JSON.parse(readFileSync(file, 'utf8'));
  } catch {
    return undefined;
  }
  const post = c.check?.find((e) => e.ensemble === 'posterior');
  if (!Array.isArray(c.posterior) || !post) return undefined;
  const sources = new Map<string, string>();
  const targetsFile = c.provenance?.targetsFile;
  if (targetsFile && existsSync(targetsFile)) for (const row of csvParse(readFileSync(targetsFile, 'utf8'))) sources.set(row.id ?? '', row.source ?? '');
  return {
    file,
    method: c.method ?? 'abc-smc',
    parameters: c.posterior.map(({ path, lo, hi, handSet, q05, q50, q95 }) => ({ path, lo, hi, handSet, q05, q50, q95 })),
    ensembles: c.check!.map(({ ensemble, fit, holdout }) => ({ ensemble, fit, holdout })),
    targets: post.targets.map(({ id, role, observed, mean, lo, hi, covered }) => ({ id, role, observed, mean, lo, hi, covered, source: sources.get(id) ?? '' })),
  };
}
