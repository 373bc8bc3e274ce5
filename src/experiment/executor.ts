/**
 * Runs a list of tasks on worker threads (piscina) and keeps every finished run: each result is
 * appended to DIR/runs.jsonl (sealed with the experiment's fingerprint and a checksum, journal.ts),
 * and to a partial CSV, the moment it arrives. With `resume`, runs already in the journal are
 * verified and skipped; a resume may add replicates. At the end the journal is rewritten in task
 * order, so the files do not depend on how many workers ran or in what order runs finished. An
 * experiment holds a lease on its folder while it writes to it (lease.ts), renewed while runs go,
 * and released at the end or on SIGINT/SIGTERM, which keep every finished run. With a shard (shards.ts), only that shard's
 * share of the tasks runs, into files of its own under DIR/shards/, and the command stops there
 * until `lintas merge DIR`.
 */
import { SingleBar } from 'cli-progress';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Piscina } from 'piscina';
import { WRITTEN_BY } from '../scenario/version.js';
import { UserError } from '../core/errors.js';
import { localize, type Lang } from '../i18n/index.js';
import { appendFileNamed, writeFileAtomic } from '../io/atomic.js';
import { fingerprintOf, readJournal, sealRecord } from './journal.js';
import { type Lease, takeLease } from './lease.js';
import { progressReporter } from './progress.js';
import { type Shard, type ShardManifest, ShardFinished, rerunCommand, shardLabel, shardName, tasksOfShard } from './shards.js';
import { taskKey, type RunRecord, type Task } from './tasks.js';

/** How a batch runs, beyond what it computes: a shard of it, and a time limit per run. */
export interface BatchOptions {
  shard?: Shard;
  /** The command's arguments without --shard, kept in a shard's manifest to rerun and merge it. */
  argv?: string[];
  /** A run taking longer fails the experiment with a clear line (default: one hour). */
  taskTimeoutSeconds?: number;
}

/** What every experiment (compare, sweep, sensitivity) is given. */
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
  /** The language of the progress lines and bar (compare --lang); English by default. */
  lang?: Lang;
  batch?: BatchOptions;
}

export interface ExecuteOptions {
  outDir: string;
  workers: number;
  resume: boolean;
  /** Identifies the experiment; a resumed run must have the same one (its `seeds` may grow). */
  manifest: unknown;
  /** CSV rows (no header) for one finished run, appended to the partial file. */
  rows: (r: RunRecord) => string;
  header: string;
  partialName: string;
  progress?: boolean;
  lang?: Lang;
  batch?: BatchOptions;
}

// Built (dist/): the bundled worker; from source: an entry that registers tsx first.
const workerEntry = fileURLToPath(new URL(/\/dist\/[^/]+\.js$/.test(import.meta.url) ? './worker.js' : './worker-entry.mjs', import.meta.url));

const DEFAULT_TASK_TIMEOUT_SECONDS = 3600;

/** The manifest without its seeds: what must not change for a resume (replicates may be added). */
const identity = (manifest: unknown) => {
  const { seeds: _seeds, ...rest } = manifest as { seeds?: unknown };
  return `${JSON.stringify(rest, null, 2)}\n`;
};

/**
 * The tasks in the order they are handed out: replicate by replicate (stable within one), so that
 * the variants of a replicate follow each other and a worker reuses the spin-up it kept for them
 * (model/fork.ts). The files do not depend on it: the journal is rewritten in task order.
 */
export function byReplicate(tasks: readonly Task[]): Task[] {
  return tasks
    .map((t, i) => [t, i] as const)
    .sort((a, b) => a[0].replicate - b[0].replicate || a[1] - b[1])
    .map(([t]) => t);
}

/**
 * Which task each worker runs next. A worker takes a whole replicate at a time (byReplicate), so
 * the variants that share a spin-up run in the thread that kept it, and each spin-up runs once,
 * not once in every thread; a worker with no replicate left takes runs from the end of the
 * replicate with most runs left in another worker (computing that spin-up once more), so that
 * no worker idles while runs remain.
 */
export class Dispatch {
  private readonly groups: Task[][] = [];
  private readonly current: Task[][];

  constructor(tasks: readonly Task[], workers: number) {
    for (const t of byReplicate(tasks)) {
      const last = this.groups.at(-1);
      if (last && last[0]!.replicate === t.replicate) last.push(t);
      else this.groups.push([t]);
    }
    this.current = Array.from({ length: workers }, () => []);
  }

