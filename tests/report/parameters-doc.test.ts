import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { PARAM_NAMES } from '../../src/model/parameters.js';
import { parametersMarkdown } from '../../src/report/parameters-doc.js';
import { loadScenario } from '../../src/scenario/load.js';

describe('docs/parameters.md', () => {
  it('is current with the code and the baseline (run npm run docs after changing either)', async () => {
    const s = await loadScenario('scenarios/baseline.ts');
    expect(readFileSync('docs/parameters.md', 'utf8')).toBe(parametersMarkdown(s, 'scenarios/baseline.ts'));
  });

  it('is referenced by docs/ODD.md, which names every parameter', () => {
    const odd = readFileSync('docs/ODD.md', 'utf8');
    expect(odd).toContain('docs/parameters.md');
    const missing = PARAM_NAMES.filter((n) => !odd.includes(n));
    expect(missing).toEqual([]);
  });
});
