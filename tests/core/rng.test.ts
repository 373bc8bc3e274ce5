import { describe, expect, it } from 'vitest';
import { binomial, poisson, restoreStream, shuffle, stream, Streams, type Stream } from '../../src/core/rng.js';

const draws = (s: Stream, n: number): number[] => Array.from({ length: n }, () => s.next());

const mean = (xs: number[]): number => xs.reduce((a, b) => a + b, 0) / xs.length;
const variance = (xs: number[]): number => {
  const m = mean(xs);
  return xs.reduce((a, b) => a + (b - m) ** 2, 0) / xs.length;
};

describe('stream', () => {
  it('gives the same sequence for the same (seed, name)', () => {
    expect(draws(stream(42, 'departures'), 200)).toEqual(draws(stream(42, 'departures'), 200));
    expect(draws(stream('abc', 'x'), 50)).toEqual(draws(stream('abc', 'x'), 50));
  });

  it('gives different sequences for different seeds', () => {
    const a = draws(stream(1, 'departures'), 20);
    const b = draws(stream(2, 'departures'), 20);
    expect(a).not.toEqual(b);
    // Not merely shifted or mostly equal: nearly every position differs.
    expect(a.filter((x, i) => x === b[i]).length).toBeLessThan(2);
  });

  it('gives different sequences for different stream names', () => {
    const a = draws(stream(1, 'a'), 20);
    const b = draws(stream(1, 'b'), 20);
    expect(a).not.toEqual(b);
    expect(a.filter((x, i) => x === b[i]).length).toBeLessThan(2);
  });

  it('keeps the name in the stream', () => {
    expect(stream(1, 'patrols').name).toBe('patrols');
  });

  it('draws values in [0, 1)', () => {
    const s = stream(7, 'unit');
    let min = Infinity;
    let max = -Infinity;
    for (let i = 0; i < 20_000; i++) {
      const x = s.next();
      expect(Number.isFinite(x)).toBe(true);
      if (x < min) min = x;
      if (x > max) max = x;
    }
    expect(min).toBeGreaterThanOrEqual(0);
    expect(max).toBeLessThan(1);
    // And they actually spread over the interval.
    expect(min).toBeLessThan(0.01);
    expect(max).toBeGreaterThan(0.99);
  });

  it('draws roughly uniform values', () => {
    const xs = draws(stream(8, 'uniform'), 20_000);
    expect(mean(xs)).toBeCloseTo(0.5, 1);
    const bins = new Array<number>(10).fill(0);
    for (const x of xs) bins[Math.floor(x * 10)]!++;
    for (const b of bins) expect(Math.abs(b - 2000)).toBeLessThan(250);
  });

  it('int(n) gives integers in [0, n) and reaches every value', () => {
    const s = stream(9, 'int');
    for (const n of [1, 2, 7, 100]) {
      const seen = new Set<number>();
      for (let i = 0; i < 5_000; i++) {
        const k = s.int(n);
        expect(Number.isInteger(k)).toBe(true);
        expect(k).toBeGreaterThanOrEqual(0);
        expect(k).toBeLessThan(n);
        seen.add(k);
      }
      expect(seen.size).toBe(n);
    }
  });
});

