/** Comparisons do not depend on the number of workers: 1 and 2 workers write byte-identical files. */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { compare } from '../../src/experiment/compare.js';

const FILE = 'tests/fixtures/compare-small.json';
const dirs: string[] = [];
const tmp = () => {
  const d = mkdtempSync(join(tmpdir(), 'lintas-compare-'));
  dirs.push(d);
  return d;
};
afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));

describe('lintas compare', () => {
  it('writes byte-identical files with 1 and 2 workers', async () => {
    const one = tmp();
    const two = tmp();
    await compare({ file: FILE, replicates: 6, scale: 40, weeks: 78, workers: 1, outDir: one, resume: false });
    await compare({ file: FILE, replicates: 6, scale: 40, weeks: 78, workers: 2, outDir: two, resume: false });
    for (const f of ['comparison.csv', 'comparison.json', 'runs.jsonl', 'manifest.json'])
      expect(readFileSync(join(two, f), 'utf8'), f).toBe(readFileSync(join(one, f), 'utf8'));
  });
});
