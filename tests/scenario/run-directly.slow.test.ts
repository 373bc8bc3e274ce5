/** Scenario files run on their own: `npx tsx scenarios/paper-interventions.ts` compares its variants. */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

describe('scenario files as programs', () => {
  it('paper-interventions.ts runs its comparison when executed directly', () => {
    const out = mkdtempSync(join(tmpdir(), 'lintas-direct-'));
    try {
      const r = spawnSync(
        process.execPath,
        ['--import', 'tsx', 'scenarios/paper-interventions.ts', '--replicates', '2', '--scale', '50', '--weeks', '8', '--workers', '1', '--no-report', '--out', out],
        { encoding: 'utf8' },
      );
      expect(r.status, r.stderr).toBe(0);
      expect(r.stdout).toContain('people trafficked (true count)');
      const variants = new Set(readFileSync(join(out, 'comparison.csv'), 'utf8').trim().split('\n').slice(1).map((l) => l.split(',')[0]));
      // The baseline and 17 variants, and the coalition runs of the 5 Shapley decompositions: 62 for all six
      // mechanisms (64 coalitions but the variant and its reference), 2 for each measure acting through one
      // mechanism (4 coalitions: it and the others together) and 6 for joint protocols (protocols, justice, the others).
      expect(variants.size).toBe(18 + 62 + 3 * 2 + 6);
      expect([...variants].filter((v) => v!.includes('~'))).toHaveLength(74);
      expect(existsSync(join(out, 'comparison.json'))).toBe(true);
    } finally {
      rmSync(out, { recursive: true, force: true });
    }
  });
});
