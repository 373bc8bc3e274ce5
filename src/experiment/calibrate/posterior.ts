/**
 * A posterior ensemble as other commands read it (for `compare --posterior FILE`): the particles of
 * posterior.csv with their weights, and one parameter set per replicate drawn by weight. The draws
 * are a pure function of (file, replicates, seed), so every variant of a replicate gets the same
 * parameter set — common random numbers over parameters as well as over noise.
 */
import { readFileSync } from 'node:fs';
import { csvParseRows } from 'd3-dsv';
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
    text = readFileSync(file, 'utf8');
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
