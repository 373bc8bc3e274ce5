/** `lintas merge`: the shards of an experiment (run with --shard i/n) merged into the outputs of a single run. */
import type { Command } from 'commander';
import { resolve } from 'node:path';

/** Makes a fresh `lintas` program: merge parses the shards' own command line with one. */
export type ProgramFactory = () => Command;

/** Merges the shards in DIR, then finishes the experiment as a single run would (with --resume, nothing left to run). */
export async function merge(dir: string, buildProgram: ProgramFactory): Promise<void> {
  const { planMerge } = await import('../experiment/merge.js');
  const plan = planMerge(dir);
  process.stderr.write(`lintas merge: ${plan.shards} shards, ${plan.runs} runs; writing the outputs\n`);
  // The shards' command runs from the folder they ran in, so its relative paths mean the same.
  const back = process.cwd();
  if (resolve(plan.cwd) !== resolve(back)) process.chdir(plan.cwd);
  try {
    await buildProgram().parseAsync(plan.argv, { from: 'user' });
  } finally {
    if (process.cwd() !== back) process.chdir(back);
  }
}

export function registerMerge(program: Command, buildProgram: ProgramFactory): void {
  program
    .command('merge')
    .description('merge the shards of an experiment (run with --shard i/n) into the outputs of a single run')
    .argument('<dir>', 'the output folder the shards wrote to')
    .exitOverride()
    .action((dir: string) => merge(dir, buildProgram));
}