describe('Streams', () => {
  it('returns the same stream object for a name and a (seed, name) sequence', () => {
    const s = new Streams(5);
    expect(s.get('a')).toBe(s.get('a'));
    expect(draws(s.get('b'), 30)).toEqual(draws(stream(5, 'b'), 30));
  });

  it('extra draws on one stream leave another stream unchanged', () => {
    const fresh = new Streams(11);
    const expected = draws(fresh.get('b'), 100);

    const busy = new Streams(11);
    draws(busy.get('a'), 1000);
    const b1 = draws(busy.get('b'), 50);
    draws(busy.get('a'), 1000); // interleaved draws on "a" too
    const b2 = draws(busy.get('b'), 50);
    expect([...b1, ...b2]).toEqual(expected);
  });

  it('the order in which streams are first used does not matter', () => {
    const s1 = new Streams(3);
    const s2 = new Streams(3);
    const a1 = draws(s1.get('a'), 10);
    const b1 = draws(s1.get('b'), 10);
    const b2 = draws(s2.get('b'), 10);
    const a2 = draws(s2.get('a'), 10);
    expect(a1).toEqual(a2);
    expect(b1).toEqual(b2);
  });

  it('save() lists used streams sorted by name, as plain data', () => {
    const s = new Streams(1);
    s.get('zeta').next();
    s.get('alpha').next();
    s.get('mid');
    const saved = s.save();
    expect(Object.keys(saved)).toEqual(['alpha', 'mid', 'zeta']);
    expect(JSON.parse(JSON.stringify(saved))).toEqual(saved);
  });

  it('save/restore into a new Streams continues the identical sequences', () => {
    const s = new Streams(21);
    draws(s.get('a'), 37);
    draws(s.get('b'), 5);
    const saved = JSON.parse(JSON.stringify(s.save())) as ReturnType<Streams['save']>;
    const nextA = draws(s.get('a'), 100);
    const nextB = draws(s.get('b'), 100);

    const t = new Streams(21);
    t.restore(saved);
    expect(draws(t.get('a'), 100)).toEqual(nextA);
    expect(draws(t.get('b'), 100)).toEqual(nextB);
  });

  it('restore rewinds the same Streams to the saved point', () => {
    const s = new Streams(22);
    draws(s.get('a'), 10);
    const saved = s.save();
    const next = draws(s.get('a'), 50);
    draws(s.get('a'), 500);
    s.restore(saved);
    expect(draws(s.get('a'), 50)).toEqual(next);
  });

  it('saved state is a snapshot, not a live view', () => {
    const s = new Streams(23);
    draws(s.get('a'), 3);
    const saved = s.save();
    const copy = JSON.parse(JSON.stringify(saved)) as unknown;
    draws(s.get('a'), 10);
    expect(saved).toEqual(copy);
  });

  // KNOWN BUG (src/core/rng.ts, Streams.restore): restore only overwrites streams present in the
  // snapshot. A stream first used after save() keeps its advanced state, so a restored run does
  // not replay it from its start. Flip to `it` once restore resets streams absent from the snapshot.
  it('restore also rewinds streams first used after the save', () => {
    const s = new Streams(24);
    draws(s.get('a'), 3);
    const saved = s.save();
    const firstC = draws(s.get('c'), 10);
    s.restore(saved);
    expect(draws(s.get('c'), 10)).toEqual(firstC);
  });
});

describe('restoreStream', () => {
  it('continues exactly where the saved state left off', () => {
    const s = stream(99, 'justice');
    draws(s, 123);
    const state = s.state();
    const expected = draws(s, 200);
    const r = restoreStream('justice', state);
    expect(r.name).toBe('justice');
    expect(draws(r, 200)).toEqual(expected);
  });

  it('can restore the same state twice, independently', () => {
    const s = stream(98, 'x');
    draws(s, 5);
    const state = s.state();
    const r1 = restoreStream('x', state);
    const r2 = restoreStream('x', state);
    const a = draws(r1, 20);
    expect(draws(r2, 20)).toEqual(a);
    // restoring did not mutate the saved state object
    expect(draws(restoreStream('x', state), 20)).toEqual(a);
  });

  it('continues int() draws too', () => {
    const s = stream(97, 'ints');
    s.int(10);
    const state = s.state();
    const expected = Array.from({ length: 50 }, () => s.int(1000));
    const r = restoreStream('ints', state);
    expect(Array.from({ length: 50 }, () => r.int(1000))).toEqual(expected);
  });
});

describe('shuffle', () => {
  const ids = (n: number) => Int32Array.from({ length: n }, (_, i) => i);

  it('is a permutation', () => {
    const a = ids(1000);
    shuffle(a, stream(1, 'shuffle'));
    expect([...a].sort((x, y) => x - y)).toEqual([...ids(1000)]);
    // and it actually moved things
    expect([...a]).not.toEqual([...ids(1000)]);
  });

  it('works on Uint32Array as well', () => {
    const a = Uint32Array.from({ length: 50 }, (_, i) => i * 3);
    shuffle(a, stream(1, 'shuffle'));
    expect([...a].sort((x, y) => x - y)).toEqual(Array.from({ length: 50 }, (_, i) => i * 3));
  });

  it('is deterministic for a given stream and differs across seeds', () => {
    const a = ids(200);
    const b = ids(200);
    const c = ids(200);
    shuffle(a, stream(5, 'shuffle'));
    shuffle(b, stream(5, 'shuffle'));
    shuffle(c, stream(6, 'shuffle'));
    expect([...a]).toEqual([...b]);
    expect([...a]).not.toEqual([...c]);
  });

  it('handles empty and single-element arrays', () => {
    const empty = new Int32Array(0);
    shuffle(empty, stream(1, 's'));
    expect(empty.length).toBe(0);
    const one = Int32Array.of(42);
    shuffle(one, stream(1, 's'));
    expect([...one]).toEqual([42]);
  });
});

