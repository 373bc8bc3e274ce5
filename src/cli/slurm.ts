/** `lintas slurm`: writes (and with --submit, submits) an sbatch job array running an experiment in shards. */
import type { Command } from 'commander';
import { spawn } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { UserError } from '../core/errors.js';
import { merge, type ProgramFactory } from './merge.js';
import { packageFile } from './modules.js';
import { commandLine } from './options.js';

/** Runs a program to its end, collecting its output; ENOENT (not installed) is a user error. */
function spawnText(cmd: string, args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((done, fail) => {
    const child = spawn(cmd, args, { stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => (stderr += d));
    child.on('error', (e: NodeJS.ErrnoException) => fail(e.code === 'ENOENT' ? new UserError([`${cmd}: not found; is this a Slurm login node? (without --submit, lintas slurm only writes the script)`]) : e));
    child.on('close', (code) => done({ code: code ?? 1, stdout, stderr }));
  });
}

export function registerSlurm(program: Command, buildProgram: ProgramFactory): void {
  program
    .command('slurm')
    .description('write (and with --submit, submit) an sbatch job array running an experiment in shards: lintas slurm <compare|sweep|sensitivity …> --out DIR --shards n [--cpus-per-task c] [--time T] [--partition P] [--mem M] [--submit] [--wait]')
    .argument('[command...]', 'the experiment command, with its arguments and an --out folder every node sees')
    .allowUnknownOption()
    .helpOption(false)
    .configureHelp({ formatHelp: () => SLURM_HELP })
    .exitOverride()
    .action(() => slurm(buildProgram));
}

/** `lintas slurm --help`: its own options are parsed by hand (the rest is the experiment's), so its help is written here. */
export const SLURM_HELP = `Usage: lintas slurm <compare|sweep|sensitivity|decide> <scenario> [the command's options] --out DIR --shards n [options]

write (and with --submit, submit) an sbatch job array running an experiment in shards: array
task i runs shard i of n (--shard i/n); then \`lintas merge DIR\` writes the outputs of a single run

Options:
  --shards <n>          array tasks, one shard each (required; at most 10,000)
  --cpus-per-task <c>   CPUs (and worker threads) per task (default: 2)
  --time <T>            time limit per task, e.g. 04:00:00 or 1-00:00:00 (default: 04:00:00)
  --partition <P>       Slurm partition
  --mem <M>             memory per task, e.g. 8G
  --submit              submit the script with sbatch
  --wait                submit, wait for every task to end, then merge
  -h, --help            display help for command

The experiment's own options: lintas compare --help, lintas sweep --help, lintas sensitivity --help, lintas decide --help.
`;

async function slurm(buildProgram: ProgramFactory): Promise<void> {
  const { outOf, parseSlurmArgs, sbatchScript } = await import('../experiment/slurm.js');
  const argv = commandLine();
  const args = argv.slice(argv.indexOf('slurm') + 1);
  if (args.some((a) => a === '--help' || a === '-h')) {
    process.stdout.write(SLURM_HELP);
    return;
  }
  const { options, command } = parseSlurmArgs(args);
  const out = resolve(outOf(command));
  mkdirSync(join(out, 'slurm'), { recursive: true });
  const script = join(out, 'slurm', 'lintas.sbatch');
  writeFileSync(script, sbatchScript(options, command, { cwd: process.cwd(), node: process.execPath, bin: fileURLToPath(packageFile('bin/lintas.js')) }));
  process.stdout.write(`wrote ${script} (${options.shards} array tasks, ${options.cpusPerTask} CPUs each)\n`);
  if (!options.submit) {
    process.stdout.write(`submit it with: sbatch ${script}\nthen, when every task has ended: lintas merge ${out}\n`);
    return;
  }
  const { code, stdout, stderr } = await spawnText('sbatch', ['--parsable', ...(options.wait ? ['--wait'] : []), script]);
  const job = stdout.trim().split(/[;\n]/)[0] ?? '';
  if (!options.wait) {
    if (code !== 0) throw new UserError([`sbatch failed (exit ${code}): ${stderr.trim().split('\n')[0] ?? ''}`]);
    process.stdout.write(`submitted job ${job}; when every task has ended: lintas merge ${out}\n`);
    return;
  }
  process.stdout.write(`job ${job} ended${code === 0 ? '' : ` with a failed task (sbatch exit ${code}; logs in ${join(out, 'slurm')})`}; merging\n`);
  // merge names any shard that did not finish, with the command that reruns it.
  await merge(out, buildProgram);
}
