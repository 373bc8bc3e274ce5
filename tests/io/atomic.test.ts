import { mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import { afterEach, describe, expect, it } from 'vitest';
import { writeFileAtomic, writeFilesAtomic } from '../../src/io/atomic.js';

const dirs: string[] = [];
const scratch = () => {
  const d = mkdtempSync(join(tmpdir(), 'lintas-atomic-'));
  dirs.push(d);
  return d;
};
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

describe('files written whole', () => {
  it('replaces a file and leaves no temporary file', () => {
    const dir = scratch();
    const f = join(dir, 'summary.json');
    writeFileSync(f, 'old');
    writeFileAtomic(f, 'new');
    expect(readFileSync(f, 'utf8')).toBe('new');
    expect(readdirSync(dir)).toEqual(['summary.json']);
  });

  it('a set of files: when one cannot be written, none is, and no temporary file is left', () => {
    const dir = scratch();
    mkdirSync(join(dir, 'a-folder'));
    expect(() => writeFilesAtomic({ [join(dir, 'one.csv')]: 'x', [join(dir, 'missing', 'two.csv')]: 'y' })).toThrow(/ENOENT/);
    expect(readdirSync(dir)).toEqual(['a-folder']);
    // A rename onto a folder fails after both are written: still nothing half-done.
    expect(() => writeFilesAtomic({ [join(dir, 'one.csv')]: 'x', [join(dir, 'a-folder')]: 'y' })).toThrow();
    expect(readdirSync(dir).filter((n) => n.endsWith('.tmp'))).toEqual([]);
  });

  it('two threads writing the same path at once use different temporary names, both succeed, and the file is one whole version', async () => {
    const dir = scratch();
    const path = join(dir, 'bundle.mjs');
    const texts = ['a'.repeat(200_000), 'b'.repeat(300_000)];
    const writer = (text: string) =>
      new Promise<string>((resolve, reject) => {
        let first = '';
        const w = new Worker(new URL('./atomic-writer.mjs', import.meta.url), { workerData: { path, text, times: 50 } });
        w.on('message', (name: string) => (first = name));
        w.on('error', reject);
        w.on('exit', (code) => (code === 0 ? resolve(first) : reject(new Error(`writer exited with ${code}`))));
      });
    // Each thread counts its own calls from 1: the process id alone would give both the same name.
    const [a, b] = await Promise.all(texts.map(writer));
    expect(a).toMatch(/\.bundle\.mjs\.\d+\.\d+\.1\.tmp$/);
    expect(a).not.toBe(b);
    expect(texts).toContain(readFileSync(path, 'utf8'));
    expect(readdirSync(dir)).toEqual(['bundle.mjs']);
  });
});
