import { describe, expect, it } from 'vitest';
import { IdList } from '../../src/core/idlist.js';

describe('IdList', () => {
  it('grows past its capacity keeping its contents in order', () => {
    const l = new IdList(2);
    const pushed = [5, 9, 1, 7, 3, 42, 0, 11, 8];
    for (const id of pushed) l.push(id);
    expect(l.length).toBe(pushed.length);
    expect(l.ids.length).toBeGreaterThanOrEqual(pushed.length);
    expect([...l.ids.subarray(0, l.length)]).toEqual(pushed);
  });

  it('grows many times over', () => {
    const l = new IdList(1);
    for (let i = 0; i < 10_000; i++) l.push(i * 2);
    expect(l.length).toBe(10_000);
    for (let i = 0; i < 10_000; i++) expect(l.ids[i]).toBe(i * 2);
  });

  it('pushAll appends the first count of a list, growing as needed, as pushing each would', () => {
    for (const cap of [0, 1, 3, 64]) {
      const l = new IdList(cap);
      const one = new IdList(cap);
      for (const batch of [[4, 2], [], [9, 9, 1, 0, 7], Array.from({ length: 100 }, (_, i) => i)]) {
        const src = Int32Array.from([...batch, -1, -2]); // entries past count are not taken
        l.pushAll(src, batch.length);
        for (const id of batch) one.push(id);
      }
      expect([...l.ids.subarray(0, l.length)]).toEqual([...one.ids.subarray(0, one.length)]);
    }
  });

  it('defaults to a capacity of 1024', () => {
    expect(new IdList().ids.length).toBe(1024);
    expect(new IdList().length).toBe(0);
  });

  it('clear() empties it for reuse without shrinking', () => {
    const l = new IdList(2);
    for (const id of [1, 2, 3]) l.push(id);
    const cap = l.ids.length;
    l.clear();
    expect(l.length).toBe(0);
    l.push(99);
    expect(l.length).toBe(1);
    expect(l.ids[0]).toBe(99);
    expect(l.ids.length).toBe(cap);
  });

  it('works when created with capacity 0', () => {
    const l = new IdList(0);
    l.push(4);
    l.push(6);
    expect([...l.ids.subarray(0, l.length)]).toEqual([4, 6]);
  });
});
