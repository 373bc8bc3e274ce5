/**
 * For the kill-and-resume tests: run the real binary without blocking vitest (a long spawnSync
 * starves its reporter), and kill a run with SIGKILL once its journal holds enough records.
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll } from 'vitest';

/** Temporary folders with this prefix, removed after the file's tests. */
export function tempDirs(prefix: string): () => string {
  const dirs: string[] = [];
  afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));
  return () => {
    const d = mkdtempSync(join(tmpdir(), prefix));
    dirs.push(d);
    return d;
  };
}

/** Runs `node args…` to its end; its exit status and what it wrote to stderr. */
export const run = (args: string[]) =>
  new Promise<{ status: number; stderr: string }>((done) => {
    const child = spawn(process.execPath, args, { stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (d) => (stderr += d));
    child.on('close', (code) => done({ status: code ?? 1, stderr }));
  });

/** Records in OUT/runs.jsonl so far. */
export const journalLines = (out: string) => {
  const journal = join(out, 'runs.jsonl');
  return existsSync(journal) ? readFileSync(journal, 'utf8').split('\n').filter(Boolean).length : 0;
};

/** Starts `node args…` writing to `out`, kills it with SIGKILL once its journal has `after` records, and waits for it to be gone. */
export async function killAfter(args: string[], out: string, after: number): Promise<void> {
  const child = spawn(process.execPath, args, { stdio: 'ignore' });
  await new Promise<void>((resolve, reject) => {
    const timer = setInterval(() => {
      if (journalLines(out) >= after) {
        child.kill('SIGKILL');
        clearInterval(timer);
        resolve();
      }
    }, 20);
    child.on('exit', () => {
      clearInterval(timer);
      reject(new Error('the run finished before it could be interrupted'));
    });
  });
  await new Promise((done) => child.on('close', done));
}
