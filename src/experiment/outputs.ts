/**
 * What a run reports: summary.json (totals, per year, per crossing), timeseries.csv (one row per
 * week, one column per metric, then migrant crossings and residents' visits per crossing) and
 * crossings.csv (tidy: one row per week and crossing), in persons (agent counts × scale). Numbers
 * are written at full precision (the shortest text that reads back to the same double).
 */
import { csvFormatRows } from 'd3-dsv';
import { dateOfWeek } from '../model/geography.js';
import { isStock, METRICS } from '../model/metrics.js';
import type { Model } from '../model/model.js';
import { type CrossingCount, PROVINCE_COUNTS } from '../model/observe.js';

/** What is counted per place and year where the sources count it: at a crossing, or in a province. */
export const PLACE_COUNTS = { crossing: ['identified', 'deported', 'trafficked', 'outbound'], province: PROVINCE_COUNTS } as const;

/** One place's counts per calendar year (persons; cases for cases_opened). */
export interface PlaceSummary {
  kind: 'crossing' | 'province';
  perYear: Record<string, Record<string, number>>;
}

/**
 * One crossing's totals over a run, in persons: migrant crossings by outcome (regular, colluded, informal, intercepted),
 * residents' visits, victims trafficked, identified and deported there, and its volume per day over the weeks it was open.
 */
export interface CrossingSummary {
  kind: string;
  regular: number;
  colluded: number;
  informal: number;
  intercepted: number;
  /** Migrant crossings (regular + colluded + informal); residents' visits are not in it. */
  migrants: number;
  /** Border residents' short visits (market, medical, family): not migrant crossings. */
  visits: number;
  /** People trafficked who had crossed here (in the week they were trafficked). */
  trafficked: number;
  /** Victims identified at the crossing (by officers or patrols there). */
  identified: number;
  /** Deportees returned through the crossing. */
  deported: number;
  /** Outbound persons per day through the crossing (migrants and visitors), over the weeks it was open. */
  perDayWhenOpen: number;
  weeksOpen: number;
}

/**
 * What a run reports (summary.json): scenario, seed, scale and the reported weeks, each flow metric's total over the run
 * and per calendar year, totals per crossing id, and each stock metric in the final week; head counts in persons.
 */
export interface Summary {
  scenario: string;
  seed: number;
  scale: number;
  start: string;
  end: string;
  weeks: number;
  totals: Record<string, number>;
  perYear: Record<string, Record<string, number>>;
  perCrossing: Record<string, CrossingSummary>;
  /** Per crossing id and per province (`province` fields of crossings.csv and hubs.csv): counts per calendar year. */
  perPlace: Record<string, PlaceSummary>;
  final: Record<string, number>;
}

/** Full precision: JSON and String() write the shortest text that reads back to the same double. */
const tidy = (x: number): number => x;

