import { describe, expect, it } from 'vitest';
import { byReplicate, Dispatch } from '../../src/experiment/executor.js';
import { taskKey, type Task } from '../../src/experiment/tasks.js';

const task = (variant: number, replicate: number): Task => ({ file: 'f.json', variant, overrides: [], replicate, seed: 10 + replicate, scale: 20 });

describe('byReplicate (the order runs are handed to workers)', () => {
  it('hands out every task once, replicate by replicate, variants in their order within one', () => {
    const tasks = [0, 1, 2].flatMap((v) => [0, 1, 2, 3].map((r) => task(v, r)));
    const order = byReplicate(tasks).map(taskKey);
    expect(order).toEqual(['v0:r0', 'v1:r0', 'v2:r0', 'v0:r1', 'v1:r1', 'v2:r1', 'v0:r2', 'v1:r2', 'v2:r2', 'v0:r3', 'v1:r3', 'v2:r3']);
    expect(new Set(order).size).toBe(tasks.length);
  });

  it('keeps a resumed remainder in the same relative order and leaves its input alone', () => {
    const tasks = [task(1, 2), task(0, 5), task(2, 2), task(0, 2)];
    const copy = [...tasks];
    expect(byReplicate(tasks).map(taskKey)).toEqual(['v1:r2', 'v2:r2', 'v0:r2', 'v0:r5']);
    expect(tasks).toEqual(copy);
  });
});

/** Hands out all tasks, the workers asking in turn; what each worker ran, in order. */
function drain(d: Dispatch, workers: number): string[][] {
  const ran: string[][] = Array.from({ length: workers }, () => []);
  for (let busy = true; busy; ) {
    busy = false;
    for (let k = 0; k < workers; k++) {
      const t = d.next(k);
      if (t) {
        ran[k]!.push(taskKey(t));
        busy = true;
      }
    }
  }
  return ran;
}

describe('Dispatch (which worker runs what)', () => {
  it('gives each worker whole replicates, so that a spin-up runs in one thread only', () => {
    const tasks = [0, 1, 2].flatMap((v) => [0, 1, 2, 3].map((r) => task(v, r)));
    const ran = drain(new Dispatch(tasks, 2), 2);
    expect(ran).toEqual([
      ['v0:r0', 'v1:r0', 'v2:r0', 'v0:r2', 'v1:r2', 'v2:r2'],
      ['v0:r1', 'v1:r1', 'v2:r1', 'v0:r3', 'v1:r3', 'v2:r3'],
    ]);
  });

  it('lets a worker with no replicate left take runs from the end of the fullest one, each task once', () => {
    const tasks = [0, 1, 2, 3, 4, 5].map((v) => task(v, 0));
    const ran = drain(new Dispatch(tasks, 3), 3);
    expect(ran).toEqual([['v0:r0', 'v1:r0'], ['v5:r0', 'v3:r0'], ['v4:r0', 'v2:r0']]);
    expect(ran.flat().sort()).toEqual(tasks.map(taskKey).sort());
  });

  it('hands out every task exactly once whatever the number of workers and the order they ask in', () => {
    const tasks = [0, 1, 2, 3, 4].flatMap((v) => [0, 1, 2].map((r) => task(v, r)));
    for (const workers of [1, 2, 4, 7]) {
      const d = new Dispatch(tasks, workers);
      const got: string[] = [];
      // Worker k asks k + 1 times as often as worker 0: uneven speeds.
      for (let round = 0; got.length < tasks.length && round < 1000; round++)
        for (let k = 0; k < workers; k++) for (let a = 0; a <= k; a++) {
          const t = d.next(k);
          if (t) got.push(taskKey(t));
        }
      expect(got.sort()).toEqual(tasks.map(taskKey).sort());
      expect(d.next(0)).toBeUndefined();
    }
  });
});
