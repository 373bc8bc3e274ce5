/**
 * The journal of finished runs (runs.jsonl); the lease on an output folder is lease.ts's. A journal line is
 * a run record sealed with its experiment's fingerprint and a checksum, so that `--resume` reuses
 * only runs it can prove belong to this experiment and were written whole: a line from another
 * experiment, an edited line or one cut short in the middle of the file is refused with a
 * message naming the line; only the last line may be cut short (a killed run), and is run again.
 */
import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { UserError } from '../core/errors.js';
import type { RunRecord, Task } from './tasks.js';

const checksum = (text: string) => createHash('sha256').update(text).digest('hex').slice(0, 16);

/** The fingerprint of an experiment: a hash of its manifest's text. */
export const fingerprintOf = (manifestText: string) => checksum(manifestText);

/** One journal line: the record, its experiment's fingerprint, and a checksum of both. */
export function sealRecord(r: RunRecord, fp: string): string {
  const body = JSON.stringify({ fp, ...r });
  return `${body.slice(0, -1)},"sum":"${checksum(body)}"}\n`;
}

/**
 * The records of a journal, each checked: whole, unaltered, of this experiment, and (where a task
 * of that key exists) with the task's seed and replicate. Records of keys no task has are dropped
 * (with no tasks given, every record is kept).
 */
export function readJournal(path: string, fp: string, tasksByKey: Map<string, Task> | null): Map<string, RunRecord> {
  const done = new Map<string, RunRecord>();
  if (!existsSync(path)) return done;
  const lines = readFileSync(path, 'utf8').split('\n');
  // A file ending in a newline has an empty last element; a killed write leaves a partial last line.
  const last = lines.length - 1;
  lines.forEach((line, i) => {
    if (!line.trim()) return;
    const where = `${path} line ${i + 1}`;
    let parsed: Record<string, unknown>;
    try {
      parsed = JSON.parse(line) as Record<string, unknown>;
    } catch {
      if (i === last) return; // cut short when the run was killed: that run is done again
      throw new UserError([`${where}: not a whole record; the journal was cut or edited — remove that line, or start again without --resume`]);
    }
    const { sum, ...rest } = parsed;
    if (typeof sum !== 'string' || checksum(JSON.stringify(rest)) !== sum)
      throw new UserError([`${where}: checksum does not match; the journal was altered — remove that line, or start again without --resume`]);
    if (rest.fp !== fp) throw new UserError([`${where}: belongs to another experiment (fingerprint ${String(rest.fp)}, expected ${fp}); use another --out`]);
    const { fp: _fp, ...record } = rest as unknown as RunRecord & { fp: string };
    const task = tasksByKey ? tasksByKey.get(record.key) : undefined;
    if (tasksByKey && !task) return;
    if (task && (task.seed !== record.seed || task.replicate !== record.replicate))
      throw new UserError([`${where}: run ${record.key} has seed ${record.seed}, replicate ${record.replicate}; this experiment runs it with seed ${task.seed}, replicate ${task.replicate}`]);
    if (!record.metrics || typeof record.metrics !== 'object' || !Object.keys(record.metrics).length)
      throw new UserError([`${where}: run ${record.key} has no metrics; remove that line, or start again without --resume`]);
    done.set(record.key, record);
  });
  return done;
}
