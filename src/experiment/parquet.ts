/** Tidy sweep rows as a Parquet file, through apache-arrow and parquet-wasm (for large sweeps). */
import { writeFileAtomic } from '../io/atomic.js';
import { makeVector, Table, tableToIPC, Utf8, vectorFromArray } from 'apache-arrow';
import type { RunRecord } from './tasks.js';

type Column = string[] | Float64Array | Int32Array | BigInt64Array;

/**
 * An Arrow table with strings as plain UTF-8 columns. (apache-arrow's tableFromArrays makes them
 * dictionaries whose ids count up across the process, so the same table written twice in one
 * process would differ in its schema bytes.)
 */
export function arrowTable(columns: Record<string, Column>): Table {
  return new Table(Object.fromEntries(Object.entries(columns).map(([k, v]) => [k, Array.isArray(v) ? vectorFromArray(v.map(String), new Utf8()) : makeVector(v)])));
}

export async function writeParquet(
  path: string,
  records: RunRecord[],
  points: [string, number | string | boolean][][],
  paths: string[],
  pointOf: Map<string, number>,
): Promise<void> {
  const { Table, writeParquet: write } = await import('parquet-wasm/node');
  const point: number[] = [], replicate: number[] = [], seed: number[] = [], metric: string[] = [], value: number[] = [];
  const params: Record<string, (number | string)[]> = Object.fromEntries(paths.map((p) => [p, []]));
  for (const r of records) {
    const pi = pointOf.get(r.key)!;
    for (const [m, v] of Object.entries(r.metrics)) {
      point.push(pi);
      replicate.push(r.replicate);
      seed.push(r.seed);
      points[pi]!.forEach(([p, x]) => params[p]!.push(typeof x === 'boolean' ? String(x) : x));
      metric.push(m);
      value.push(v);
    }
  }
  const columns: Record<string, unknown> = {
    point: Int32Array.from(point),
    replicate: Int32Array.from(replicate),
    // int64: a seed may be any integer up to 2^53 - 1 (int32 wrapped 3000000000 to -1294967296).
    seed: BigInt64Array.from(seed, (x) => BigInt(x)),
  };
  for (const p of paths) columns[p] = params[p]!.every((x) => typeof x === 'number') ? Float64Array.from(params[p] as number[]) : params[p];
  columns.metric = metric;
  columns.value = Float64Array.from(value);
  const table = arrowTable(columns as Record<string, Column>);
  const wasmTable = Table.fromIPCStream(tableToIPC(table, 'stream'));
  writeFileAtomic(path, write(wasmTable));
}

/** Any tidy table (named columns of equal length) as a Parquet file. */
export async function writeTidyParquet(path: string, columns: Record<string, Column>): Promise<void> {
  const { Table, writeParquet: write } = await import('parquet-wasm/node');
  const table = arrowTable(columns);
  writeFileAtomic(path, write(Table.fromIPCStream(tableToIPC(table, 'stream'))));
}
