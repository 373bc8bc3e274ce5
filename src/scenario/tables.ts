/**
 * Reads the editable geography tables (CSV, one row per node or route) into typed rows:
 * numbers become numbers, true/false booleans, empty cells are left out.
 */
import { readFileSync } from 'node:fs';
import { csvParse } from 'd3-dsv';

/** One row of a table read by readTable: column name to value, with empty cells left out. */
export type Row = Record<string, string | number | boolean>;

function cell(v: string): string | number | boolean | undefined {
  const t = v.trim();
  if (t === '') return undefined;
  if (t === 'true') return true;
  if (t === 'false') return false;
  if (/^-?\d+(\.\d+)?([eE][-+]?\d+)?$/.test(t)) return Number(t);
  return t;
}

/** Columns that stay text even when they look like numbers. */
const TEXT_COLUMNS = new Set(['id', 'name', 'from', 'to', 'crossing', 'hub', 'homePost', 'twinOf', 'series', 'source', 'reason', 'counterpart', 'province', 'date', 'opens']);

/**
 * Reads a CSV file (a header, then one row per node or route) into rows: numeric cells become numbers, `true`/`false`
 * booleans, empty cells are left out; id-like columns (id, name, from, to, hub, date, …) stay text. A .ts scenario uses
 * it to fill `origins`, `crossings`, …, which validation then checks. An unreadable file throws the file system's error.
 */
export function readTable(path: string): Row[] {
  const rows = csvParse(readFileSync(path, 'utf8'));
  return rows.map((r) => {
    const out: Row = {};
    for (const [k, v] of Object.entries(r)) {
      if (v === undefined) continue;
      const value = TEXT_COLUMNS.has(k) ? (v.trim() === '' ? undefined : v.trim()) : cell(v);
      if (value !== undefined) out[k] = value;
    }
    return out;
  });
}

/** Dated step values keyed by series name, from a long table `series,date,value,source`. */
export function readSeries(path: string): Record<string, { date: string; value: number; source?: string }[]> {
  const out: Record<string, { date: string; value: number; source?: string }[]> = {};
  for (const r of readTable(path)) {
    const name = String(r.series);
    (out[name] ??= []).push({ date: String(r.date), value: r.value as number, source: r.source as string | undefined });
  }
  for (const steps of Object.values(out)) steps.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
  return out;
}
