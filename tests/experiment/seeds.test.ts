/**
 * Seeds hold their value everywhere they are written: CSV, the JSON journal and Parquet (an int64
 * column), for every seed the command line accepts (0 … 2^53 − 1); and seeds are checked with
 * exact integer arithmetic, never rounded in floating point (issue 31, item 5).
 */
import { tableFromIPC } from 'apache-arrow';
import { csvParse } from 'd3-dsv';
import fc from 'fast-check';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { integer } from '../../src/cli/options.js';
import { tidyRows } from '../../src/experiment/compare.js';
import { readJournal, sealRecord } from '../../src/experiment/journal.js';
import { writeParquet } from '../../src/experiment/parquet.js';
import type { RunRecord } from '../../src/experiment/tasks.js';
import { lastSeedPastSafe } from '../../src/scenario/limits.js';

const dir = mkdtempSync(join(tmpdir(), 'lintas-seeds-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const MAX = Number.MAX_SAFE_INTEGER;
/** Seeds at the edges of int32, uint32 and 2^53, and any in between. */
const extremeSeed = fc.oneof(
  fc.constantFrom(0, 1, 2 ** 31 - 1, 2 ** 31, 2 ** 32 - 1, 2 ** 32, 3_000_000_000, MAX - 1, MAX),
  fc.integer({ min: 2 ** 31 - 2, max: 2 ** 32 + 2 }),
  fc.maxSafeNat(),
);

const record = (seed: number, replicate: number): RunRecord => ({ key: `p0:r${replicate}`, variant: 'baseline', point: 0, replicate, seed, metrics: { trafficked: 12.5, identified: 3 } });

async function parquetSeeds(records: RunRecord[]): Promise<number[]> {
  const path = join(dir, 'sweep.parquet');
  await writeParquet(path, records, [[['params.h0', 0.0001]]], ['params.h0'], new Map(records.map((r) => [r.key, 0])));
  const { readParquet } = await import('parquet-wasm/node');
  const table = tableFromIPC(readParquet(new Uint8Array(readFileSync(path))).intoIPCStream());
  const col = table.getChild('seed')!;
  expect(String(col.type)).toBe('Int64');
  return Array.from({ length: col.length }, (_, i) => Number(col.get(i) as bigint));
}

describe('extreme seeds round-trip', () => {
  it('through CSV, the JSON journal and Parquet (int64), unchanged', async () => {
    await fc.assert(
      fc.asyncProperty(fc.uniqueArray(extremeSeed, { minLength: 1, maxLength: 4 }), async (seeds) => {
        const records = seeds.map((s, r) => record(s, r));
        // CSV: the tidy rows every experiment writes.
        const csv = csvParse(`variant,replicate,seed,metric,value\n${records.map(tidyRows).join('')}`);
        expect([...new Set(csv.map((row) => Number(row.seed)))]).toEqual(seeds);
        expect([...new Set(csv.map((row) => row.seed))]).toEqual(seeds.map(String));
        // JSON: the journal, sealed and read back with its checks.
        const journal = join(dir, 'runs.jsonl');
        writeFileSync(journal, records.map((r) => sealRecord(r, 'fp')).join(''));
        expect([...readJournal(journal, 'fp', null).values()].map((r) => r.seed)).toEqual(seeds);
        // Parquet: one row per run and metric, each with its run's seed.
        expect(await parquetSeeds(records)).toEqual(seeds.flatMap((s) => [s, s]));
      }),
      { numRuns: 25, seed: 31 },
    );
  });

  it('3000000000 is stored as 3000000000 in sweep.parquet (int32 wrapped it to -1294967296)', async () => {
    expect(await parquetSeeds([record(3_000_000_000, 0)])).toEqual([3_000_000_000, 3_000_000_000]);
  });
});

describe('exact seed arithmetic', () => {
  it('seed 2^53 − 2 with 3 replicates goes past 2^53 − 1 (rounding would hide it)', () => {
    expect(9007199254740990 + 3 - 1).toBe(MAX); // what floating point makes of it
    expect(lastSeedPastSafe(9007199254740990, 3)).toBe(true);
    expect(lastSeedPastSafe(9007199254740990, 2)).toBe(false);
    expect(lastSeedPastSafe(MAX, 1)).toBe(false);
    expect(lastSeedPastSafe(MAX, 2)).toBe(true);
  });

  it('agrees with BigInt for any seed and count', () => {
    fc.assert(
      fc.property(fc.maxSafeNat(), fc.integer({ min: 1, max: 100_000 }), (seed, count) => {
        expect(lastSeedPastSafe(seed, count)).toBe(BigInt(seed) + BigInt(count) - 1n > BigInt(MAX));
      }),
      { numRuns: 500, seed: 31 },
    );
  });

  it('--seed takes 2^53 − 1 and refuses 2^53 and 2^53 + 1 (never rounded to a neighbour)', () => {
    expect(integer(0)('9007199254740991')).toBe(MAX);
    for (const v of ['9007199254740992', '9007199254740993', '99999999999999999999']) expect(() => integer(0)(v)).toThrow(/expected an integer >= 0/);
    expect(() => integer(1, 10)('11')).toThrow(/from 1 to 10/);
  });
});

describe('the metrics a run gives, known before it runs', () => {
  it('runMetricNames names exactly the metrics of a run record (what sensitivity --outputs is checked against)', async () => {
    const { runMetricNames, runTask, variantsOf } = await import('../../src/experiment/tasks.js');
    const file = 'tests/fixtures/compare-small.json';
    const r = await runTask({ file, variant: 0, overrides: [], replicate: 0, seed: 1, scale: 200, weeks: 2 });
    expect(runMetricNames((await variantsOf(file))[0]!.scenario).sort()).toEqual(Object.keys(r.metrics).sort());
  });
});
