import { describe, expect, it } from 'vitest';
import { Recorder } from '../../src/core/recorder.js';

describe('Recorder', () => {
  it('add/set/commit build one column per metric', () => {
    const r = new Recorder(['arrivals', 'deaths', 'stock'], 10);
    r.add('arrivals');
    r.add('arrivals', 2.5);
    r.set('stock', 7);
    r.commit();
    r.add('deaths', 4);
    r.set('stock', 9);
    r.set('stock', 3); // set overwrites within a tick
    r.commit();
    r.commit(); // an empty tick
    expect(r.ticks).toBe(3);
    expect([...r.series('arrivals')]).toEqual([3.5, 0, 0]);
    expect([...r.series('deaths')]).toEqual([0, 4, 0]);
    expect([...r.series('stock')]).toEqual([7, 3, 0]);
    expect(r.columns).toHaveLength(3);
    expect(r.columns[0]!.length).toBe(10);
    expect([...r.columns[1]!.subarray(0, 3)]).toEqual([0, 4, 0]);
  });

  it('starts each tick from zero, and peek shows the open row', () => {
    const r = new Recorder(['a'], 4);
    r.add('a', 5);
    expect(r.peek('a')).toBe(5);
    r.commit();
    expect(r.peek('a')).toBe(0);
    r.add('a');
    expect(r.peek('a')).toBe(1);
    // uncommitted values are not in the series
    expect([...r.series('a')]).toEqual([5]);
  });

  it('addAt(slot(m)) is the same as add(m)', () => {
    const r = new Recorder(['a', 'b'], 2);
    const b = r.slot('b');
    expect(b).toBe(1);
    r.addAt(b, 2);
    r.addAt(b);
    r.commit();
    expect([...r.series('b')]).toEqual([3]);
    expect([...r.series('a')]).toEqual([0]);
  });

  it('total sums the committed ticks only', () => {
    const r = new Recorder(['x'], 8);
    for (const v of [1, 2, 3.25]) {
      r.add('x', v);
      r.commit();
    }
    r.add('x', 100); // not committed
    expect(r.total('x')).toBe(6.25);
  });

  it('throws on an unknown metric', () => {
    const r = new Recorder(['a'], 2);
    expect(() => r.add('b')).toThrow('unknown metric "b"');
    expect(() => r.set('b', 1)).toThrow('unknown metric "b"');
    expect(() => r.series('b')).toThrow('unknown metric "b"');
    expect(() => r.total('b')).toThrow('unknown metric "b"');
    expect(() => r.slot('b')).toThrow('unknown metric "b"');
    expect(() => r.peek('b')).toThrow('unknown metric "b"');
  });

  it('throws when a metric is declared twice', () => {
    expect(() => new Recorder(['a', 'b', 'a'], 2)).toThrow('metric "a" is declared twice');
  });

  it('throws when more ticks are committed than its capacity', () => {
    const r = new Recorder(['a'], 2);
    r.commit();
    r.commit();
    expect(() => r.commit()).toThrow('recorder is full (2 ticks)');
    expect(r.ticks).toBe(2);
  });
});
