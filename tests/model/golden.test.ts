/**
 * Golden ("no regression") test: the baseline's outputs for one seed, pinned by hash. Any change
 * to the model, the baseline or the outputs changes it; if the change is intended, update GOLDEN
 * with the hash this test prints, and say so in the commit.
 */
import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { runScenario } from '../../src/experiment/run.js';
import { loadScenario } from '../../src/scenario/load.js';

const GOLDEN = 'ef6229d4af8ec9bbfb02ef7da58ff3ae8ce076883a8a5809c7842570302db7f8';

describe('golden baseline', () => {
  it('summary.json and timeseries.csv of the baseline (seed 1, scale 50) hash to the pinned value', async () => {
    const r = runScenario(await loadScenario('scenarios/baseline.ts'), { scale: 50, seed: 1 });
    const hash = createHash('sha256').update(JSON.stringify(r.summary)).update(r.timeseries).digest('hex');
    expect(hash, `baseline outputs changed; if intended, set GOLDEN = '${hash}'`).toBe(GOLDEN);
  });
});
