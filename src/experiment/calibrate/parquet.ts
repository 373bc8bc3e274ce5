/** Named numeric columns as a Parquet file (apache-arrow + parquet-wasm, as sweep.parquet). */
import { writeFileAtomic } from '../../io/atomic.js';
import { tableFromArrays, tableToIPC } from 'apache-arrow';

export async function writeColumnsParquet(path: string, columns: Record<string, Float64Array | Int32Array>): Promise<void> {
  const { Table, writeParquet } = await import('parquet-wasm/node');
  const table = tableFromArrays(columns);
  writeFileAtomic(path, writeParquet(Table.fromIPCStream(tableToIPC(table, 'stream'))));
}
