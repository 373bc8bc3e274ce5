import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { KeptHalves } from '../../src/core/below.js';
import { keyedBits, keyedEntity, tickTerm } from '../../src/core/rng.js';
import { BELOW_WASM } from '../../src/core/wasm/below.js';
// @ts-expect-error: a plain .mjs script without types
import { assemble } from '../../scripts/wasm.mjs';

/** The rule: the ids whose keyed draw is below `limit` 32-bit units, in id order. */
const reference = (key: number, count: number, term: number, limit: number) =>
  Array.from({ length: count }, (_, id) => id).filter((id) => keyedBits(key, id, term) < limit);

describe('KeptHalves (keyed draws below a threshold, for every entity at once)', () => {
  it('carries the bytes its WebAssembly source assembles to', async () => {
    const source = readFileSync(new URL('../../src/core/wasm/below.wat', import.meta.url), 'utf8');
    expect(await assemble('below.wat', source)).toBe(BELOW_WASM);
  });

  it('runs the SIMD kernel on this Node (the JS scan is only a fallback)', () => {
    const bytes = Uint8Array.from(atob(BELOW_WASM), (c) => c.charCodeAt(0));
    expect(WebAssembly.validate(bytes)).toBe(true);
    expect(new KeptHalves(1).scan).toBe('simd');
    expect(new KeptHalves(1, false).scan).toBe('js');
  });

  it('finds exactly the ids whose draw is below the limit, in id order, in the kernel and in JS alike', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 2 ** 31 - 1 }),
        fc.integer({ min: 0, max: 3000 }),
        fc.integer({ min: 0, max: 5000 }),
        fc.oneof(
          fc.double({ min: 0, max: 2 ** 32, noNaN: true }),
          fc.constantFrom(0, 1, 0.5, 2 ** 31, 2 ** 31 + 0.5, 2 ** 32 - 1, 2 ** 32 - 0.5, 2 ** 32, 2 ** 33, Infinity, -1),
          fc.integer({ min: 0, max: 2 ** 26 }),
        ),
        (key, count, tick, limit) => {
          const term = tickTerm(tick);
          const want = reference(key, count, term, limit);
          expect(Array.from(new KeptHalves(key).below(count, term, limit))).toEqual(want);
          expect(Array.from(new KeptHalves(key, false).below(count, term, limit))).toEqual(want);
        },
      ),
      { numRuns: 300 },
    );
  });

  it('keeps each half as entities are added and its storage grows, and scans the grown set right', () => {
    const kept = new KeptHalves(42);
    for (const count of [1, 3, 4, 5, 1023, 1024, 1025, 2049, 4096, 9001, 9001, 20_000]) {
      const term = tickTerm(count);
      const limit = 0.01 * 2 ** 32;
      expect(Array.from(kept.below(count, term, limit))).toEqual(reference(42, count, term, limit));
      const halves = kept.upTo(count);
      for (const id of [0, count >> 1, count - 1]) expect(halves[id]).toBe(keyedEntity(42, id) >>> 0);
    }
  });

  it('takes everyone when the limit reaches 2^32 and no one at 0', () => {
    expect(Array.from(new KeptHalves(3).below(10, tickTerm(1), 2 ** 32))).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
    expect(new KeptHalves(3).below(10, tickTerm(1), 0).length).toBe(0);
    expect(new KeptHalves(3).below(0, tickTerm(1), 2 ** 31).length).toBe(0);
  });
});
