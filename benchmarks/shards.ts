/**
 * One process against shards of the same experiment, on this machine: each shard is its own
 * process (as on a cluster, one after another here), then `lintas merge`. Overhead per shard is
 * what the shards and the merge cost beyond the single process; overhead per run-task is what one
 * process spends beyond the simulations themselves (start-up, workers, journal, outputs), per run.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runTask, type Task, variantsOf } from '../src/experiment/tasks.js';

export interface ShardFigures {
  command: string;
  runs: number;
  shards: number;
  startupSeconds: number;
  simulationSeconds: number;
  oneProcessSeconds: number;
  shardSeconds: number[];
  mergeSeconds: number;
  overheadPerShardSeconds: number;
  overheadPerRunTaskSeconds: number;
}

const FILE = 'scenarios/paper-interventions.ts';
const ARGS = ['compare', FILE, '--replicates', '2', '--scale', '50', '--workers', '1', '--no-report'];

function timed(args: string[]): number {
  const t0 = performance.now();
  execFileSync(process.execPath, ['bin/lintas.js', ...args], { stdio: 'ignore' });
  return (performance.now() - t0) / 1000;
}

export async function measureShards(shards = 4): Promise<ShardFigures> {
  const dir = mkdtempSync(join(tmpdir(), 'lintas-bench-shards-'));
  try {
    const startupSeconds = timed(['--version']);
    const oneProcessSeconds = timed([...ARGS, '--out', join(dir, 'one')]);
    const shardSeconds = Array.from({ length: shards }, (_, i) => timed([...ARGS, '--out', join(dir, 'sharded'), '--shard', `${i + 1}/${shards}`]));
    const mergeSeconds = timed(['merge', join(dir, 'sharded')]);
    // The simulations alone, in this process: every run-task of the experiment.
    const variants = await variantsOf(FILE);
    const tasks: Task[] = variants.flatMap((_, v) => [0, 1].map((r) => ({ file: FILE, variant: v, overrides: [], replicate: r, seed: variants[0]!.scenario.seed + r, scale: 50 })));
    await runTask(tasks[0]!); // load the scenario once, as a worker does
    const t0 = performance.now();
    for (const t of tasks) await runTask(t);
    const simulationSeconds = (performance.now() - t0) / 1000;
    const sum = shardSeconds.reduce((a, b) => a + b, 0);
    return {
      command: `lintas ${ARGS.join(' ')}`,
      runs: tasks.length,
      shards,
      startupSeconds,
      simulationSeconds,
      oneProcessSeconds,
      shardSeconds,
      mergeSeconds,
      overheadPerShardSeconds: (sum + mergeSeconds - oneProcessSeconds) / shards,
      overheadPerRunTaskSeconds: (oneProcessSeconds - startupSeconds - simulationSeconds) / tasks.length,
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
