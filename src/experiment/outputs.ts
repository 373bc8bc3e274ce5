/**
 * What a run reports: summary.json (totals, per year, per crossing) and timeseries.csv (one
 * row per week, one column per metric), both in persons (agent counts × scale).
 */
import { csvFormatRows } from 'd3-dsv';
import { CROSSING_SLOTS, DEPORTED_SLOT, IDENTIFIED_SLOT, OUTCOME_NAMES, VISIT_SLOT } from '../model/codes.js';
import { dateOfWeek } from '../model/geography.js';
import { isScaled, isStock, METRICS } from '../model/metrics.js';
import type { World } from '../model/state.js';

export interface CrossingSummary {
  kind: string;
  regular: number;
  colluded: number;
  informal: number;
  intercepted: number;
  visits: number;
  /** Victims identified at the crossing (by officers or patrols there). */
  identified: number;
  /** Deportees returned through the crossing. */
  deported: number;
  /** Outbound persons per day through the crossing (migrants and visitors), over the weeks it was open. */
  perDayWhenOpen: number;
  weeksOpen: number;
}

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

/** Rounds to 6 significant decimals so outputs are stable text. */
const tidy = (x: number): number => (Number.isInteger(x) ? x : Number(x.toFixed(6)));

export function summarize(w: World): Summary {
  const rec = w.rec;
  const weeks = rec.ticks;
  const s = w.input;
  const scaled = (metric: string, v: number) => tidy(isScaled(metric) ? v * w.scale : v);
  const totals: Record<string, number> = {};
  const final: Record<string, number> = {};
  const perYear: Record<string, Record<string, number>> = {};
  METRICS.forEach((metric, slot) => {
    const series = rec.series(slot);
    if (isStock(metric)) {
      final[metric] = scaled(metric, series[weeks - 1] ?? 0);
      return;
    }
    let total = 0;
    for (let t = 0; t < weeks; t++) {
      total += series[t]!;
      const year = dateOfWeek(s.start, t).slice(0, 4);
      (perYear[year] ??= {})[metric] = (perYear[year]![metric] ?? 0) + series[t]!;
    }
    totals[metric] = scaled(metric, total);
  });
  for (const row of Object.values(perYear)) for (const k of Object.keys(row)) row[k] = scaled(k, row[k]!);

  const C = w.geo.crossingIds.length;
  const perCrossing: Record<string, CrossingSummary> = {};
  w.geo.crossingIds.forEach((id, c) => {
    const sums = new Float64Array(CROSSING_SLOTS);
    let weeksOpen = 0;
    for (let t = 0; t < weeks; t++) {
      if (w.geo.open[(t + w.geo.spinUp) * C + c]) weeksOpen++;
      for (let k = 0; k < CROSSING_SLOTS; k++) sums[k]! += w.perCrossing[(t * C + c) * CROSSING_SLOTS + k]!;
    }
    const outbound = sums[0]! + sums[1]! + sums[2]! + sums[VISIT_SLOT]!;
    const entry: CrossingSummary = {
      kind: s.crossings[c]!.kind,
      regular: 0,
      colluded: 0,
      informal: 0,
      intercepted: 0,
      visits: tidy(sums[VISIT_SLOT]! * w.scale),
      identified: tidy(sums[IDENTIFIED_SLOT]! * w.scale),
      deported: tidy(sums[DEPORTED_SLOT]! * w.scale),
      perDayWhenOpen: weeksOpen ? tidy((outbound * w.scale) / (weeksOpen * 7)) : 0,
      weeksOpen,
    };
    OUTCOME_NAMES.forEach((name, k) => (entry[name] = tidy(sums[k]! * w.scale)));
    perCrossing[id] = entry;
  });

  return { scenario: s.name, seed: w.seed, scale: w.scale, start: s.start, end: dateOfWeek(s.start, weeks - 1), weeks, totals, perYear, perCrossing, final };
}

/** One row per week: week, date, then every metric, then crossings per crossing. */
export function timeseriesCsv(w: World): string {
  const rec = w.rec;
  const C = w.geo.crossingIds.length;
  const header = ['week', 'date', ...METRICS, ...w.geo.crossingIds.map((id) => `crossings_at_${id}`)];
  const rows: (string | number)[][] = [header];
  const cols = METRICS.map((_, slot) => rec.series(slot));
  for (let t = 0; t < rec.ticks; t++) {
    const row: (string | number)[] = [t, dateOfWeek(w.input.start, t)];
    METRICS.forEach((m, i) => row.push(tidy(isScaled(m) ? cols[i]![t]! * w.scale : cols[i]![t]!)));
    for (let c = 0; c < C; c++) {
      const base = (t * C + c) * CROSSING_SLOTS;
      row.push(tidy((w.perCrossing[base]! + w.perCrossing[base + 1]! + w.perCrossing[base + 2]! + w.perCrossing[base + VISIT_SLOT]!) * w.scale));
    }
    rows.push(row);
  }
  return `${csvFormatRows(rows.map((r) => r.map(String)))}\n`;
}
