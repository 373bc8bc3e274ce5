/** A targets file is checked against its scenario before any run: one line per problem, naming the row. */
import { mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { targetProblems } from '../../../src/experiment/calibrate/target-check.js';
import { parseTargets, readTargets } from '../../../src/experiment/calibrate/targets.js';
import { variantsOf } from '../../../src/experiment/tasks.js';
import { lintas, NO_STACK } from '../../cli/helpers.js';

const HEADER = 'id,metric,place,from,to,statistic,observed,error,sd,ratio_lo,ratio_hi,role,source';
const ctx = { start: '2019-01-07', end: '2024-12-30', crossings: ['entikong', 'nunukan_tawau'], provinces: ['west_kalimantan', 'north_kalimantan'] };
const row = (id: string, metric: string, place: string, from: string, to: string, statistic = 'total', role = 'fit') =>
  `${id},${metric},${place},${from},${to},${statistic},100,count,0.1,,,${role},a source long enough`;
const problems = (...rows: string[]) => targetProblems(parseTargets([HEADER, ...rows].join('\n'), 't.csv'), 't.csv', ctx);

describe('targetProblems', () => {
  it('accepts flows over the border, counts per crossing and province by whole years, a stock mean, and a per-day volume', () => {
    expect(
      problems(
        row('a', 'deportations_sabah', '', '2019-01-01', '2019-12-31'),
        row('b', 'channel_procedural-channel_procedural_far', '', '2019-01-01', '2019-06-30'),
        row('c', 'deported', 'nunukan_tawau', '2022-01-01', '2023-12-31'),
        row('d', 'cases_opened', 'north_kalimantan', '2022-01-01', '2022-12-31'),
        row('e', 'detained_sabah', '', '2022-09-01', '2022-09-30', 'mean'),
        row('f', 'outbound_per_day', 'entikong', '2019-01-01', '2024-12-31', 'per_day'),
      ),
    ).toEqual([]);
  });

  it('names an unknown metric, a flow or stock taken the wrong way, and a count not kept at a place', () => {
    expect(problems(row('a', 'deportees', '', '2019-01-01', '2019-12-31'))).toEqual(['t.csv: row 2 (a): unknown metric deportees (docs/outputs.md lists them)']);
    expect(problems(row('a', 'identified-nope', '', '2019-01-01', '2019-12-31'))).toEqual(['t.csv: row 2 (a): unknown metric nope (docs/outputs.md lists them)']);
    expect(problems(row('a', 'detained_sabah', '', '2019-01-01', '2019-12-31'))).toEqual(['t.csv: row 2 (a): detained_sabah is a stock: use the statistic mean, not total']);
    expect(problems(row('a', 'identified', '', '2019-01-01', '2019-12-31', 'mean'))).toEqual(['t.csv: row 2 (a): identified is a flow: a mean takes a stock such as detained_sabah']);
    expect(problems(row('a', 'deportations_sabah', 'nunukan_tawau', '2022-01-01', '2022-12-31'))).toEqual([
      't.csv: row 2 (a): deportations_sabah is not counted per crossing (expected one of identified, deported, trafficked, outbound)',
    ]);
    expect(problems(row('a', 'trafficked', 'west_kalimantan', '2022-01-01', '2022-12-31'))).toEqual([
      't.csv: row 2 (a): trafficked is not counted per province (expected one of identified, cases_opened, deported)',
    ]);
    expect(problems(row('a', 'identified', 'entikong', '2019-01-01', '2024-12-31', 'per_day'))).toEqual(['t.csv: row 2 (a): a per-day figure takes the metric outbound_per_day, not identified']);
  });

  it('names an unknown place, a window a place does not keep, and a window outside the simulated weeks', () => {
    expect(problems(row('a', 'deported', 'tebedu', '2022-01-01', '2022-12-31'))).toEqual([
      't.csv: row 2 (a): unknown place tebedu (expected a crossing id or a province: entikong, nunukan_tawau, west_kalimantan, north_kalimantan)',
    ]);
    expect(problems(row('a', 'deported', 'entikong', '2022-03-01', '2022-12-31'))).toEqual(['t.csv: row 2 (a): counts at a place are kept per calendar year: 2022-03-01..2022-12-31 is not whole years']);
    expect(problems(row('a', 'identified', '', '2018-01-01', '2018-12-31'))).toEqual(['t.csv: row 2 (a): window 2018-01-01..2018-12-31 is outside the simulated weeks 2019-01-07..2025-01-05']);
    expect(problems(row('a', 'identified', '', '2024-06-01', '2025-05-31'))).toHaveLength(1);
    // A window may start in the days before the first reported week: that week counts from its first day.
    expect(problems(row('a', 'identified', '', '2019-01-01', '2019-12-31'))).toEqual([]);
  });

  it('refuses one figure both fitted and held out, naming both rows; an input row beside either is fine', () => {
    expect(problems(row('a', 'identified', '', '2019-01-01', '2019-12-31'), row('b', 'identified', '', '2019-01-01', '2019-12-31', 'total', 'input'), row('c', 'identified', '', '2019-01-01', '2019-12-31', 'total', 'holdout'))).toEqual([
      't.csv: row 4 (c): the same figure as row 2 (a), one fitted and one held out: a held-out figure must be one the fit never saw',
    ]);
    // The same window of another metric, or another window, is another figure.
    expect(problems(row('a', 'identified', '', '2019-01-01', '2019-12-31'), row('b', 'identified', '', '2020-01-01', '2020-12-31', 'total', 'holdout'))).toEqual([]);
  });

  it('finds nothing wrong with scenarios/data/targets.csv against the baseline', async () => {
    const base = (await variantsOf('scenarios/baseline.ts'))[0]!.scenario;
    const provinces = [...new Set([...base.crossings, ...base.hubs].map((x) => x.province).filter(Boolean))];
    expect(provinces).toEqual(['west_kalimantan', 'north_kalimantan']);
    const file = readTargets('scenarios/data/targets.csv');
    expect(targetProblems(file.targets, 'targets.csv', { start: base.start, end: base.end, crossings: base.crossings.map((c) => c.id), provinces })).toEqual([]);
  });
});

describe('lintas calibrate with a bad targets file', () => {
  it('refuses it with one line per bad row before any run starts', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'lintas-targets-'));
    const file = join(dir, 'bad.csv');
    writeFileSync(file, [HEADER, row('ok', 'identified', '', '2019-01-01', '2019-12-31'), row('bad', 'deportees', 'tebedu', '2019-01-01', '2019-12-31'), row('twice', 'identified', '', '2019-01-01', '2019-12-31', 'total', 'holdout')].join('\n'));
    const out = join(dir, 'out');
    const r = await lintas('calibrate', 'scenarios/baseline.ts', '--targets', file, '--out', out);
    expect(r.code).toBe(2);
    expect(r.stderr).not.toContain(NO_STACK);
    expect(r.stderr.trim().split('\n')).toEqual([
      `${file}: row 3 (bad): unknown place tebedu (expected a crossing id or a province: ${'entikong, aruk, nanga_badau, jagoi_babang, sei_kelik, sei_nyamuk, long_midang, nunukan_tawau, entikong_informal, aruk_informal, nanga_badau_informal, jagoi_babang_informal, sei_kelik_informal, sei_nyamuk_informal, long_midang_informal, nunukan_tawau_informal'}, west_kalimantan, north_kalimantan)`,
      `${file}: row 4 (twice): the same figure as row 2 (ok), one fitted and one held out: a held-out figure must be one the fit never saw`,
    ]);
    // Nothing ran: no output folder.
    expect(readdirSync(dir)).toEqual(['bad.csv']);
  });
});
