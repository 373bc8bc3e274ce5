/**
 * A posterior ensemble as other commands read it (for `compare --posterior FILE`): the particles of
 * posterior.csv with their weights, and one parameter set per replicate drawn by weight. The draws
 * are a pure function of (file, replicates, seed), so every variant of a replicate gets the same
 * parameter set — common random numbers over parameters as well as over noise.
 */
import { readFileSync } from 'node:fs';
import { csvParseRows } from 'd3-dsv';
import { UserError } from '../../core/errors.js';
import { resample } from './abc.js';

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

/** One override set per replicate, drawn by weight (systematic resampling from a seeded stream). */
export function posteriorDraws(p: Posterior, replicates: number, seed: number): [string, number][][] {
  return resample(p.weights, replicates, seed).map((j) => p.paths.map((path, d) => [path, p.thetas[j]![d]!] as [string, number]));
}
