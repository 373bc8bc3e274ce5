/**
 * The baseline — spun up to its steady state before 2019 — reproduces the patterns listed at the
 * end of the model brief (docs/sources.md) to the stated order of magnitude. Each test names the observed figure and its
 * source (border facts §n and enforcement facts: entries of docs/sources.md). Every figure is the mean over five seeds; runs are
 * scaled (1 agent = 20 persons), counts in persons.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import type { Summary } from '../../src/experiment/outputs.js';
import type { ScenarioInput } from '../../src/scenario/schema.js';
import { dataWith } from './helpers.js';
import { offThread } from './off-thread.js';

const SEEDS = [1, 2, 3, 4, 5];
const SCALE = 20;
const runner = offThread();
let base: Summary;

/** The summary whose every number is the mean over SEEDS. */
async function meanSummary(data: ScenarioInput): Promise<Summary> {
  const runs = await runner.summaries(data, SEEDS, SCALE);
  const avg = (get: (x: Summary) => number) => runs.reduce((a, r) => a + get(r), 0) / runs.length;
  const out = structuredClone(runs[0]!);
  for (const k of Object.keys(out.totals)) out.totals[k] = avg((r) => r.totals[k]!);
  for (const [y, row] of Object.entries(out.perYear)) for (const k of Object.keys(row)) row[k] = avg((r) => r.perYear[y]![k]!);
  for (const [c, row] of Object.entries(out.perCrossing))
    for (const k of Object.keys(row) as (keyof typeof row)[]) if (typeof row[k] === 'number') (row as unknown as Record<string, number>)[k] = avg((r) => r.perCrossing[c]![k] as number);
  return out;
}

beforeAll(async () => {
  base = await meanSummary(await dataWith());
}, 1_200_000);

/** Within a factor of `f` of an observed value. */
const near = (x: number, observed: number, f: number) => {
  expect(x).toBeGreaterThan(observed / f);
  expect(x).toBeLessThan(observed * f);
};