describe('poisson', () => {
  const sample = (m: number, n: number, seed = 1) => {
    const s = stream(seed, `poisson-${m}`);
    return Array.from({ length: n }, () => poisson(m, s));
  };

  it.each([0.5, 3, 20, 100, 1000])('has mean and variance close to %s', (m) => {
    const xs = sample(m, 20_000);
    for (const x of xs) {
      expect(Number.isInteger(x)).toBe(true);
      expect(x).toBeGreaterThanOrEqual(0);
    }
    expect(Math.abs(mean(xs) - m)).toBeLessThan(0.05 * m + 0.05);
    expect(Math.abs(variance(xs) - m)).toBeLessThan(0.1 * m + 0.1);
  });

  it('is zero for a zero or negative mean, without drawing', () => {
    const s = stream(1, 'p0');
    const ref = stream(1, 'p0');
    expect(poisson(0, s)).toBe(0);
    expect(poisson(-3, s)).toBe(0);
    expect(s.next()).toBe(ref.next());
  });

  it('is deterministic for a given stream', () => {
    expect(sample(4, 500, 3)).toEqual(sample(4, 500, 3));
    expect(sample(4, 500, 3)).not.toEqual(sample(4, 500, 4));
    expect(sample(200, 500, 3)).toEqual(sample(200, 500, 3));
  });
});

describe('binomial', () => {
  const sample = (n: number, p: number, count: number, seed = 1) => {
    const s = stream(seed, `binomial-${n}-${p}`);
    return Array.from({ length: count }, () => binomial(n, p, s));
  };

  it.each([
    [20, 0.3], // exact (n < 50)
    [1000, 0.01], // Poisson branch (n·p < 30)
    [1000, 0.4], // normal branch
    [100_000, 0.002],
  ])('n=%s, p=%s has mean n·p and stays within [0, n]', (n, p) => {
    const xs = sample(n, p, 10_000);
    for (const x of xs) {
      expect(Number.isInteger(x)).toBe(true);
      expect(x).toBeGreaterThanOrEqual(0);
      expect(x).toBeLessThanOrEqual(n);
    }
    const m = n * p;
    expect(Math.abs(mean(xs) - m)).toBeLessThan(0.05 * m + 0.05);
    expect(Math.abs(variance(xs) - m * (1 - p))).toBeLessThan(0.15 * m + 0.1);
  });

  it('handles the edges: n <= 0, p <= 0, p >= 1', () => {
    const s = stream(1, 'edges');
    expect(binomial(0, 0.5, s)).toBe(0);
    expect(binomial(-4, 0.5, s)).toBe(0);
    expect(binomial(10, 0, s)).toBe(0);
    expect(binomial(10, -0.1, s)).toBe(0);
    expect(binomial(10, 1, s)).toBe(10);
    expect(binomial(10, 1.5, s)).toBe(10);
  });

  it('is deterministic for a given stream', () => {
    expect(sample(30, 0.5, 300, 8)).toEqual(sample(30, 0.5, 300, 8));
    expect(sample(30, 0.5, 300, 8)).not.toEqual(sample(30, 0.5, 300, 9));
    expect(sample(5000, 0.3, 300, 8)).toEqual(sample(5000, 0.3, 300, 8));
  });
});

describe('keyed draws', () => {
  it('depend only on (key, id, tick): the same whatever is drawn before or in between', async () => {
    const { keyedUniform, streamKey } = await import('../../src/core/rng.js');
    const k = streamKey(1, 'departure');
    const a = [5, 17, 99].map((id) => keyedUniform(k, id, 3));
    for (let i = 0; i < 1000; i++) keyedUniform(k, i, 3);
    const b = [99, 17, 5].map((id) => keyedUniform(k, id, 3)).reverse();
    expect(b).toEqual(a);
    expect(keyedUniform(k, 5, 4)).not.toBe(a[0]);
    expect(keyedUniform(streamKey(2, 'departure'), 5, 3)).not.toBe(a[0]);
    expect(streamKey(1, 'raids')).not.toBe(k);
  });

  it('are uniform on [0, 1): mean, spread and deciles over agents and weeks', async () => {
    const { keyedUniform, streamKey } = await import('../../src/core/rng.js');
    const k = streamKey(7, 'test');
    const bins = new Array(10).fill(0);
    let sum = 0;
    const n = 200_000;
    for (let i = 0; i < n; i++) {
      const u = keyedUniform(k, i % 20_000, Math.floor(i / 20_000));
      expect(u >= 0 && u < 1).toBe(true);
      sum += u;
      bins[Math.floor(u * 10)]++;
    }
    expect(sum / n).toBeCloseTo(0.5, 2);
    // Chi-square over 10 bins, 9 degrees of freedom: 27.9 is the 0.1% critical value.
    const chi = bins.reduce((s, b) => s + (b - n / 10) ** 2 / (n / 10), 0);
    expect(chi).toBeLessThan(27.9);
  });
});
