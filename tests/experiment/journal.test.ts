/**
 * The journal a resume trusts: sealed records are read back exactly; a record edited, cut short in
 * the middle, of another experiment, with another seed, or without metrics is refused with the line
 * it is on; a last line cut short (a killed run) is dropped.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { readJournal, sealRecord } from '../../src/experiment/journal.js';
import { taskKey, type RunRecord, type Task } from '../../src/experiment/tasks.js';

const dir = mkdtempSync(join(tmpdir(), 'lintas-journal-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const task = (replicate: number): Task => ({ file: 'x.json', variant: 0, overrides: [], replicate, seed: 10 + replicate });
const record = (t: Task, value = 1.5): RunRecord => ({ key: taskKey(t), variant: 'baseline', point: 0, replicate: t.replicate, seed: t.seed, metrics: { trafficked: value, identified: 0.1 + 0.2 } });
const tasks = [task(0), task(1), task(2)];
const byKey = new Map(tasks.map((t) => [taskKey(t), t]));
let n = 0;
const journal = (text: string) => {
  const p = join(dir, `runs-${n++}.jsonl`);
  writeFileSync(p, text);
  return p;
};

describe('journal', () => {
  it('reads sealed records back exactly, and drops a last line cut short', () => {
    const lines = tasks.map((t, i) => sealRecord(record(t, i + 0.1), 'fp1'));
    const p = journal(lines.join('') + lines[0]!.slice(0, 20));
    const got = readJournal(p, 'fp1', byKey);
    expect([...got.values()]).toEqual(tasks.map((t, i) => record(t, i + 0.1)));
  });

  it('drops records no task asks for, and keeps all without tasks', () => {
    const p = journal(sealRecord(record(task(7)), 'fp1') + sealRecord(record(task(0)), 'fp1'));
    expect([...readJournal(p, 'fp1', byKey).keys()]).toEqual(['v0:r0']);
    expect([...readJournal(p, 'fp1', null).keys()]).toEqual(['v0:r7', 'v0:r0']);
  });

  it('refuses an edited record, naming its line', () => {
    const good = sealRecord(record(task(0)), 'fp1');
    const p = journal(good + sealRecord(record(task(1)), 'fp1').replace('"trafficked":1.5', '"trafficked":2.5'));
    expect(() => readJournal(p, 'fp1', byKey)).toThrow(`${p} line 2: checksum does not match; the journal was altered`);
  });

  it('refuses a record cut short before the last line', () => {
    const line = sealRecord(record(task(0)), 'fp1');
    const p = journal(line.slice(0, 30) + '\n' + line);
    expect(() => readJournal(p, 'fp1', byKey)).toThrow(`${p} line 1: not a whole record`);
  });

  it('refuses a record of another experiment', () => {
    const p = journal(sealRecord(record(task(0)), 'other'));
    expect(() => readJournal(p, 'fp1', byKey)).toThrow(`${p} line 1: belongs to another experiment (fingerprint other, expected fp1)`);
  });

  it('refuses a record whose seed is not the task\'s', () => {
    const p = journal(sealRecord({ ...record(task(0)), seed: 99 }, 'fp1'));
    expect(() => readJournal(p, 'fp1', byKey)).toThrow(`${p} line 1: run v0:r0 has seed 99, replicate 0; this experiment runs it with seed 10, replicate 0`);
  });

  it('refuses a record without metrics', () => {
    const p = journal(sealRecord({ ...record(task(0)), metrics: {} }, 'fp1'));
    expect(() => readJournal(p, 'fp1', byKey)).toThrow(`${p} line 1: run v0:r0 has no metrics`);
  });

  it('an unsealed line (an old or hand-written journal) is refused', () => {
    const p = journal(`${JSON.stringify(record(task(0)))}\n`);
    expect(() => readJournal(p, 'fp1', byKey)).toThrow('line 1: checksum does not match');
  });
});