describe('baseline patterns (model brief)', () => {
  it('official crossing volumes are of the right order at each post (border facts §2)', () => {
    const day = (id: string) => base.perCrossing[id]!.perDayWhenOpen;
    near(day('entikong'), 1000, 3); // ~700–1,500/day (detik 2016; tvrikalbarnews 2026)
    near(day('aruk'), 750, 3); // 500–1,000/day (tribunnews 2022)
    near(day('nanga_badau'), 100, 3); // ~50–140/day (pontianakpost 2018; antaranews 2024)
    near(day('long_midang'), 85, 3); // 80–90/day (liputankaltara)
    near(day('nunukan_tawau'), 800, 3); // ~8 boats of ~100 seats a day (peluangnews)
  });

  it('identified victims are of the right order: hundreds a year in the region, a small share of the trafficked (SIMFONI-PPA national 191–624 a year 2019–21, enforcement facts)', () => {
    for (const y of ['2019', '2023', '2024']) near(base.perYear[y]!.identified!, 600, 5);
    expect(base.totals.identified!).toBeLessThan(0.2 * base.totals.trafficked!);
    // Not reproduced: the national rise 2019 → 2021. In the model the COVID years see fewer
    // departures, so fewer victims and fewer identified (docs/ODD.md, patterns).
  });

  it('COVID-19: regular crossings collapse while the posts are closed and recover after, departures fall, the footpaths carry the rest (enforcement facts, COVID dates)', () => {
    const y = (year: string, m: string) => base.perYear[year]![m]!;
    expect(y('2021', 'crossings_regular')).toBe(0);
    expect(y('2023', 'crossings_regular')).toBeGreaterThan(0.8 * y('2019', 'crossings_regular'));
    expect(y('2021', 'departures')).toBeLessThan(0.7 * y('2019', 'departures'));
    expect(y('2023', 'departures')).toBeGreaterThan(0.8 * y('2019', 'departures'));
    const informalShare = (year: string) => y(year, 'crossings_informal') / (y(year, 'crossings_informal') + y(year, 'crossings_regular') + y(year, 'crossings_colluded'));
    expect(informalShare('2021')).toBeGreaterThan(informalShare('2019'));
  });

  /** The depots' backlog week by week, averaged over the seeds. */
  const backlogOf = async () => {
    const data = await dataWith();
    const backlog = new Float64Array(313);
    for (const r of await Promise.all(SEEDS.map((seed) => runner.run({ data, seed, scale: SCALE, series: ['detention_backlog'] }))))
      r.series.detention_backlog!.forEach((x, t) => (backlog[t]! += x / SEEDS.length));
    return (from: number, to: number) => backlog.subarray(from, to).reduce((a, b) => a + b, 0) / (to - from);
  };

  it('COVID-19: deportations stall and the depots fill (enforcement facts: Sabah deportations stopped 18 Mar 2020, depots over capacity 2020–22; Sabah deported 12,230 in 2019, 2,497 in 2021)', async () => {
    const y = (year: string, m: string) => base.perYear[year]![m]!;
    expect(y('2021', 'deportations')).toBeLessThan(0.6 * y('2019', 'deportations'));
    expect(y('2023', 'deportations')).toBeGreaterThan(0.8 * y('2019', 'deportations'));
    const mean = await backlogOf();
    const peak2020 = Math.max(...Array.from({ length: 52 }, (_, k) => mean(52 + k, 53 + k)));
    expect(peak2020).toBeGreaterThan(1.5 * mean(0, 52));
  }, 900_000);

  // Not reproduced (docs/calibration.md, "The check"): the backlog is fed by raids alone, which the movement control
  // order and Sabah's smaller operations cut from 2021, so it is lowest in 2021 (about 7 against 11 in 2019) and
  // highest in 2023 (19). `it.fails`: this test fails the day the model reproduces the pattern.
  it.fails('COVID-19: the depots stay full through 2021–22 and clear by 2023 (depots over capacity 2020–22, Sabah 7,200 in September 2022) — a missing mechanism', async () => {
    const mean = await backlogOf();
    expect(mean(104, 156)).toBeGreaterThan(1.5 * mean(0, 52));
    expect(mean(209, 261)).toBeLessThan(1.5 * mean(0, 52));
  }, 900_000);

  it('deportations are of the right order (Nunukan ~1,800–2,000/yr 2022–23; Entikong 3,758 in 2023, border facts §4)', () => {
    const nunukan = (base.perYear['2022']!.deportations_sabah! + base.perYear['2023']!.deportations_sabah!) / 2;
    near(nunukan, 1900, 2);
    near(base.perYear['2023']!.deportations_sarawak!, 3758, 2);
  });

  it('informal crossings far outnumber official ones', () => {
    const t = base.totals;
    expect(t.crossings_informal!).toBeGreaterThan(2 * (t.crossings_regular! + t.crossings_colluded!));
  });

  it('far-origin migrants rely on brokers more than border residents, who rely on kin', () => {
    const t = base.totals;
    const farAll = t.channel_procedural_far! + t.channel_broker_far! + t.channel_kin_far!;
    const borderBroker = t.channel_broker! - t.channel_broker_far!;
    const borderKin = t.channel_kin! - t.channel_kin_far!;
    const borderAll = t.channel_procedural! + t.channel_broker! + t.channel_kin! - farAll;
    expect(t.channel_broker_far! / farAll).toBeGreaterThan(borderBroker / borderAll);
    expect(borderKin / borderAll).toBeGreaterThan(t.channel_kin_far! / farAll);
  });

  it('patrols on one route push flows to others unless intelligence targets them', async () => {
    const target = 'entikong_informal';
    const others = (s: Summary) =>
      Object.entries(s.perCrossing).filter(([id, c]) => id !== target && c.kind === 'informal').reduce((n, [, c]) => n + c.informal, 0);
    const patrolled = await dataWith((d) => {
      const c = d.crossings.find((x) => x.id === target)!;
      c.patrolCoverage = (c.patrolCoverage ?? 0) * 8;
    });
    const withIntel = await dataWith((d) => {
      const c = d.crossings.find((x) => x.id === target)!;
      c.patrolCoverage = (c.patrolCoverage ?? 0) * 8;
      d.stages = [{ date: '2019-01-01', stage: 'collaboration' }];
      d.interventions = [{ kind: 'intelligenceSharing', start: '2019-01-07', intensity: 1 }];
    });
    const [a, b] = await Promise.all([meanSummary(patrolled), meanSummary(withIntel)]);
    expect(others(a)).toBeGreaterThan(others(base));
    expect(others(b)).toBeLessThan(others(a));
  }, 900_000);

});