  next(worker: number): Task | undefined {
    const mine = this.current[worker]!;
    if (mine.length) return mine.shift();
    const group = this.groups.shift();
    if (group) {
      this.current[worker] = group;
      return group.shift();
    }
    let from = -1;
    for (let k = 0; k < this.current.length; k++) if (this.current[k]!.length > (from >= 0 ? this.current[from]!.length : 0)) from = k;
    return from >= 0 ? this.current[from]!.pop() : undefined;
  }
}

/**
 * Runs the tasks not yet done, one thread per worker (a pool of one each, so that Dispatch chooses
 * the thread), handing each record to `keep` as it arrives.
 */
async function runPending(pending: Task[], workers: number, timeoutSeconds: number, keep: (r: RunRecord) => void): Promise<void> {
  if (!pending.length) return;
  const threads = Math.max(1, Math.min(workers, pending.length));
  const pools = Array.from({ length: threads }, () => new Piscina({ filename: workerEntry, minThreads: 1, maxThreads: 1, idleTimeout: 1000 }));
  const dispatch = new Dispatch(pending, threads);
  let failed = false;
  const drive = async (k: number) => {
    for (let t = dispatch.next(k); t && !failed; t = dispatch.next(k)) {
      const task = t;
      const r = (await pools[k]!.run(task, { signal: AbortSignal.timeout(timeoutSeconds * 1000) }).catch((e: unknown) => {
        failed = true;
        if ((e as Error)?.name === 'AbortError' || (e as Error)?.name === 'TimeoutError')
          throw new UserError([`run ${taskKey(task)} (seed ${task.seed}) took longer than ${timeoutSeconds} s (--task-timeout); the runs finished so far are kept: rerun with --resume`]);
        throw e;
      })) as RunRecord | { userError: string[] };
      if ('userError' in r) {
        failed = true;
        throw new UserError(r.userError);
      }
      keep(r);
    }
  };
  try {
    await Promise.all(pools.map((_, k) => drive(k)));
  } finally {
    await Promise.all(pools.map((p) => p.destroy()));
  }
}

/** A bar on a terminal; elsewhere (a pipe, CI, a batch job) a line at every tenth of the runs. */
function progressBar(on: boolean | undefined, total: number, done: number, lang?: Lang): { increment(): void; stop(): void } | undefined {
  if (!on || total - done < 1) return undefined;
  const loc = localize(lang);
  if (!process.stderr.isTTY) {
    const lines = progressReporter({ loc });
    lines.start(total, done);
    return lines;
  }
  const bar = new SingleBar({ format: loc.t('progress.bar', { label: loc.t('progress.runs') }), stream: process.stderr });
  bar.start(total, done);
  return bar;
}

export async function execute(tasks: Task[], opts0: ExecuteOptions): Promise<RunRecord[]> {
  // Every manifest says which lintas, and which scenario format, wrote it; a resume by another
  // version is refused as a different experiment (its runs could differ).
  const opts = { ...opts0, manifest: { ...(opts0.manifest as object), writtenBy: WRITTEN_BY } };
  mkdirSync(opts.outDir, { recursive: true });
  const manifestText = `${JSON.stringify(opts.manifest, null, 2)}\n`;
  const fp = fingerprintOf(identity(opts.manifest));
  const tasksByKey = new Map(tasks.map((t) => [taskKey(t), t]));
  const timeout = opts.batch?.taskTimeoutSeconds ?? DEFAULT_TASK_TIMEOUT_SECONDS;
  if (opts.batch?.shard) return executeShard(tasks, opts, opts.batch.shard, manifestText, fp, timeout);

  const manifestPath = join(opts.outDir, 'manifest.json');
  const journalPath = join(opts.outDir, 'runs.jsonl');
  const partialPath = join(opts.outDir, opts.partialName);
  const lease = takeLease(join(opts.outDir, 'lintas.lease'), opts.outDir);
  let done = new Map<string, RunRecord>();
  return guarded(lease, () => [done.size, tasks.length], async () => {
    if (opts.resume && existsSync(manifestPath)) {
      let old: unknown;
      try {
        old = JSON.parse(readFileSync(manifestPath, 'utf8'));
      } catch {
        throw new UserError([`--resume: ${manifestPath} is not valid JSON; start again without --resume, or use another --out`]);
      }
      if (identity(old) !== identity(opts.manifest))
        throw new UserError([`--resume: ${opts.outDir} holds a different experiment (scenario, seeds or options differ); use another --out`]);
      done = readJournal(journalPath, fp, tasksByKey);
    }
    writeFileAtomic(manifestPath, manifestText);
    const kept = tasks.filter((t) => done.has(taskKey(t))).map((t) => done.get(taskKey(t))!);
    writeFileAtomic(journalPath, kept.map((r) => sealRecord(r, fp)).join(''));
    writeFileAtomic(partialPath, opts.header + kept.map(opts.rows).join(''));

    const pending = tasks.filter((t) => !done.has(taskKey(t)));
    const bar = progressBar(opts.progress, tasks.length, tasks.length - pending.length, opts.lang);
    await runPending(pending, opts.workers, timeout, (r) => {
      lease.check();
      appendFileNamed(journalPath, sealRecord(r, fp));
      appendFileNamed(partialPath, opts.rows(r));
      done.set(r.key, r);
      bar?.increment();
    });
    bar?.stop();
    lease.check();
    const ordered = tasks.map((t) => done.get(taskKey(t))!);
    writeFileAtomic(journalPath, ordered.map((r) => sealRecord(r, fp)).join(''));
    rmSync(partialPath, { force: true });
    return ordered;
  });
}

