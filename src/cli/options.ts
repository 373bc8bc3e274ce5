/**
 * The parsing the commands share: argument parsers (integers, numbers, languages, scale,
 * workers), the options of every experiment command (compare, sweep, sensitivity), and the
 * command line being run, which shards keep so that `lintas merge` can finish the experiment.
 */
import { type Command, InvalidArgumentError } from 'commander';
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import type { BatchOptions } from '../experiment/executor.js';
import { parseShard, withoutShard } from '../experiment/shards.js';
import { isLang, LANGS, type Lang } from '../i18n/langs.js';

/** A whole number from min to max, compared exactly (BigInt): never rounded to a neighbour. */
export const integer = (min: number, max = Number.MAX_SAFE_INTEGER) => (v: string) => {
  if (!/^\d+$/.test(v) || BigInt(v) > BigInt(Number.MAX_SAFE_INTEGER) || BigInt(v) < BigInt(min)) throw new InvalidArgumentError(`expected an integer >= ${min}, got "${v}"`);
  if (BigInt(v) > BigInt(max)) throw new InvalidArgumentError(`expected an integer from ${min} to ${max}, got "${v}"`);
  return Number(v);
};
export const number = (min: number, max = Number.MAX_VALUE) => (v: string) => {
  const x = Number(v);
  if (v.trim() === '' || !Number.isFinite(x) || x < min) throw new InvalidArgumentError(`expected a number >= ${min}, got "${v}"`);
  if (x > max) throw new InvalidArgumentError(`expected a number from ${min} to ${max}, got "${v}"`);
  return x;
};
/** The readers' language of what a command prints and writes (src/i18n). */
export const langArg = (v: string): Lang => {
  if (!isLang(v)) throw new InvalidArgumentError(`expected ${LANGS.join(', ')}, got "${v}"`);
  return v;
};
export const LANG_HELP = 'language of the printed summary and report.html: en (English), id (Bahasa Indonesia) or ms (Malay)';
/** Persons per agent, as the schema bounds it (scenario/schema.ts MAX_SCALE). */
export const scaleArg = number(1, 1_000_000);
/** Counts of runs or samples: bounded, so a typo cannot queue a million runs. */
export const MAX_COUNT = 100_000;
/** Worker threads: more than the cores only contend (and each holds a run in memory). */
export const workersArg = (v: string) => {
  const n = integer(1)(v);
  const cores = availableParallelism();
  if (n <= cores) return n;
  process.stderr.write(`--workers ${n}: this machine has ${cores} cores; using ${cores}\n`);
  return cores;
};

/** The arguments of the command being run, kept by shards so that merge can finish the experiment. */
let currentArgv: string[] = [];

/** Sets the arguments of the command being run (main, before it parses them). */
export function setCommandLine(argv: string[]): void {
  currentArgv = argv;
}

/** The arguments of the command being run, as main was given them. */
export const commandLine = (): string[] => currentArgv;

/** Options every experiment command takes (compare, sweep). */
export interface ExperimentFlags {
  replicates: number;
  seed?: number;
  workers: number;
  scale?: number;
  weeks?: number;
  out?: string;
  resume?: boolean;
  shard?: string;
  taskTimeout: number;
  maxMemory?: number;
}

export function experimentOptions(cmd: Command, kind: 'compare' | 'sweep', defaultReplicates: number): Command {
  return runOptions(
    cmd.option('--replicates <n>', `replicates per ${kind === 'compare' ? 'variant' : 'design point'}`, integer(kind === 'compare' ? 2 : 1, MAX_COUNT), defaultReplicates),
    kind,
    'replicate',
  );
}

/** The options of every experiment beyond how many runs: seed, workers, scale, weeks, memory, output folder, resume, shard, time limit. */
export function runOptions(cmd: Command, kind: 'compare' | 'sweep' | 'decide', unit: 'replicate' | 'draw'): Command {
  return cmd
    .option('--seed <n>', `seed of ${unit} 0; ${unit} r uses seed + r (default: the scenario's)`, integer(0))
    .option('--workers <n>', 'worker threads (default and maximum: the cores; results do not depend on it)', workersArg, availableParallelism())
    .option('--scale <n>', 'persons per agent, overriding the scenario', scaleArg)
    .option('--weeks <n>', 'stop each run after this many weeks', integer(1, 10_000))
    .option('--max-memory <MB>', 'refuse a run estimated to need more memory than this, all workers together (default 4096, or LINTAS_MAX_MEMORY_MB)', integer(64))
    .option('--out <dir>', `output folder (default: out/${kind}-<scenario file name>)`)
    .option('--resume', 'skip runs already finished in the output folder')
    .option('--shard <i/n>', 'run only shard i of n (1-based) of the runs, into OUT/shards/, then `lintas merge OUT`; auto: from SLURM_ARRAY_TASK_ID or JOB_COMPLETION_INDEX')
    .option('--task-timeout <s>', 'fail the experiment if one run takes longer than this many seconds', number(1), 3600);
}

/** The shared part of an experiment's options, from its flags. */
export function experiment(file: string, kind: 'compare' | 'sweep' | 'decide', o: ExperimentFlags, progress: boolean) {
  const name = file.replace(/^.*[\\/]/, '').replace(/\.[^.]+$/, '');
  const outDir = o.out ?? join('out', `${kind}-${name}`);
  const batch: BatchOptions = { argv: withoutShard(currentArgv), taskTimeoutSeconds: o.taskTimeout, shard: o.shard === undefined ? undefined : parseShard(o.shard) };
  return { file, replicates: o.replicates, seed: o.seed, scale: o.scale, weeks: o.weeks, workers: o.workers, outDir, resume: !!o.resume, progress, batch };
}
