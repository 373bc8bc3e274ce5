/**
 * The baseline reproduces the patterns listed at the end of MODEL.md to the stated order of
 * magnitude. Each test names the observed figure and its source (facts/ = shared/facts/borneo-border-facts.md).
 * Every figure is the mean over five seeds; runs are scaled (1 agent = 20 persons), counts in persons.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import type { Summary } from '../../src/experiment/outputs.js';
import type { Scenario } from '../../src/scenario/load.js';
import { run, scenarioWith } from './helpers.js';

const SEEDS = [1, 2, 3, 4, 5];
const SCALE = 20;
let base: Summary;

/** The summary whose every number is the mean over SEEDS. */
function meanSummary(s: Scenario): Summary {
  const runs = SEEDS.map((seed) => run(s, { seed, scale: SCALE }).summary);
  const avg = (get: (x: Summary) => number) => runs.reduce((a, r) => a + get(r), 0) / runs.length;
  const out = structuredClone(runs[0]!);
  for (const k of Object.keys(out.totals)) out.totals[k] = avg((r) => r.totals[k]!);
  for (const [y, row] of Object.entries(out.perYear)) for (const k of Object.keys(row)) row[k] = avg((r) => r.perYear[y]![k]!);
  for (const [c, row] of Object.entries(out.perCrossing))
    for (const k of Object.keys(row) as (keyof typeof row)[]) if (typeof row[k] === 'number') (row as unknown as Record<string, number>)[k] = avg((r) => r.perCrossing[c]![k] as number);
  return out;
}

beforeAll(async () => {
  base = meanSummary(await scenarioWith());
});

/** Within a factor of `f` of an observed value. */
const near = (x: number, observed: number, f: number) => {
  expect(x).toBeGreaterThan(observed / f);
  expect(x).toBeLessThan(observed * f);
};

describe('baseline patterns (MODEL.md)', () => {
  it('official crossing volumes are of the right order at each post (facts §2)', () => {
    const day = (id: string) => base.perCrossing[id]!.perDayWhenOpen;
    near(day('entikong'), 1000, 3); // ~700–1,500/day (detik 2016; tvrikalbarnews 2026)
    near(day('aruk'), 750, 3); // 500–1,000/day (tribunnews 2022)
    near(day('nanga_badau'), 100, 3); // ~50–140/day (pontianakpost 2018; antaranews 2024)
    near(day('long_midang'), 85, 3); // 80–90/day (liputankaltara)
    near(day('nunukan_tawau'), 800, 3); // ~8 boats of ~100 seats a day (peluangnews)
  });

  it('identified trafficking cases rise from 2019 to 2021 (SIMFONI-PPA: 191, 382, 624 national, facts §4)', () => {
    const y = (year: string) => base.perYear[year]!.identified!;
    expect(y('2020')).toBeGreaterThan(y('2019'));
    expect(y('2021')).toBeGreaterThan(y('2019') * 1.3);
    // A border region's share of the national count: tens to hundreds a year, not thousands.
    near(y('2021'), 300, 5);
  });

  it('deportations are of the right order (Nunukan ~1,800–2,000/yr 2022–23; Entikong 3,758 in 2023, facts §4)', () => {
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
    const patrolled = await scenarioWith((d) => {
      const c = d.crossings.find((x) => x.id === target)!;
      c.patrolCoverage = (c.patrolCoverage ?? 0) * 8;
    });
    const withIntel = await scenarioWith((d) => {
      const c = d.crossings.find((x) => x.id === target)!;
      c.patrolCoverage = (c.patrolCoverage ?? 0) * 8;
      d.stages = [{ date: '2019-01-01', stage: 'collaboration' }];
      d.interventions = [{ kind: 'intelligenceSharing', start: '2019-01-07', intensity: 1 }];
    });
    const a = meanSummary(patrolled);
    const b = meanSummary(withIntel);
    expect(others(a)).toBeGreaterThan(others(base));
    expect(others(b)).toBeLessThan(others(a));
  });

});
