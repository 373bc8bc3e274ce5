/** Parquet files do not depend on what the process wrote before: strings are plain UTF-8 columns, not dictionaries with process-wide ids. */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { writeTidyParquet } from '../../src/experiment/parquet.js';

const dir = mkdtempSync(join(tmpdir(), 'lintas-parquet-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('writeTidyParquet', () => {
  it('writes the same table to the same bytes, twice in one process', async () => {
    const cols = () => ({ output: ['trafficked', 'identified'], parameter: ['params.h0', 'params.h0'], value: Float64Array.from([1.5, 2.5]) });
    await writeTidyParquet(join(dir, 'a.parquet'), cols());
    await writeTidyParquet(join(dir, 'b.parquet'), cols());
    const a = readFileSync(join(dir, 'a.parquet'));
    expect(a.subarray(0, 4).toString()).toBe('PAR1');
    expect(readFileSync(join(dir, 'b.parquet')).equals(a)).toBe(true);
  });
});
