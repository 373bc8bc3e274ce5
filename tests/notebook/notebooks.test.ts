/**
 * The notebooks: there are some, in order, and a broken notebook fails with its cell named.
 * Running them end to end and type-checking their cells: notebooks.slow.test.ts. Pages and
 * generated modules go to folders of this test run, so it leaves notebooks/html and
 * notebooks/.build as they were.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { listNotebooks, NOTEBOOK_DIR, NotebookError, runNotebook } from '../../src/notebook/runner.js';

const outDir = mkdtempSync(join(tmpdir(), 'lintas-notebooks-'));
// Inside the project, so the generated modules resolve packages and run as ES modules.
const buildDir = join(NOTEBOOK_DIR, '.build', `test-${process.pid}`);
afterAll(() => {
  rmSync(outDir, { recursive: true, force: true });
  rmSync(buildDir, { recursive: true, force: true });
});

const notebooks = listNotebooks();

describe('notebooks', () => {
  it('there are at least three, in reading order', () => {
    expect(notebooks.length).toBeGreaterThanOrEqual(3);
    expect(notebooks.map((n) => basename(n))).toEqual(notebooks.map((n) => basename(n)).sort());
  });

  it('a failing cell fails the run, naming the notebook, the cell and the error', async () => {
    const err = await runNotebook('tests/fixtures/broken-notebook.md', { outDir, buildDir }).then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(err).toBeInstanceOf(NotebookError);
    const e = err as NotebookError;
    expect(e.message).toMatch(/broken-notebook\.md: cell 2 \(line 14\) failed: Error: deliberate failure in the second cell/);
    expect(e.failure.cell).toBe(2);
    // The page still shows what ran, the error under its cell, and that later cells did not run.
    const html = readFileSync(e.html, 'utf8');
    expect(html).toContain('the answer is 42');
    expect(html).toContain('Cell 2 failed');
    expect(html).toContain('not run: an earlier cell failed');
  });
});
