/**
 * One process against shards of the same experiment, on this machine: each shard is its own
 * process (as on a cluster, one after another here), then `lintas merge`. Overhead per shard is
 * what the shards and the merge cost beyond the single process (each shard starts, loads the
 * scenario and its worker; merge writes the outputs); per run-task is the single process's wall
 * time per run after its start-up.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export interface ShardFigures {
  command: string;
  runs: number;
  shards: number;
  startupSeconds: number;
  oneProcessSeconds: number;
  shardSeconds: number[];
  mergeSeconds: number;
  overheadPerShardSeconds: number;
  secondsPerRunTask: number;
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
    const runs = readFileSync(join(dir, 'one', 'runs.jsonl'), 'utf8').split('\n').filter(Boolean).length;
    const sum = shardSeconds.reduce((a, b) => a + b, 0);
    return {
      command: `lintas ${ARGS.join(' ')}`,
      runs,
      shards,
      startupSeconds,
      oneProcessSeconds,
      shardSeconds,
      mergeSeconds,
      overheadPerShardSeconds: (sum + mergeSeconds - oneProcessSeconds) / shards,
      secondsPerRunTask: (oneProcessSeconds - startupSeconds) / runs,
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
