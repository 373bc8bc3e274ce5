/** Scenario files are modules: importing one does not run it (running one directly: run-directly.slow.test.ts). */
import { describe, expect, it } from 'vitest';

describe('scenario files as programs', () => {
  it('importing a scenario file does not run it', async () => {
    const mod = await import('../../scenarios/paper-interventions.js');
    expect((mod.default as { name: string }).name).toBe('paper-interventions');
  });
});
