/**
 * `lintas merge DIR`: gathers the shards of one experiment into the files a single-machine run
 * leaves behind — DIR/manifest.json and DIR/runs.jsonl — after checking that every shard is
 * there, finished, and of the same experiment. The command that made the shards then runs once
 * more with --resume: it finds every run done and writes the outputs with the same code as a
 * single run, so they are byte-identical to it.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { UserError } from '../core/errors.js';
import { writeFileAtomic } from '../io/atomic.js';
import { readJournal, sealRecord } from './journal.js';
import { rerunCommand, type ShardManifest, shardLabel, shardName } from './shards.js';
import type { RunRecord } from './tasks.js';

export interface MergePlan {
  /** The command to run in `cwd` to write the outputs (the shards' command, with --resume). */
  argv: string[];
  cwd: string;
  shards: number;
  runs: number;
}

function readManifest(path: string): ShardManifest {
  try {
    const m = JSON.parse(readFileSync(path, 'utf8')) as ShardManifest;
    if (m.kind !== 'lintas-shard') throw new Error('not a shard manifest');
    return m;
  } catch {
    throw new UserError([`${path}: not a lintas shard manifest (cut short or edited?); rerun that shard`]);
  }
}

/** Runs in a shard's journal now (it grows while the shard runs; the manifest says how many at its start). */
function runsDone(journal: string, m: ShardManifest): number {
  try {
    return readJournal(journal, m.fingerprint, null).size;
  } catch {
    return m.done;
  }
}

export function planMerge(dir: string): MergePlan {
  const shardsDir = join(dir, 'shards');
  if (!existsSync(shardsDir)) throw new UserError([`${dir}: no shards/ folder; run the experiment with --shard i/n and --out ${dir} first`]);
  const manifests = readdirSync(shardsDir)
    .filter((f) => /^shard-\d+-of-\d+\.json$/.test(f))
    .sort()
    .map((f) => readManifest(join(shardsDir, f)));
  if (!manifests.length) throw new UserError([`${shardsDir}: no shard manifests (shard-i-of-n.json)`]);

  // One experiment: the same manifest text (scenario, seeds, options), not only the same fingerprint.
  const experiments = [...new Set(manifests.map((m) => m.experiment))];
  if (experiments.length > 1) {
    const by = experiments.map((e, i) => `experiment ${i + 1}: shard(s) ${manifests.filter((m) => m.experiment === e).map((m) => shardLabel(m.shard)).join(', ')}`);
    throw new UserError([`${dir}: shards of ${experiments.length} different experiments; merge only one (move the others to another folder):`, ...by.map((l) => `  ${l}`)]);
  }
  const counts = [...new Set(manifests.map((m) => m.shard.count))];
  if (counts.length > 1) throw new UserError([`${dir}: shards split ${counts.join(' and ')} ways; use one split (remove the other shard files)`]);
  const n = counts[0]!;
  const first = manifests[0]!;
  const problems: string[] = [];
  for (let i = 0; i < n; i++) {
    const m = manifests.find((x) => x.shard.index === i);
    const label = `${i + 1}/${n}`;
    if (!m) problems.push(`shard ${label} is missing; run: ${rerunCommand({ argv: first.argv, shard: { index: i, count: n } })}`);
    else if (!m.finished) {
      const attempts = (m.attempts ?? 1) > 1 ? ` after ${m.attempts} attempts` : '';
      const log = join(dir, 'slurm', `${shardName(m.shard)}.log`);
      problems.push(`shard ${label} did not finish${attempts} (${runsDone(join(shardsDir, `${shardName(m.shard)}.jsonl`), m)} of ${m.tasks} runs kept${existsSync(log) ? `; log ${log}` : ''}); rerun it (it resumes): ${rerunCommand(m)}`);
    }
  }
  if (problems.length) throw new UserError([`${dir}: cannot merge yet:`, ...problems.map((p) => `  ${p}`)]);

  const records: RunRecord[] = [];
  for (const m of manifests) {
    const journal = join(shardsDir, `${shardName(m.shard)}.jsonl`);
    const got = readJournal(journal, m.fingerprint, null);
    if (got.size !== m.tasks) throw new UserError([`${journal}: ${got.size} runs, but shard ${shardLabel(m.shard)} has ${m.tasks}; rerun it: ${rerunCommand(m)}`]);
    records.push(...got.values());
  }
  writeFileAtomic(join(dir, 'manifest.json'), first.experiment);
  writeFileAtomic(join(dir, 'runs.jsonl'), records.map((r) => sealRecord(r, first.fingerprint)).join(''));

  // The outputs go to DIR even if the shards named it by another path.
  const argv = first.argv.flatMap((a) => (a.startsWith('--out=') ? ['--out', a.slice(6)] : [a]));
  const out = argv.indexOf('--out');
  if (out >= 0 && resolve(first.cwd, argv[out + 1] ?? '') !== resolve(dir)) argv[out + 1] = resolve(dir);
  if (out < 0) argv.push('--out', resolve(dir));
  if (!argv.includes('--resume')) argv.push('--resume');
  return { argv, cwd: existsSync(first.cwd) ? first.cwd : process.cwd(), shards: n, runs: records.length };
}
