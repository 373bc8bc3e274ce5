/** Reading a posterior ensemble back and drawing one parameter set per replicate. */
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { parsePosterior, posteriorDraws, readPosterior } from '../../../src/experiment/calibrate/posterior.js';

const CSV = 'particle,weight,distance,params.h0,params.ngoOutreach\n0,3,0.5,0.0001,0.002\n1,1,0.7,0.00012,0.001\n';

describe('posterior ensembles', () => {
  it('reads posterior.csv with normalised weights', () => {
    const p = parsePosterior(CSV);
    expect(p.paths).toEqual(['params.h0', 'params.ngoOutreach']);
    expect(p.weights).toEqual([0.75, 0.25]);
    expect(p.thetas[1]).toEqual([0.00012, 0.001]);
  });

  it('draws replicates in proportion to the weights, the same every time', () => {
    const draws = posteriorDraws(parsePosterior(CSV), 400, 3);
    const first = draws.filter((d) => d[0]![1] === 0.0001).length;
    // Weight 0.75: 300 of 400 expected, binomial SD 8.7.
    expect(first).toBeGreaterThan(300 - 35);
    expect(first).toBeLessThan(300 + 35);
    expect(draws[0]).toEqual([['params.h0', expect.any(Number)], ['params.ngoOutreach', expect.any(Number)]]);
    expect(posteriorDraws(parsePosterior(CSV), 400, 3)).toEqual(draws);
    // Replicate r keeps its draw when replicates are added.
    expect(posteriorDraws(parsePosterior(CSV), 10, 3)).toEqual(draws.slice(0, 10));
  });

  it('refuses what is not a posterior', () => {
    expect(() => parsePosterior('a,b\n1,2\n', 'x.csv')).toThrow("x.csv: expected the header particle,weight,distance,<parameter paths> of lintas calibrate's posterior.csv");
    expect(() => parsePosterior('particle,weight,distance,p\n0,-1,0,1\n', 'x.csv')).toThrow('x.csv: row 2: expected 4 numbers and a weight >= 0');
    expect(() => parsePosterior('particle,weight,distance,p\n0,0,0,1\n', 'x.csv')).toThrow('x.csv: no particle with a positive weight');
  });

  it('the shipped baseline posterior reads back: its runs over the parameters of scenarios/calibration-priors.yaml, inside their ranges', () => {
    const p = readPosterior('scenarios/posterior-baseline.csv');
    const shipped = JSON.parse(readFileSync('scenarios/posterior-baseline.json', 'utf8'));
    const priors: { path: string; lo: number; hi: number }[] = shipped.factors;
    expect(p.paths).toEqual(priors.map((f) => f.path));
    expect(readFileSync('scenarios/calibration-priors.yaml', 'utf8').match(/^- path: (\S+)$/gm)!.map((l) => l.slice(8))).toEqual(p.paths);
    expect(p.thetas).toHaveLength(shipped.history.posteriorRuns);
    for (const theta of p.thetas) theta.forEach((x, d) => expect(x >= priors[d]!.lo && x <= priors[d]!.hi, p.paths[d]).toBe(true));
  });
});