/**
 * Runs `body` holding `lease`, and releases it however body ends. On SIGINT or SIGTERM (Ctrl-C,
 * scancel, a pod's termination) the finished runs are in the journal already: the lease is
 * released, one line says how many runs are kept, and the process exits 130 or 143.
 */
async function guarded<T>(lease: Lease, counts: () => [kept: number, total: number], body: () => Promise<T>): Promise<T> {
  const onSignal = (signal: NodeJS.Signals) => {
    lease.release();
    const [kept, total] = counts();
    process.stderr.write(`${process.stderr.isTTY ? '\n' : ''}interrupted: ${kept} of ${total} runs kept; rerun with --resume\n`);
    process.exit(signal === 'SIGINT' ? 130 : 143);
  };
  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);
  try {
    return await body();
  } finally {
    process.off('SIGINT', onSignal);
    process.off('SIGTERM', onSignal);
    lease.release();
  }
}

/** One shard's share of the tasks, into DIR/shards/; resumes from its own journal when rerun. */
async function executeShard(tasks: Task[], opts: ExecuteOptions, shard: Shard, manifestText: string, fp: string, timeout: number): Promise<never> {
  const dir = join(opts.outDir, 'shards');
  mkdirSync(dir, { recursive: true });
  const name = shardName(shard);
  const journalPath = join(dir, `${name}.jsonl`);
  const metaPath = join(dir, `${name}.json`);
  const mine = tasksOfShard(tasks, shard);
  const lease = takeLease(join(dir, `${name}.lease`), `${opts.outDir} (shard ${shardLabel(shard)})`);
  let done = new Map<string, RunRecord>();
  return guarded(lease, () => [done.size, mine.length], async () => {
    const meta = (doneCount: number): ShardManifest => ({
      kind: 'lintas-shard',
      shard,
      experiment: manifestText,
      fingerprint: fp,
      argv: opts.batch?.argv ?? [],
      cwd: process.cwd(),
      tasks: mine.length,
      done: doneCount,
      finished: doneCount === mine.length,
      attempts,
    });
    let attempts = 1;
    if (existsSync(metaPath)) {
      const old = JSON.parse(readFileSync(metaPath, 'utf8')) as ShardManifest;
      attempts = (old.attempts ?? 1) + 1;
      if (old.fingerprint !== fp || old.experiment !== manifestText)
        throw new UserError([`shard ${shardLabel(shard)}: ${opts.outDir} holds shards of a different experiment (fingerprint ${old.fingerprint}, this one ${fp}); use another --out`]);
      done = readJournal(journalPath, fp, new Map(mine.map((t) => [taskKey(t), t])));
    }
    const kept = mine.filter((t) => done.has(taskKey(t))).map((t) => done.get(taskKey(t))!);
    writeFileAtomic(journalPath, kept.map((r) => sealRecord(r, fp)).join(''));
    writeFileAtomic(metaPath, `${JSON.stringify(meta(kept.length), null, 2)}\n`);
    const pending = mine.filter((t) => !done.has(taskKey(t)));
    const bar = progressBar(opts.progress, mine.length, kept.length, opts.lang);
    await runPending(pending, opts.workers, timeout, (r) => {
      lease.check();
      appendFileNamed(journalPath, sealRecord(r, fp));
      done.set(r.key, r);
      bar?.increment();
    });
    bar?.stop();
    lease.check();
    writeFileAtomic(journalPath, mine.map((t) => sealRecord(done.get(taskKey(t))!, fp)).join(''));
    writeFileAtomic(metaPath, `${JSON.stringify(meta(mine.length), null, 2)}\n`);
    throw new ShardFinished([
      `shard ${shardLabel(shard)}: ${mine.length} of ${tasks.length} runs done (${kept.length} were already in its journal), in ${journalPath}`,
      `when every shard has finished: lintas merge ${opts.outDir}`,
      `to run this shard again: ${rerunCommand(meta(0))}`,
    ]);
  });
}
