/**
 * Golden ("no regression") test: the baseline's outputs for one seed. Key totals are pinned in
 * golden.json, so a change shows as a diff of named figures; the hash of summary.json and
 * timeseries.csv pins every byte. If a change is intended, regenerate both with
 * `LINTAS_UPDATE_GOLDEN=1 npx vitest run tests/model/golden.test.ts` and say why in the commit.
 */
import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { runScenario } from '../../src/experiment/run.js';
import { loadScenario } from '../../src/scenario/load.js';

const FILE = new URL('./golden.json', import.meta.url);
const KEY_YEARS = ['trafficked', 'identified', 'deportations', 'crossings_regular', 'crossings_informal'];

describe('golden baseline', () => {
  it('the baseline (seed 1, scale 50) gives the pinned totals and the pinned output hash', async () => {
    const r = runScenario(await loadScenario('scenarios/baseline.ts'), { scale: 50, seed: 1 });
    const hash = createHash('sha256').update(JSON.stringify(r.summary)).update(r.timeseries).digest('hex');
    const perYear = Object.fromEntries(Object.entries(r.summary.perYear).map(([y, row]) => [y, Object.fromEntries(KEY_YEARS.map((k) => [k, row[k]]))]));
    const actual = { totals: r.summary.totals, final: r.summary.final, perYear, hash };
    if (process.env.LINTAS_UPDATE_GOLDEN === '1') writeFileSync(FILE, `${JSON.stringify(actual, null, 2)}\n`);
    const pinned = JSON.parse(readFileSync(FILE, 'utf8')) as typeof actual;
    expect(actual.totals).toEqual(pinned.totals);
    expect(actual.final).toEqual(pinned.final);
    expect(actual.perYear).toEqual(pinned.perYear);
    expect(actual.hash, 'outputs changed beyond the pinned totals (per-crossing or weekly figures)').toBe(pinned.hash);
  });
});
