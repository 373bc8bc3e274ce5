/**
 * Runs a list of tasks on worker threads (piscina) and keeps every finished run: each result is
 * appended to DIR/runs.jsonl, and to a partial CSV, the moment it arrives. With `resume`, runs
 * already in the journal are skipped. At the end the journal is rewritten in task order, so the
 * files do not depend on how many workers ran or in what order runs finished.
 */
import { SingleBar } from 'cli-progress';
import { appendFileSync, existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Piscina } from 'piscina';
import { UserError } from '../core/errors.js';
import { taskKey, type RunRecord, type Task } from './tasks.js';

/** What every experiment (compare, sweep) is given. */
export interface ExperimentOptions {
  file: string;
  replicates: number;
  /** Seed of replicate 0; replicate r runs with seed + r. */
  seed?: number;
  scale?: number;
  weeks?: number;
  workers: number;
  outDir: string;
  resume: boolean;
  progress?: boolean;
}

export interface ExecuteOptions {
  outDir: string;
  workers: number;
  resume: boolean;
  /** Identifies the experiment; a resumed run must have the same one. */
  manifest: unknown;
  /** CSV rows (no header) for one finished run, appended to the partial file. */
  rows: (r: RunRecord) => string;
  header: string;
  partialName: string;
  progress?: boolean;
}

// Built (dist/): the bundled worker; from source: an entry that registers tsx first.
const workerEntry = fileURLToPath(new URL(/\/dist\/[^/]+\.js$/.test(import.meta.url) ? './worker.js' : './worker-entry.mjs', import.meta.url));

export function writeAtomic(path: string, text: string): void {
  writeFileSync(`${path}.tmp`, text);
  renameSync(`${path}.tmp`, path);
}

function readJournal(path: string): Map<string, RunRecord> {
  const done = new Map<string, RunRecord>();
  if (!existsSync(path)) return done;
  for (const line of readFileSync(path, 'utf8').split('\n')) {
    if (!line.trim()) continue;
    try {
      const r = JSON.parse(line) as RunRecord;
      done.set(r.key, r);
    } catch {
      // A line cut short when the run was killed: that run is simply done again.
    }
  }
  return done;
}

export async function execute(tasks: Task[], opts: ExecuteOptions): Promise<RunRecord[]> {
  mkdirSync(opts.outDir, { recursive: true });
  const manifestPath = join(opts.outDir, 'manifest.json');
  const journalPath = join(opts.outDir, 'runs.jsonl');
  const partialPath = join(opts.outDir, opts.partialName);
  const manifestText = `${JSON.stringify(opts.manifest, null, 2)}\n`;
  let done = new Map<string, RunRecord>();
  if (opts.resume && existsSync(manifestPath)) {
    if (readFileSync(manifestPath, 'utf8') !== manifestText)
      throw new UserError([`--resume: ${opts.outDir} holds a different experiment (scenario, seeds or options differ); use another --out`]);
    done = readJournal(journalPath);
  }
  const wanted = new Set(tasks.map(taskKey));
  for (const k of [...done.keys()]) if (!wanted.has(k)) done.delete(k);
  writeAtomic(manifestPath, manifestText);
  writeAtomic(journalPath, tasks.filter((t) => done.has(taskKey(t))).map((t) => `${JSON.stringify(done.get(taskKey(t)))}\n`).join(''));
  writeAtomic(partialPath, opts.header + tasks.filter((t) => done.has(taskKey(t))).map((t) => opts.rows(done.get(taskKey(t))!)).join(''));

  const pending = tasks.filter((t) => !done.has(taskKey(t)));
  const bar = opts.progress && pending.length > 1 ? new SingleBar({ format: 'runs [{bar}] {value}/{total} | {eta_formatted} left', stream: process.stderr }) : undefined;
  bar?.start(tasks.length, tasks.length - pending.length);
  const keep = (r: RunRecord) => {
    appendFileSync(journalPath, `${JSON.stringify(r)}\n`);
    appendFileSync(partialPath, opts.rows(r));
    done.set(r.key, r);
    bar?.increment();
  };
  if (pending.length) {
    const pool = new Piscina({ filename: workerEntry, minThreads: opts.workers, maxThreads: opts.workers, idleTimeout: 1000 });
    try {
      await Promise.all(pending.map((t) => (pool.run(t) as Promise<RunRecord>).then(keep)));
    } finally {
      await pool.destroy();
    }
  }
  bar?.stop();
  const ordered = tasks.map((t) => done.get(taskKey(t))!);
  writeAtomic(journalPath, ordered.map((r) => `${JSON.stringify(r)}\n`).join(''));
  return ordered;
}
