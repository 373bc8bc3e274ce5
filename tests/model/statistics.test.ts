/**
 * How official statistics count (statistics.ts): the register's coverage over the years, victims
 * registered nationally, police reports with the week's reporting factor, placements recorded; in a
 * run, each recorded week by week from that week's true counts. Then the task-force crackdown as a
 * fading campaign, and the counts kept per crossing, per province and per state's depots.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { campaignStrength } from '../../src/model/events/task-force-crackdown.js';
import { dateOfWeek } from '../../src/model/geography.js';
import type { Params } from '../../src/model/parameters.js';
import type { MetricName } from '../../src/model/metrics.js';
import { series as observed } from '../../src/model/observe.js';
import { policeReports, registerCoverage, registeredVictims } from '../../src/model/statistics.js';
import { run, scenarioWith } from './helpers.js';

const p = (over: Partial<Params> = {}) =>
  ({ registerCoverage2019: 0.05, registerCoverageGrowth: 0.5, corridorVictimShare: 0.2, policeReportShare: 0.2, corridorCaseShare: 0.2, placementRecordShare: 0.1, ...over }) as Params;

describe('registerCoverage', () => {
  it('is the 2019 coverage on 1 January 2019 and logistic in the years since', () => {
    expect(registerCoverage(p(), '2019-01-01')).toBeCloseTo(0.05, 12);
    const logit = Math.log(0.05 / 0.95) + 0.5 * (Date.parse('2021-01-01') - Date.parse('2019-01-01')) / (365.25 * 86_400_000);
    expect(registerCoverage(p(), '2021-01-01')).toBeCloseTo(1 / (1 + Math.exp(-logit)), 12);
    expect(registerCoverage(p({ registerCoverageGrowth: 0 }), '2024-06-01')).toBeCloseTo(0.05, 12);
  });

  it('lies in (0, 1), rises over the years with growth, and with the 2019 coverage', () => {
    const date = fc.integer({ min: 0, max: 6 * 365 }).map((d) => new Date(Date.parse('2019-01-01') + d * 86_400_000).toISOString().slice(0, 10));
    fc.assert(
      fc.property(fc.double({ min: 0.01, max: 0.3, noNaN: true }), fc.double({ min: 0.01, max: 1.5, noNaN: true }), date, date, (c0, g, a, b) => {
        const q = p({ registerCoverage2019: c0, registerCoverageGrowth: g });
        const [ca, cb] = [registerCoverage(q, a), registerCoverage(q, b)];
        expect(ca).toBeGreaterThan(0);
        expect(ca).toBeLessThan(1);
        if (a < b) expect(cb).toBeGreaterThan(ca);
        expect(registerCoverage(p({ registerCoverage2019: Math.min(0.5, c0 * 1.5), registerCoverageGrowth: g }), a)).toBeGreaterThan(ca);
      }),
    );
  });
});

describe('registeredVictims and policeReports', () => {
  it('divide the corridor counts kept by the corridor share of the national figure', () => {
    expect(registeredVictims(p(), 100, '2019-01-01')).toBeCloseTo((100 * 0.05) / 0.2, 9);
    expect(registeredVictims(p({ corridorVictimShare: 0.5 }), 100, '2019-01-01')).toBeCloseTo(10, 9);
    expect(policeReports(p(), 50, 0)).toBeCloseTo(50, 12);
    expect(policeReports(p({ policeReportShare: 0.1, corridorCaseShare: 0.4 }), 80, 0)).toBeCloseTo(20, 12);
    // A crackdown files part of the cases not otherwise reported: at full filing every case, never more.
    expect(policeReports(p(), 50, 0.5)).toBeCloseTo((50 * (0.2 + 0.8 * 0.5)) / 0.2, 12);
    expect(policeReports(p(), 50, 1)).toBeCloseTo(250, 12);
    expect(policeReports(p(), 50, 3)).toBeCloseTo(250, 12);
    expect(policeReports(p(), 0, 1)).toBe(0);
  });
});

describe('campaignStrength', () => {
  it('starts whole and halves every half-life', () => {
    expect(campaignStrength(8, 0)).toBe(1);
    expect(campaignStrength(8, 8 / (365.25 / 7))).toBeCloseTo(0.5, 12);
    expect(campaignStrength(4, 8 / (365.25 / 7))).toBeCloseTo(0.25, 12);
    fc.assert(fc.property(fc.double({ min: 1, max: 52, noNaN: true }), fc.double({ min: 0, max: 3, noNaN: true }), fc.double({ min: 0.01, max: 1, noNaN: true }), (h, y, d) => {
      expect(campaignStrength(h, y + d)).toBeLessThan(campaignStrength(h, y));
      expect(campaignStrength(h * 2, y + d)).toBeGreaterThanOrEqual(campaignStrength(h, y + d));
    }));
  });
});

describe('official counts in a run', async () => {
  const s = await scenarioWith();
  const { world: w, summary } = run(s, { seed: 2, scale: 50 });
  const q = w.fixed.p;
  const weeks = summary.weeks;
  const series = (name: string) => {
    const values = observed(w, name as MetricName);
    return (t: number) => values[t]!;
  };

  it('records each week the register, police reports and placements from that week’s true counts', () => {
    const [identified, cases, proc, procFar] = ['identified', 'cases_opened', 'channel_procedural', 'channel_procedural_far'].map(series);
    const [reg, police, placed] = ['register_victims', 'police_reports', 'placements_recorded'].map(series);
    let checked = 0;
    for (let t = 0; t < weeks; t += 13) {
      const date = dateOfWeek(s.start, t);
      expect(reg!(t)).toBeCloseTo((identified!(t) * registerCoverage(q, date)) / q.corridorVictimShare, 6);
      expect(placed!(t)).toBeCloseTo((proc!(t) - procFar!(t)) * q.placementRecordShare, 6);
      if (date < '2023-06-05') expect(police!(t)).toBeCloseTo((cases!(t) * q.policeReportShare) / q.corridorCaseShare, 6);
      checked++;
    }
    expect(checked).toBeGreaterThan(20);
  });

  it('in the task force’s first weeks, records more of the cases as reports, then less as the campaign fades', () => {
    const [cases, police] = ['cases_opened', 'police_reports'].map(series);
    const start = Array.from({ length: weeks }, (_, t) => t).find((t) => dateOfWeek(s.start, t) >= '2023-06-05')!;
    const ratio = (t: number) => police!(t) / cases!(t);
    const base = (q.policeReportShare / q.corridorCaseShare);
    const early = [0, 1, 2, 3].map((k) => start + k).filter((t) => cases!(t) > 0);
    expect(early.length).toBeGreaterThan(0);
    for (const t of early) expect(ratio(t)).toBeGreaterThan(base * 2);
    const late = [52, 53, 54, 55, 56].map((k) => start + k).filter((t) => cases!(t) > 0);
    for (const t of late) expect(ratio(t)).toBeLessThan(base * 1.2);
  });

  it('keeps counts per crossing and per province that add up to the border’s, year by year, and depots that hold the detained', () => {
    for (const [year, row] of Object.entries(summary.perYear)) {
      let deported = 0;
      const prov = { identified: 0, cases_opened: 0, deported: 0 };
      for (const place of Object.values(summary.perPlace)) {
        const r = place.perYear[year]!;
        if (place.kind === 'crossing') deported += r.deported!;
        else for (const k of ['identified', 'cases_opened', 'deported'] as const) prov[k] += r[k]!;
      }
      expect(deported).toBeCloseTo(row.deportations_sabah! + row.deportations_sarawak!, 6);
      expect(prov.deported).toBeCloseTo(deported, 6);
      expect(prov.identified).toBeCloseTo(row.identified!, 6);
      expect(prov.cases_opened).toBeCloseTo(row.cases_opened!, 6);
    }
    expect(Object.keys(summary.perPlace).filter((k) => summary.perPlace[k]!.kind === 'province')).toEqual(['west_kalimantan', 'north_kalimantan']);
    // Everyone deported through Nunukan came from Sabah's depots.
    expect(summary.perPlace.nunukan_tawau!.perYear['2022']!.deported).toBe(summary.perYear['2022']!.deportations_sabah);
    const [sabah, sarawak, detained] = ['detained_sabah', 'detained_sarawak', 'stock_detained'].map(series);
    for (let t = 0; t < weeks; t += 7) expect(sabah!(t) + sarawak!(t)).toBe(detained!(t));
  });
});
