/**
 * What a run reports: summary.json (totals, per year, per crossing), timeseries.csv (one row per
 * week, one column per metric, then migrant crossings and residents' visits per crossing) and
 * crossings.csv (tidy: one row per week and crossing), in persons (agent counts × scale). Numbers
 * are written at full precision (the shortest text that reads back to the same double).
 */
import { csvFormatRows } from 'd3-dsv';
import { CROSSING_SLOTS, DEPORTED_SLOT, IDENTIFIED_SLOT, OUTCOME_NAMES, TRAFFICKED_SLOT, VISIT_SLOT } from '../model/codes.js';
import { dateOfWeek } from '../model/geography.js';
import { isScaled, isStock, METRICS } from '../model/metrics.js';
import type { World } from '../model/state.js';

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
  final: Record<string, number>;
}

/** Full precision: JSON and String() write the shortest text that reads back to the same double. */
const tidy = (x: number): number => x;

/** The Summary of a run from the model's state after it (`model.state`), head counts multiplied by the scale. */
export function summarize(w: World): Summary {
  const rec = w.rec;
  const weeks = rec.ticks;
  const s = w.fixed.input;
  const scaled = (metric: string, v: number) => tidy(isScaled(metric) ? v * w.fixed.scale : v);
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
    const series = rec.series(slot);
    if (isStock(metric)) {
      final[metric] = scaled(metric, series[weeks - 1] ?? 0);
      return;
    }
    let total = 0;
    for (let t = 0; t < weeks; t++) {
      total += series[t]!;
      yearSums[yearIndex[t]! * METRICS.length + slot]! += series[t]!;
    }
    totals[metric] = scaled(metric, total);
  });
  years.forEach((year, y) => {
    const row: Record<string, number> = (perYear[year] = {});
    METRICS.forEach((metric, slot) => {
      if (!isStock(metric)) row[metric] = scaled(metric, yearSums[y * METRICS.length + slot]!);
    });
  });

  const C = w.fixed.geo.crossingIds.length;
  const perCrossing: Record<string, CrossingSummary> = {};
  w.fixed.geo.crossingIds.forEach((id, c) => {
    const sums = new Float64Array(CROSSING_SLOTS);
    let weeksOpen = 0;
    for (let t = 0; t < weeks; t++) {
      if (w.fixed.geo.open[(t + w.fixed.geo.spinUp) * C + c]) weeksOpen++;
      for (let k = 0; k < CROSSING_SLOTS; k++) sums[k]! += w.rec.perCrossing[(t * C + c) * CROSSING_SLOTS + k]!;
    }
    const outbound = sums[0]! + sums[1]! + sums[2]! + sums[VISIT_SLOT]!;
    const entry: CrossingSummary = {
      kind: s.crossings[c]!.kind,
      regular: 0,
      colluded: 0,
      informal: 0,
      intercepted: 0,
      migrants: tidy((sums[0]! + sums[1]! + sums[2]!) * w.fixed.scale),
      visits: tidy(sums[VISIT_SLOT]! * w.fixed.scale),
      trafficked: tidy(sums[TRAFFICKED_SLOT]! * w.fixed.scale),
      identified: tidy(sums[IDENTIFIED_SLOT]! * w.fixed.scale),
      deported: tidy(sums[DEPORTED_SLOT]! * w.fixed.scale),
      perDayWhenOpen: weeksOpen ? tidy((outbound * w.fixed.scale) / (weeksOpen * 7)) : 0,
      weeksOpen,
    };
    OUTCOME_NAMES.forEach((name, k) => (entry[name] = tidy(sums[k]! * w.fixed.scale)));
    perCrossing[id] = entry;
  });

  return { scenario: s.name, seed: w.fixed.seed, scale: w.fixed.scale, start: s.start, end: dateOfWeek(s.start, weeks - 1), weeks, totals, perYear, perCrossing, final };
}

/** One row per week: week, date, every metric, then migrant crossings and residents' visits per crossing. */
export function timeseriesCsv(w: World): string {
  const rec = w.rec;
  const C = w.fixed.geo.crossingIds.length;
  const ids = w.fixed.geo.crossingIds;
  const header = ['week', 'date', ...METRICS, ...ids.map((id) => `migrants_at_${id}`), ...ids.map((id) => `visits_at_${id}`)];
  const rows: (string | number)[][] = [header];
  const cols = METRICS.map((_, slot) => rec.series(slot));
  for (let t = 0; t < rec.ticks; t++) {
    const row: (string | number)[] = [t, dateOfWeek(w.fixed.input.start, t)];
    METRICS.forEach((m, i) => row.push(tidy(isScaled(m) ? cols[i]![t]! * w.fixed.scale : cols[i]![t]!)));
    for (let c = 0; c < C; c++) {
      const base = (t * C + c) * CROSSING_SLOTS;
      row.push(tidy((w.rec.perCrossing[base]! + w.rec.perCrossing[base + 1]! + w.rec.perCrossing[base + 2]!) * w.fixed.scale));
    }
    for (let c = 0; c < C; c++) row.push(tidy(w.rec.perCrossing[(t * C + c) * CROSSING_SLOTS + VISIT_SLOT]! * w.fixed.scale));
    rows.push(row);
  }
  return `${csvFormatRows(rows.map((r) => r.map(String)))}\n`;
}

/** The columns of crossings.csv after week, date, crossing and kind, each with its slot(s). */
export const CROSSING_COLUMNS = [
  ['migrant_crossings', [0, 1, 2]],
  ['regular', [0]],
  ['colluded', [1]],
  ['informal', [2]],
  ['intercepted', [3]],
  ['visits', [VISIT_SLOT]],
  ['trafficked', [TRAFFICKED_SLOT]],
  ['identified', [IDENTIFIED_SLOT]],
  ['deported', [DEPORTED_SLOT]],
] as const;

/** Tidy per-crossing weekly series: one row per week and crossing. */
export function crossingsCsv(w: World): string {
  const C = w.fixed.geo.crossingIds.length;
  const rows: string[][] = [['week', 'date', 'crossing', 'kind', ...CROSSING_COLUMNS.map(([name]) => name)]];
  for (let t = 0; t < w.rec.ticks; t++) {
    const date = dateOfWeek(w.fixed.input.start, t);
    for (let c = 0; c < C; c++) {
      const base = (t * C + c) * CROSSING_SLOTS;
      const values = CROSSING_COLUMNS.map(([, slots]) => String(tidy((slots as readonly number[]).reduce((s, k) => s + w.rec.perCrossing[base + k]!, 0) * w.fixed.scale)));
      rows.push([String(t), date, w.fixed.geo.crossingIds[c]!, w.fixed.input.crossings[c]!.kind, ...values]);
    }
  }
  return `${csvFormatRows(rows)}\n`;
}
