/** A run's files: residents' visits apart from migrant crossings, per-crossing weekly series that add up, full precision. */
import { csvParse } from 'd3-dsv';
import { beforeAll, describe, expect, it } from 'vitest';
import { type RunResult, runScenario } from '../../src/experiment/run.js';
import { loadScenario } from '../../src/scenario/load.js';

let r: RunResult;
beforeAll(async () => {
  r = runScenario(await loadScenario('scenarios/baseline.ts'), { seed: 3, scale: 50, weeks: 60 });
});

const sum = (rows: Record<string, string | undefined>[], col: string) => rows.reduce((s, row) => s + Number(row[col]), 0);

describe('run outputs', () => {
  it('timeseries.csv keeps migrant crossings and residents\' visits in separate columns per crossing', () => {
    const rows = csvParse(r.timeseries);
    expect(rows.columns).not.toContain('crossings_at_entikong');
    let migrants = 0;
    let visits = 0;
    for (const [id, c] of Object.entries(r.summary.perCrossing)) {
      expect(sum(rows, `migrants_at_${id}`), id).toBeCloseTo(c.regular + c.colluded + c.informal, 6);
      expect(sum(rows, `visits_at_${id}`), id).toBeCloseTo(c.visits, 6);
      migrants += c.migrants;
      visits += c.visits;
    }
    const t = r.summary.totals;
    expect(migrants).toBeCloseTo(t.crossings_regular! + t.crossings_colluded! + t.crossings_informal!, 6);
    expect(visits).toBeCloseTo(t.visits!, 6);
    expect(visits).toBeGreaterThan(0);
  });

  it('crossings.csv has a row per week and crossing whose columns add up to the run totals', () => {
    const rows = csvParse(r.crossings);
    const C = Object.keys(r.summary.perCrossing).length;
    expect(rows).toHaveLength(60 * C);
    expect(rows.columns).toEqual(['week', 'date', 'crossing', 'kind', 'migrant_crossings', 'regular', 'colluded', 'informal', 'intercepted', 'visits', 'trafficked', 'identified', 'deported']);
    const t = r.summary.totals;
    expect(sum(rows, 'intercepted')).toBeCloseTo(t.interceptions!, 6);
    expect(sum(rows, 'visits')).toBeCloseTo(t.visits!, 6);
    expect(sum(rows, 'trafficked')).toBeCloseTo(t.trafficked!, 6);
    expect(sum(rows, 'trafficked')).toBeGreaterThan(0);
    expect(sum(rows, 'migrant_crossings')).toBeCloseTo(sum(rows, 'regular') + sum(rows, 'colluded') + sum(rows, 'informal'), 6);
    for (const [id, c] of Object.entries(r.summary.perCrossing)) {
      const mine = rows.filter((row) => row.crossing === id);
      expect(sum(mine, 'trafficked'), id).toBeCloseTo(c.trafficked, 6);
      expect(sum(mine, 'identified'), id).toBeCloseTo(c.identified, 6);
    }
  });

  it('writes numbers at full precision (no rounding to six decimals)', () => {
    const share = csvParse(r.timeseries).map((row) => row.officials_colluding_share!).filter((x) => x.includes('.'));
    expect(share.length).toBeGreaterThan(0);
    expect(share.some((x) => x.split('.')[1]!.length > 6)).toBe(true);
  });
});
