/**
 * Golden ("no regression") test: the baseline's outputs for one seed, pinned by hash. Any change
 * to the model, the baseline or the outputs changes it; if the change is intended, update GOLDEN
 * with the hash this test prints, and say so in the commit.
 */
import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { runScenario } from '../../src/experiment/run.js';
import { loadScenario } from '../../src/scenario/load.js';

const GOLDEN = '10705966ba1fa017a32e7e39f957ff1e97a8cfb4f07e9d0d7e875393c8d62f8a';

describe('golden baseline', () => {
  it('summary.json and timeseries.csv of the baseline (seed 1, scale 50) hash to the pinned value', async () => {
    const r = runScenario(await loadScenario('scenarios/baseline.ts'), { scale: 50, seed: 1 });
    const hash = createHash('sha256').update(JSON.stringify(r.summary)).update(r.timeseries).digest('hex');
    expect(hash, `baseline outputs changed; if intended, set GOLDEN = '${hash}'`).toBe(GOLDEN);
  });
});
