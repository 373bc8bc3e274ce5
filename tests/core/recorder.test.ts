import { describe, expect, it } from 'vitest';
import { Recorder } from '../../src/core/recorder.js';

describe('Recorder', () => {
  const ARRIVALS = 0, DEATHS = 1, STOCK = 2;

  it('add/set/commit build one column per metric', () => {
    const r = new Recorder(['arrivals', 'deaths', 'stock'], 10);
    r.add(ARRIVALS);
    r.add(ARRIVALS, 2.5);
    r.set(STOCK, 7);
    r.commit();
    r.add(DEATHS, 4);
    r.set(STOCK, 9);
    r.set(STOCK, 3); // set overwrites within a tick
    r.commit();
    r.commit(); // an empty tick
    expect(r.ticks).toBe(3);
    expect([...r.series(ARRIVALS)]).toEqual([3.5, 0, 0]);
    expect([...r.series(DEATHS)]).toEqual([0, 4, 0]);
    expect([...r.series(STOCK)]).toEqual([7, 3, 0]);
    expect(r.columns).toHaveLength(3);
    expect(r.columns[0]!.length).toBe(10);
  });

  it('starts each tick from zero; uncommitted values are not in the series', () => {
    const r = new Recorder(['a'], 4);
    r.add(0, 5);
    r.commit();
    r.add(0);
    expect([...r.series(0)]).toEqual([5]);
    r.commit();
    expect([...r.series(0)]).toEqual([5, 1]);
  });

  it('close(false) drops the row: nothing of it reaches the series, before or after kept rows', () => {
    const r = new Recorder(['a'], 2);
    r.add(0, 9);
    r.close(false); // a spin-up week
    expect(r.ticks).toBe(0);
    r.add(0, 2);
    r.close(true);
    r.add(0, 7);
    r.close(false);
    r.add(0, 1);
    r.close(true);
    expect([...r.series(0)]).toEqual([2, 1]);
    expect(() => r.close(true)).toThrow('recorder is full (2 ticks)');
    r.add(0, 3);
    expect(() => r.close(false)).not.toThrow(); // dropping a row never overflows
    expect([...r.series(0)]).toEqual([2, 1]);
  });

  it('slot(name) finds a column by the name it was declared with', () => {
    const r = new Recorder(['a', 'b'], 2);
    expect(r.slot('b')).toBe(1);
    r.add(r.slot('b'), 2);
    r.commit();
    expect([...r.series(1)]).toEqual([2]);
    expect(() => r.slot('c')).toThrow('unknown metric "c"');
  });

  it('total sums the committed ticks only', () => {
    const r = new Recorder(['x'], 8);
    for (const v of [1, 2, 3.25]) {
      r.add(0, v);
      r.commit();
    }
    r.add(0, 100); // not committed
    expect(r.total(0)).toBe(6.25);
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
