/**
 * `lintas slurm <command …> --shards n`: an sbatch job-array script whose task i (1 … n) runs
 * shard i of the experiment (--shard $SLURM_ARRAY_TASK_ID/n), each with a worker pool sized to
 * the CPUs Slurm gave it. The experiment's folder must be on a disk every node sees; `lintas merge`
 * then writes the outputs. lintas schedules nothing itself: Slurm does.
 */
import { resolve } from 'node:path';
import { UserError } from '../core/errors.js';
import { withoutShard } from './shards.js';

export interface SlurmOptions {
  shards: number;
  cpusPerTask: number;
  time: string;
  partition?: string;
  mem?: string;
  submit: boolean;
  wait: boolean;
}

const BATCH_COMMANDS = new Set(['compare', 'sweep', 'sensitivity', 'decide']);
const FLAGS = new Set(['--shards', '--cpus-per-task', '--time', '--partition', '--mem']);
const SWITCHES = new Set(['--submit', '--wait']);

/** Splits `lintas slurm …` arguments into Slurm's options and the experiment's command. */
export function parseSlurmArgs(args: string[]): { options: SlurmOptions; command: string[] } {
  const got: Record<string, string> = {};
  const command: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const a = args[i]!;
    const [flag, inline] = a.startsWith('--') && a.includes('=') ? [a.slice(0, a.indexOf('=')), a.slice(a.indexOf('=') + 1)] : [a, undefined];
    if (FLAGS.has(flag)) {
      const v = inline ?? args[++i];
      if (v === undefined || v.startsWith('--')) throw new UserError([`lintas slurm: ${flag} needs a value`]);
      got[flag] = v;
    } else if (SWITCHES.has(a)) got[a] = 'yes';
    else command.push(a);
  }
  if (!command.length || !BATCH_COMMANDS.has(command[0]!))
    throw new UserError([`lintas slurm: expected a batch command to shard (${[...BATCH_COMMANDS].join(', ')}), e.g. lintas slurm compare scenarios/paper-interventions.ts --out out/paper --shards 8 (lintas slurm --help)`]);
  const int = (flag: string, fallback?: number) => {
    const v = got[flag];
    if (v === undefined) {
      if (fallback === undefined) throw new UserError([`lintas slurm: ${flag} n is required`]);
      return fallback;
    }
    if (!/^\d+$/.test(v) || Number(v) < 1) throw new UserError([`lintas slurm: ${flag}: expected an integer >= 1, got "${v}"`]);
    return Number(v);
  };
  const options: SlurmOptions = {
    shards: int('--shards'),
    cpusPerTask: int('--cpus-per-task', 2),
    time: got['--time'] ?? '04:00:00',
    partition: got['--partition'],
    mem: got['--mem'],
    submit: got['--submit'] === 'yes' || got['--wait'] === 'yes',
    wait: got['--wait'] === 'yes',
  };
  if (options.shards > 10_000) throw new UserError([`lintas slurm: --shards ${options.shards}: at most 10,000 array tasks`]);
  if (!/^[\d:-]+$/.test(options.time)) throw new UserError([`lintas slurm: --time ${options.time}: expected a Slurm time such as 04:00:00 or 1-00:00:00`]);
  for (const [flag, v] of [['--partition', options.partition], ['--mem', options.mem]] as const)
    if (v !== undefined && !/^[\w.-]+$/.test(v)) throw new UserError([`lintas slurm: ${flag} ${v}: expected a plain name or size (letters, digits, . _ -)`]);
  return { options, command: withoutShard(withoutFlag(command, '--workers')) };
}

function withoutFlag(argv: string[], flag: string): string[] {
  const out: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === flag) i++;
    else if (!argv[i]!.startsWith(`${flag}=`)) out.push(argv[i]!);
  }
  return out;
}

/** The output folder the command names (required: shards and merge meet there). */
export function outOf(command: string[]): string {
  const i = command.findIndex((a) => a === '--out' || a.startsWith('--out='));
  const v = i < 0 ? undefined : command[i]!.startsWith('--out=') ? command[i]!.slice(6) : command[i + 1];
  if (!v) throw new UserError(['lintas slurm: give the command an --out folder on a disk every node sees (the shards write there, and merge reads it)']);
  return v;
}

const quote = (a: string) => (/^[\w@%+=:,./-]+$/.test(a) ? a : `'${a.replace(/'/g, "'\\''")}'`);

/**
 * The sbatch script: one array task per shard, numbered from 1 like the shards (task i runs shard
 * i/n, logs in OUT/slurm/shard-i-of-n.log), run from the folder the command was given in, with
 * the node that runs lintas now (`node`: process.execPath), not whichever `node` a compute
 * node's PATH finds. The shard count is written into the script, so a task resubmitted alone
 * (sbatch --array=i) still runs shard i of n.
 */
export function sbatchScript(o: SlurmOptions, command: string[], ctx: { cwd: string; node: string; bin: string }): string {
  const out = resolve(ctx.cwd, outOf(command));
  const lines = [
    '#!/bin/bash',
    `#SBATCH --job-name=lintas-${command[0]}`,
    `#SBATCH --array=1-${o.shards}`,
    `#SBATCH --cpus-per-task=${o.cpusPerTask}`,
    `#SBATCH --time=${o.time}`,
    ...(o.mem ? [`#SBATCH --mem=${o.mem}`] : []),
    ...(o.partition ? [`#SBATCH --partition=${o.partition}`] : []),
    `#SBATCH --output=${out}/slurm/shard-%a-of-${o.shards}.log`,
    '# Written by `lintas slurm`. Array task i runs shard i of the experiment, with as many worker',
    '# threads as CPUs Slurm gave it. A failed or cancelled task can be rerun alone (sbatch --array=i',
    '# this file, or scontrol requeue JOB_i): it takes over its shard\'s lease and resumes from its journal.',
    `# Then: lintas merge ${out}`,
    'set -euo pipefail',
    `cd ${quote(ctx.cwd)}`,
    `exec ${quote(ctx.node)} ${quote(ctx.bin)} ${command.map(quote).join(' ')} --workers "\${SLURM_CPUS_PER_TASK:-1}" --shard "\${SLURM_ARRAY_TASK_ID}/${o.shards}"`,
    '',
  ];
  return lines.join('\n');
}
