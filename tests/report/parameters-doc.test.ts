import { oddWithTables } from '../../src/report/odd-tables.js';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { BUILTIN } from '../../src/model/interventions/index.js';
import { METRICS } from '../../src/model/metrics.js';
import { CORE_PARAM_NAMES } from '../../src/model/parameters.js';
import { outputsMarkdown } from '../../src/report/outputs-doc.js';
import { parametersMarkdown } from '../../src/report/parameters-doc.js';
import { loadScenario } from '../../src/scenario/load.js';

describe('generated docs', () => {
  it('docs/parameters.md is current with the code and the baseline (run npm run docs after changing either)', async () => {
    const s = await loadScenario('scenarios/baseline.ts');
    expect(readFileSync('docs/parameters.md', 'utf8')).toBe(parametersMarkdown(s, 'scenarios/baseline.ts'));
  });

  it('docs/outputs.md is current with the metric registry', () => {
    const doc = readFileSync('docs/outputs.md', 'utf8');
    expect(doc).toBe(outputsMarkdown());
    for (const m of METRICS) expect(doc).toContain(`\`${m}\``);
  });

  it('docs/ODD.md\'s intervention and event tables are current with the definitions (npm run docs)', async () => {
    const odd = readFileSync('docs/ODD.md', 'utf8');
    const baseline = await loadScenario('scenarios/baseline.ts');
    expect(odd).toBe(oddWithTables(odd, baseline.params));
  });

  it('docs/ODD.md points to both and names every parameter and intervention', () => {
    const odd = readFileSync('docs/ODD.md', 'utf8');
    expect(odd).toContain('docs/parameters.md');
    expect(odd).toContain('docs/outputs.md');
    const missing = [...CORE_PARAM_NAMES, ...BUILTIN.params.keys(), ...BUILTIN.kinds].filter((n) => !odd.includes(n));
    expect(missing).toEqual([]);
  });
});
