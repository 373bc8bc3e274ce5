/**
 * Static, deterministic shards of an experiment, for clusters (Slurm job arrays, Kubernetes
 * Indexed Jobs, GNU parallel). Shard i of n runs the run-tasks whose index t has t mod n = i:
 * a fixed assignment, interleaved so that a partial result still samples the whole design, and
 * a run's seed never depends on where it ran. Each shard writes only its own files under
 * DIR/shards/ — its journal and its manifest — so shards can share one folder on a network disk.
 */
import { UserError } from '../core/errors.js';

/** A shard: index 0 … count − 1 (printed 1-based, as Playwright's and Jest's --shard). */
export interface Shard {
  index: number;
  count: number;
}

export const shardName = (s: Shard) => `shard-${s.index + 1}-of-${s.count}`;
export const shardLabel = (s: Shard) => `${s.index + 1}/${s.count}`;

/** The tasks of a shard, in task order. */
export function tasksOfShard<T>(tasks: T[], s: Shard): T[] {
  return tasks.filter((_, t) => t % s.count === s.index);
}

const MAX_SHARDS = 100_000;

/**
 * `--shard i/n` (1-based, as on the command line), or `--shard auto`: the shard of this task of a
 * Slurm job array (SLURM_ARRAY_TASK_ID − SLURM_ARRAY_TASK_MIN of SLURM_ARRAY_TASK_COUNT) or of a
 * Kubernetes Indexed Job (JOB_COMPLETION_INDEX, with LINTAS_SHARD_COUNT set in the manifest).
 */
export function parseShard(spec: string, env: NodeJS.ProcessEnv = process.env): Shard {
  if (spec === 'auto') {
    const int = (name: string) => {
      const v = env[name];
      if (v === undefined || !/^\d+$/.test(v)) return undefined;
      return Number(v);
    };
    const slurmId = int('SLURM_ARRAY_TASK_ID');
    const slurmCount = int('SLURM_ARRAY_TASK_COUNT');
    if (slurmId !== undefined && slurmCount !== undefined) return check({ index: slurmId - (int('SLURM_ARRAY_TASK_MIN') ?? 0), count: slurmCount }, `SLURM_ARRAY_TASK_ID=${slurmId}`);
    const k8s = int('JOB_COMPLETION_INDEX');
    if (k8s !== undefined) {
      const count = int('LINTAS_SHARD_COUNT');
      if (count === undefined) throw new UserError(['--shard auto: JOB_COMPLETION_INDEX is set but LINTAS_SHARD_COUNT is not; set it to the Job\'s completions']);
      return check({ index: k8s, count }, `JOB_COMPLETION_INDEX=${k8s}`);
    }
    throw new UserError(['--shard auto: neither SLURM_ARRAY_TASK_ID and SLURM_ARRAY_TASK_COUNT (a Slurm job array) nor JOB_COMPLETION_INDEX (a Kubernetes Indexed Job) is set; give --shard i/n']);
  }
  const m = /^(\d+)\/(\d+)$/.exec(spec.trim());
  if (!m) throw new UserError([`--shard ${spec}: expected i/n (e.g. 2/4, shards numbered from 1) or auto`]);
  return check({ index: Number(m[1]) - 1, count: Number(m[2]) }, `--shard ${spec}`);
}

function check(s: Shard, what: string): Shard {
  if (!(s.count >= 1 && s.count <= MAX_SHARDS)) throw new UserError([`${what}: expected between 1 and ${MAX_SHARDS.toLocaleString('en-US')} shards, got ${s.count}`]);
  if (!(s.index >= 0 && s.index < s.count)) throw new UserError([`${what}: shard ${s.index + 1} is not one of 1 … ${s.count}`]);
  return s;
}

/** What a shard writes beside its journal: enough for `lintas merge` to check and to rerun it. */
export interface ShardManifest {
  kind: 'lintas-shard';
  shard: Shard;
  /** The experiment's manifest text, as a single-machine run writes it to DIR/manifest.json. */
  experiment: string;
  fingerprint: string;
  /** The command (arguments after `lintas`) without --shard, and the folder it ran from. */
  argv: string[];
  cwd: string;
  tasks: number;
  done: number;
  finished: boolean;
  /** How many times this shard has been started (a rerun or requeue counts one more). */
  attempts?: number;
}

/** The command that (re)runs one shard. */
export function rerunCommand(m: Pick<ShardManifest, 'argv' | 'shard'>): string {
  const quote = (a: string) => (/^[\w@%+=:,./-]+$/.test(a) ? a : `'${a.replace(/'/g, "'\\''")}'`);
  return `lintas ${[...m.argv, '--shard', shardLabel(m.shard)].map(quote).join(' ')}`;
}

/** The arguments without --shard and its value (both `--shard x` and `--shard=x`). */
export function withoutShard(argv: string[]): string[] {
  const out: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === '--shard') i++;
    else if (!argv[i]!.startsWith('--shard=')) out.push(argv[i]!);
  }
  return out;
}

/** Thrown where a shard's share of the runs is done: the analysis waits for `lintas merge`. */
export class ShardFinished {
  constructor(readonly lines: string[]) {}
}
