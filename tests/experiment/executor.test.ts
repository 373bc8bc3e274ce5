import { describe, expect, it } from 'vitest';
import { byReplicate } from '../../src/experiment/executor.js';
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
