import { describe, expect, it } from 'vitest';
import { keyedBits, keyedBitsFrom, keyedEntity, keyedUniform, shuffle, stream, streamKey, tickTerm, type Stream } from '../../src/core/rng.js';

const draws = (s: Stream, n: number): number[] => Array.from({ length: n }, () => s.next());

const mean = (xs: number[]): number => xs.reduce((a, b) => a + b, 0) / xs.length;
const _variance = (xs: number[]): number => {
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

describe('keyedBits', () => {
  it('is keyedUniform before the division: the same draw, and `u < p` exactly when bits < p · 2^32', () => {
    const key = streamKey(7, 'departure');
    for (let id = 0; id < 2000; id += 37)
      for (let t = 0; t < 500; t += 13) {
        const u = keyedUniform(key, id, t);
        const bits = keyedBits(key, id, tickTerm(t));
        expect(bits / 4294967296).toBe(u);
        for (const p of [0, 1e-4, u, 0.5, 1]) expect(bits < p * 4294967296).toBe(u < p);
      }
  });
});

describe('keyed draws: the hash itself', () => {
  it('is pinned: these addresses give these numbers (a change to the hash or the key derivation changes every run’s outputs)', () => {
    const key = streamKey(1, 'departure:migrant');
    expect(key).toBe(-1275539675);
    expect([keyedUniform(key, 0, 0), keyedUniform(key, 1, 0), keyedUniform(key, 0, 1), keyedUniform(key, 12345, 678)]).toEqual([
      0.3536705123260617, 0.9238763931207359, 0.5001647456083447, 0.9353096096310765,
    ]);
    expect(stream(1, 'x').next()).toBe(0.6026086423080415);
  });

  it('splits into an entity half and a counter term: keyedBitsFrom(keyedEntity(key, id), tickTerm(t)) is keyedBits(key, id, tickTerm(t))', () => {
    for (const key of [0, 1, -1275539675, 2 ** 31 - 1])
      for (const id of [0, 1, 999, 2 ** 31 - 1])
        for (const t of [0, 1, 313, 2 ** 20]) {
          expect(keyedBitsFrom(keyedEntity(key, id), tickTerm(t))).toBe(keyedBits(key, id, tickTerm(t)));
          expect(keyedBits(key, id, tickTerm(t)) / 2 ** 32).toBe(keyedUniform(key, id, t));
        }
  });

  it('gives every counter its own term, so that no two ticks of an entity share a draw', () => {
    const terms = new Set<number>();
    for (let t = 0; t < 100_000; t++) terms.add(tickTerm(t));
    expect(terms.size).toBe(100_000);
    const key = streamKey(3, 'x');
    const draws = new Set<number>();
    for (let t = 0; t < 10_000; t++) draws.add(keyedUniform(key, 7, t));
    expect(draws.size).toBe(10_000);
  });

  it('derives keys as whole 32-bit numbers from (seed, name): the same pair the same key, another pair another', () => {
    expect(streamKey(1, 'a')).toBe(streamKey(1, 'a'));
    expect(streamKey('1', 'a')).toBe(streamKey(1, 'a')); // the seed is read as text
    expect(streamKey(2, 'a')).not.toBe(streamKey(1, 'a'));
    expect(streamKey(1, 'b')).not.toBe(streamKey(1, 'a'));
    for (const k of [streamKey(1, 'a'), streamKey(99, 'zz')]) {
      expect(Number.isInteger(k)).toBe(true);
      expect(k | 0).toBe(k);
    }
  });
});
