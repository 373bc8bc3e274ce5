/**
 * The notebooks run end to end into HTML pages with their charts, through the same runner as
 * `npm run notebooks`, and their cells type-check. Pages and generated modules go to folders of
 * this test run, so it leaves notebooks/html and notebooks/.build as they were.
 */
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';
import { listNotebooks, NOTEBOOK_DIR, type NotebookResult } from '../../src/notebook/runner.js';
import { describeProblem, typecheckNotebooks } from '../../src/notebook/typecheck.js';

const outDir = mkdtempSync(join(tmpdir(), 'lintas-notebooks-'));
// Inside the project, so the generated modules resolve packages and run as ES modules.
const buildDir = join(NOTEBOOK_DIR, '.build', `test-slow-${process.pid}`);
afterAll(() => {
  rmSync(outDir, { recursive: true, force: true });
  rmSync(buildDir, { recursive: true, force: true });
});

const notebooks = listNotebooks();

/** runNotebook in a child process (tests/notebook/run-one.ts), so this worker's event loop stays free. */
async function runNotebook(file: string): Promise<NotebookResult> {
  const result = join(outDir, `${basename(file)}.result.json`);
  // Quick mode: the notebooks' own smaller settings (quick() in the notebook API); the test checks that they run.
  await promisify(execFile)(process.execPath, ['--import', 'tsx', 'tests/notebook/run-one.ts', file, outDir, buildDir, result], { maxBuffer: 64 << 20, env: { ...process.env, LINTAS_NOTEBOOK_QUICK: '1' } });
  return JSON.parse(readFileSync(result, 'utf8')) as NotebookResult;
}

describe('notebooks', () => {
  for (const file of notebooks) {
    it(`${basename(file)} runs end to end into a page with charts`, async () => {
      const r = await runNotebook(file);
      const html = readFileSync(r.html, 'utf8');
      expect(r.cells).toBeGreaterThan(2);
      expect(r.charts).toBeGreaterThanOrEqual(1);
      // Every chart is an inline SVG with marks in it, and no cell reported an error.
      const svgs = html.match(/<svg[\s\S]*?<\/svg>/g) ?? [];
      expect(svgs.length).toBe(r.charts);
      for (const svg of svgs) expect(svg).toMatch(/<path|<rect/);
      expect(html).not.toContain('class="error"');
      expect(html).not.toContain('class="skipped"');
      // Self-contained: no scripts, nothing fetched.
      expect(html).not.toMatch(/<script|<link|src="http/i);
      console.info(`${basename(file)}: ${r.cells} cells, ${r.charts} charts, ${(r.ms / 1000).toFixed(1)} s`);
    }, 1_800_000); // 04 runs some 1,400 simulations (a Morris screen of every parameter, then Sobol')
  }

  it('their cells type-check against the project', async () => {
    const problems = await typecheckNotebooks(notebooks, buildDir);
    expect(problems.map(describeProblem)).toEqual([]);
  });
});