/** The Summary of a run from its model after it, in persons (the model's observation API). */
export function summarize(model: Model): Summary {
  const weeks = model.week;
  const s = model.input;
  const totals: Record<string, number> = {};
  const final: Record<string, number> = {};
  const perYear: Record<string, Record<string, number>> = {};
  // Each week's year once, not once per metric: a date per metric-week cost more than the rest of the summary.
  const years: string[] = [];
  const yearIndex = new Int32Array(weeks);
  for (let t = 0; t < weeks; t++) {
    const year = dateOfWeek(s.start, t).slice(0, 4);
    if (years.at(-1) !== year) years.push(year);
    yearIndex[t] = years.length - 1;
  }
  // Sums per year and flow in a table, then as records: years in order, flows in METRICS order.
  const yearSums = new Float64Array(years.length * METRICS.length);
  METRICS.forEach((metric, slot) => {
    const series = model.series(metric);
    if (isStock(metric)) {
      final[metric] = tidy(series[weeks - 1] ?? 0);
      return;
    }
    let total = 0;
    for (let t = 0; t < weeks; t++) {
      total += series[t]!;
      yearSums[yearIndex[t]! * METRICS.length + slot]! += series[t]!;
    }
    totals[metric] = tidy(total);
  });
  years.forEach((year, y) => {
    const row: Record<string, number> = (perYear[year] = {});
    METRICS.forEach((metric, slot) => {
      if (!isStock(metric)) row[metric] = tidy(yearSums[y * METRICS.length + slot]!);
    });
  });

  const perCrossing: Record<string, CrossingSummary> = {};
  model.crossingIds.forEach((id, c) => {
    const sum = (count: CrossingCount) => model.crossingSeries(c, count).reduce((a, v) => a + v, 0);
    const open = model.openSeries(c);
    let weeksOpen = 0;
    for (let t = 0; t < weeks; t++) if (open[t]) weeksOpen++;
    const [regular, colluded, informal, intercepted, visits] = [sum('regular'), sum('colluded'), sum('informal'), sum('intercepted'), sum('visits')];
    const outbound = regular + colluded + informal + visits;
    perCrossing[id] = {
      kind: s.crossings[c]!.kind,
      regular: tidy(regular),
      colluded: tidy(colluded),
      informal: tidy(informal),
      intercepted: tidy(intercepted),
      migrants: tidy(regular + colluded + informal),
      visits: tidy(visits),
      trafficked: tidy(sum('trafficked')),
      identified: tidy(sum('identified')),
      deported: tidy(sum('deported')),
      perDayWhenOpen: weeksOpen ? tidy(outbound / (weeksOpen * 7)) : 0,
      weeksOpen,
    };
  });

  const perPlace: Record<string, PlaceSummary> = {};
  const byYear = (series: Float64Array) => {
    const sums = new Float64Array(years.length);
    for (let t = 0; t < weeks; t++) sums[yearIndex[t]!]! += series[t]!;
    return sums;
  };
  const place = (id: string, kind: PlaceSummary['kind'], counts: readonly string[], series: (count: string) => Float64Array) => {
    const sums = counts.map((c) => byYear(series(c)));
    perPlace[id] = { kind, perYear: Object.fromEntries(years.map((year, y) => [year, Object.fromEntries(counts.map((c, k) => [c, tidy(sums[k]![y]!)]))])) };
  };
  // outbound: every crossing out of Indonesia there (migrants by any way and residents' visits), as post counts have it.
  const outbound = (c: number) => {
    const parts = (['regular', 'colluded', 'informal', 'visits'] as const).map((k) => model.crossingSeries(c, k));
    return parts[0]!.map((_, t) => parts.reduce((a, x) => a + x[t]!, 0));
  };
  model.crossingIds.forEach((id, c) => place(id, 'crossing', PLACE_COUNTS.crossing, (count) => (count === 'outbound' ? outbound(c) : model.crossingSeries(c, count as CrossingCount))));
  model.provinceIds.forEach((id, p) => {
    // Crossings and hubs without a province field share the unnamed one: not a place a source counts.
    if (id !== '') place(id, 'province', PLACE_COUNTS.province, (count) => model.provinceSeries(p, count as (typeof PROVINCE_COUNTS)[number]));
  });

  return { scenario: s.name, seed: model.seed, scale: model.scale, start: s.start, end: dateOfWeek(s.start, weeks - 1), weeks, totals, perYear, perCrossing, perPlace, final };
}

/** One row per week: week, date, every metric, then migrant crossings and residents' visits per crossing. */
export function timeseriesCsv(model: Model): string {
  const ids = model.crossingIds;
  const header = ['week', 'date', ...METRICS, ...ids.map((id) => `migrants_at_${id}`), ...ids.map((id) => `visits_at_${id}`)];
  const rows: (string | number)[][] = [header];
  const cols = METRICS.map((m) => model.series(m));
  const migrants = ids.map((_, c) => {
    const [r, k, i] = [model.crossingSeries(c, 'regular'), model.crossingSeries(c, 'colluded'), model.crossingSeries(c, 'informal')];
    return r.map((v, t) => v + k[t]! + i[t]!);
  });
  const visits = ids.map((_, c) => model.crossingSeries(c, 'visits'));
  for (let t = 0; t < model.week; t++) {
    const row: (string | number)[] = [t, dateOfWeek(model.input.start, t)];
    for (const col of cols) row.push(tidy(col[t]!));
    for (const m of migrants) row.push(tidy(m[t]!));
    for (const v of visits) row.push(tidy(v[t]!));
    rows.push(row);
  }
  return `${csvFormatRows(rows.map((r) => r.map(String)))}\n`;
}

/** The columns of crossings.csv after week, date, crossing and kind, each with the counts it adds up. */
export const CROSSING_COLUMNS = [
  ['migrant_crossings', ['regular', 'colluded', 'informal']],
  ['regular', ['regular']],
  ['colluded', ['colluded']],
  ['informal', ['informal']],
  ['intercepted', ['intercepted']],
  ['visits', ['visits']],
  ['trafficked', ['trafficked']],
  ['identified', ['identified']],
  ['deported', ['deported']],
] as const satisfies readonly (readonly [string, readonly CrossingCount[]])[];

/** Tidy per-crossing weekly series: one row per week and crossing. */
export function crossingsCsv(model: Model): string {
  const rows: string[][] = [['week', 'date', 'crossing', 'kind', ...CROSSING_COLUMNS.map(([name]) => name)]];
  const series = model.crossingIds.map((_, c) => CROSSING_COLUMNS.map(([, counts]) => counts.map((k) => model.crossingSeries(c, k))));
  for (let t = 0; t < model.week; t++) {
    const date = dateOfWeek(model.input.start, t);
    model.crossingIds.forEach((id, c) => {
      const values = series[c]!.map((parts) => String(tidy(parts.reduce((sum, x) => sum + x[t]!, 0))));
      rows.push([String(t), date, id, model.input.crossings[c]!.kind, ...values]);
    });
  }
  return `${csvFormatRows(rows)}\n`;
}
