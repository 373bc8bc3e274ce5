/** The draw-addressing API: one key per (seed, process, entity), counters that never collide, bounds. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { declareDraws } from '../../src/core/draws.js';
import { keyedBitsFrom } from '../../src/core/rng.js';

const SPECS = {
  leave: { entity: 'person', slots: 1 },
  choose: { entity: 'person', slots: 3 },
  pick: { entity: 'hub', slots: 2 },
  traits: { entity: 'person', slots: 4, when: 'once' },
} as const;

describe('declareDraws', () => {
  it('gives each process its own key, derived from (seed, name, entity)', () => {
    const d = declareDraws(1, SPECS, 100);
    const keys = Object.values(d).map((p) => p.key);
    expect(new Set(keys).size).toBe(keys.length);
    expect(declareDraws(1, SPECS, 100).choose.key).toBe(d.choose.key);
    expect(declareDraws(2, SPECS, 100).choose.key).not.toBe(d.choose.key);
    // The same process name for another entity type is another key.
    expect(declareDraws(1, { choose: { entity: 'hub', slots: 3 } }, 100).choose.key).not.toBe(d.choose.key);
  });

  it('is a pure function of (entity, tick, slot): the same whatever is drawn in between', () => {
    const d = declareDraws(5, SPECS, 100);
    const a = d.choose.u(17, 3, 2);
    for (let i = 0; i < 500; i++) d.choose.u(i, 3, 1);
    expect(d.choose.u(17, 3, 2)).toBe(a);
    expect(d.choose.u(17, 4, 2)).not.toBe(a);
    expect(d.choose.u(17, 3, 1)).not.toBe(a);
  });

  it('refuses a slot out of range, and the wrong kind of call', () => {
    const d = declareDraws(1, SPECS, 100);
    expect(() => d.choose.u(0, 0, 3)).toThrow('draw process "choose": slot 3 outside 0..2');
    expect(() => d.choose.u(0, 0, -1)).toThrow('slot -1 outside 0..2');
    expect(() => d.traits.once(0, 4)).toThrow('draw process "traits": slot 4 outside 0..3');
    expect(() => d.traits.u(0, 0)).toThrow('draws once per person: use once()');
    expect(() => d.leave.once(0)).toThrow('draws every tick: use u()');
  });

  it('refuses declarations whose counters would overflow or that draw nothing', () => {
    expect(() => declareDraws(1, { big: { entity: 'x', slots: 1 << 20 } }, 1 << 13)).toThrow('exceed 2^32 counters');
    expect(() => declareDraws(1, { none: { entity: 'x', slots: 0 } }, 10)).toThrow('slots must be a whole number >= 1');
  });

  it('never lets two (tick, slot) pairs of a process share a counter (property)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 64 }), fc.nat(5000), fc.nat(63), fc.nat(5000), fc.nat(63), (slots, t1, s1, t2, s2) => {
        fc.pre(s1 < slots && s2 < slots && (t1 !== t2 || s1 !== s2));
        return t1 * slots + s1 !== t2 * slots + s2;
      }),
    );
    // And the draws themselves differ: 60 ticks × 3 slots of one entity give 180 distinct numbers.
    const d = declareDraws(9, SPECS, 100);
    const seen = new Set<number>();
    for (let t = 0; t < 60; t++) for (let s = 0; s < 3; s++) seen.add(d.choose.u(42, t, s));
    expect(seen.size).toBe(180);
  });

  it('draws uniformly: chi-square over 20 bins for random (entity, tick, slot) addresses (property)', () => {
    const d = declareDraws(3, SPECS, 1000);
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 1_000_000 }), fc.integer({ min: 0, max: 900 }), (firstId, tick) => {
        const bins = new Array(20).fill(0);
        const n = 4000;
        for (let i = 0; i < n; i++) bins[Math.floor(d.choose.u(firstId + i, tick, i % 3) * 20)]++;
        const chi = bins.reduce((s, b) => s + (b - n / 20) ** 2 / (n / 20), 0);
        // 19 degrees of freedom: 43.8 is the 0.1% critical value.
        return chi < 43.8;
      }),
      { numRuns: 40, seed: 42 },
    );
  });

  it("entityHalves keeps each entity's half of the hash as ids are added: finished with the term, the same draw as u()", () => {
    const d = declareDraws(9, SPECS, 600);
    // Grown in uneven steps, as a population is; every half must still match a fresh draw.
    for (const count of [1, 3, 1000, 1025, 5000]) {
      const halves = d.choose.entityHalves(count);
      expect(halves.length).toBeGreaterThanOrEqual(count);
      for (let id = 0; id < count; id += 7)
        for (const [tick, slot] of [[0, 0], [41, 2], [599, 1]] as const) {
          expect(keyedBitsFrom(halves[id]!, d.choose.term(tick, slot)) / 2 ** 32).toBe(d.choose.u(id, tick, slot));
        }
    }
    // A smaller count later hands back the same kept halves.
    expect(d.choose.entityHalves(10)[9]).toBe(d.choose.entityHalves(5000)[9]);
  });
});
