/**
 * The draw-addressing API (src/core/draws.ts) through its own code: one key per (seed, process,
 * entity), counters tick · slots + slot that never collide, slots and kinds of call checked, the
 * below() scan and the kept halves agreeing with u(). Each test calls declareDraws and the
 * processes it makes, so each fails if the code changes.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { declareDraws } from '../../src/core/draws.js';
import { keyedBits, keyedBitsFrom, keyedUniform, streamKey, tickTerm } from '../../src/core/rng.js';

const SPECS = {
  leave: { entity: 'person', slots: 1 },
  choose: { entity: 'person', slots: 3 },
  pick: { entity: 'hub', slots: 2 },
  traits: { entity: 'person', slots: 4, when: 'once' },
} as const;

describe('declareDraws: keys', () => {
  it('derives each process’s key from (seed, name, entity): streamKey(seed, "name:entity")', () => {
    const d = declareDraws(1, SPECS, 100);
    expect(d.choose.key).toBe(streamKey(1, 'choose:person'));
    expect(d.pick.key).toBe(streamKey(1, 'pick:hub'));
    expect(d.traits.key).toBe(streamKey(1, 'traits:person'));
    expect(Number.isInteger(d.choose.key)).toBe(true);
  });

  it('gives every process its own key, the same in every declaration with that seed, another with another seed', () => {
    const d = declareDraws(1, SPECS, 100);
    const keys = Object.values(d).map((p) => p.key);
    expect(new Set(keys).size).toBe(keys.length);
    expect(Object.values(declareDraws(1, SPECS, 100)).map((p) => p.key)).toEqual(keys);
    const other = Object.values(declareDraws(2, SPECS, 100)).map((p) => p.key);
    for (let i = 0; i < keys.length; i++) expect(other[i]).not.toBe(keys[i]);
    // The same process name for another entity type is another key.
    expect(declareDraws(1, { choose: { entity: 'hub', slots: 3 } }, 100).choose.key).not.toBe(d.choose.key);
  });

  it('keys a process by itself alone: declaring other processes, or more ticks, changes none of its draws', () => {
    const all = declareDraws(3, SPECS, 100);
    const alone = declareDraws(3, { choose: SPECS.choose }, 5000);
    expect(alone.choose.key).toBe(all.choose.key);
    for (const [id, t, s] of [[0, 0, 0], [17, 42, 2], [999, 99, 1]] as const) expect(alone.choose.u(id, t, s)).toBe(all.choose.u(id, t, s));
  });

  it('names each process and records its entity, slots and kind', () => {
    const d = declareDraws(1, SPECS, 100);
    expect([d.choose.name, d.choose.entity, d.choose.slots, d.choose.perTick]).toEqual(['choose', 'person', 3, true]);
    expect([d.traits.name, d.traits.entity, d.traits.slots, d.traits.perTick]).toEqual(['traits', 'person', 4, false]);
    // `when` left out means every tick.
    expect(d.leave.perTick).toBe(true);
  });
});

describe('DrawProcess.u and term: the same (seed, process, id, tick, slot), the same number', () => {
  it('is keyedUniform(key, id, tick · slots + slot)', () => {
    const d = declareDraws(5, SPECS, 1000);
    fc.assert(
      fc.property(fc.nat(1_000_000), fc.nat(999), fc.nat(2), (id, tick, slot) => {
        expect(d.choose.u(id, tick, slot)).toBe(keyedUniform(d.choose.key, id, tick * 3 + slot));
        expect(d.pick.u(id, tick, slot % 2)).toBe(keyedUniform(d.pick.key, id, tick * 2 + (slot % 2)));
      }),
      { numRuns: 300 },
    );
    // The slot defaults to 0.
    expect(d.choose.u(8, 9)).toBe(d.choose.u(8, 9, 0));
  });

  it('gives the same number in two declarations with the same seed, whatever is drawn in between', () => {
    const a = declareDraws(11, SPECS, 1000);
    const first = a.choose.u(17, 3, 2);
    for (let i = 0; i < 500; i++) a.choose.u(i, 3, 1);
    expect(a.choose.u(17, 3, 2)).toBe(first);
    const b = declareDraws(11, SPECS, 1000);
    fc.assert(
      fc.property(fc.nat(100_000), fc.nat(999), fc.nat(2), (id, tick, slot) => {
        expect(b.choose.u(id, tick, slot)).toBe(a.choose.u(id, tick, slot));
        expect(b.traits.once(id, slot)).toBe(a.traits.once(id, slot));
      }),
      { numRuns: 200 },
    );
  });

  it('changes with the seed, the process, the id, the tick and the slot', () => {
    const a = declareDraws(11, SPECS, 1000);
    const b = declareDraws(12, SPECS, 1000);
    const base = a.choose.u(17, 3, 2);
    const others = [b.choose.u(17, 3, 2), a.leave.u(17, 3, 0), a.choose.u(18, 3, 2), a.choose.u(17, 4, 2), a.choose.u(17, 3, 1)];
    for (const x of others) expect(x).not.toBe(base);
    // Not merely a few: over many addresses another seed changes every draw.
    let same = 0;
    for (let id = 0; id < 2000; id++) if (a.choose.u(id, id % 50, id % 3) === b.choose.u(id, id % 50, id % 3)) same++;
    expect(same).toBe(0);
  });

  it('never gives two (tick, slot) pairs of a process the same draw: no counter is shared (property)', () => {
    const d = declareDraws(9, { wide: { entity: 'x', slots: 64 } }, 6000);
    fc.assert(
      fc.property(fc.nat(5000), fc.nat(63), fc.nat(5000), fc.nat(63), fc.nat(10_000), (t1, s1, t2, s2, id) => {
        fc.pre(t1 !== t2 || s1 !== s2);
        expect(d.wide.u(id, t1, s1)).not.toBe(d.wide.u(id, t2, s2));
      }),
      { numRuns: 500 },
    );
    // The boundary between ticks: the last slot of one tick and the first of the next are neighbours, not the same.
    const c = declareDraws(9, SPECS, 100);
    const seen = new Set<number>();
    for (let t = 0; t < 60; t++) for (let s = 0; s < 3; s++) seen.add(c.choose.u(42, t, s));
    expect(seen.size).toBe(180);
    expect(c.choose.u(42, 1, 0)).toBe(keyedUniform(c.choose.key, 42, 3));
  });

  it('term(tick, slot) is the counter’s share of the draw: keyedBits(key, id, term) / 2^32 is u()', () => {
    const d = declareDraws(4, SPECS, 1000);
    for (const [tick, slot] of [[0, 0], [0, 2], [1, 0], [517, 1], [999, 2]] as const) {
      const term = d.choose.term(tick, slot);
      expect(term).toBe(tickTerm(tick * 3 + slot));
      for (const id of [0, 1, 77, 123_456]) expect(keyedBits(d.choose.key, id, term) / 2 ** 32).toBe(d.choose.u(id, tick, slot));
    }
    expect(d.choose.term(5)).toBe(d.choose.term(5, 0));
  });
});

describe('DrawProcess.once: fixed numbers for an entity’s life', () => {
  it('is keyedUniform(key, id, slot): no tick in the address', () => {
    const d = declareDraws(6, SPECS, 100);
    for (const id of [0, 5, 40_000]) for (let s = 0; s < 4; s++) expect(d.traits.once(id, s)).toBe(keyedUniform(d.traits.key, id, s));
    expect(d.traits.once(3)).toBe(d.traits.once(3, 0));
    // The slots of one entity differ, and so do entities.
    expect(new Set([0, 1, 2, 3].map((s) => d.traits.once(3, s))).size).toBe(4);
    expect(d.traits.once(4, 0)).not.toBe(d.traits.once(3, 0));
  });

  it('is refused on a tick process, and u() and term() are refused on a once process', () => {
    const d = declareDraws(1, SPECS, 100);
    expect(() => d.leave.once(0)).toThrow('draw process "leave" draws every tick: use u()');
    expect(() => d.traits.u(0, 0)).toThrow('draw process "traits" draws once per person: use once()');
    expect(() => d.traits.term(0)).toThrow('draws once per person: use once()');
  });
});

describe('slots and counters out of range', () => {
  it('refuses a slot outside 0..slots−1 in u, term and once (RangeError), and takes the last one', () => {
    const d = declareDraws(1, SPECS, 100);
    expect(() => d.choose.u(0, 0, 3)).toThrow(RangeError);
    expect(() => d.choose.u(0, 0, 3)).toThrow('draw process "choose": slot 3 outside 0..2');
    expect(() => d.choose.u(0, 0, -1)).toThrow('slot -1 outside 0..2');
    expect(() => d.choose.term(0, 3)).toThrow(RangeError);
    expect(() => d.choose.term(0, -1)).toThrow(RangeError);
    expect(() => d.traits.once(0, 4)).toThrow('draw process "traits": slot 4 outside 0..3');
    expect(() => d.traits.once(0, -1)).toThrow(RangeError);
    expect(() => d.leave.u(0, 0, 1)).toThrow('slot 1 outside 0..0');
    expect(d.choose.u(0, 0, 2)).toBeGreaterThanOrEqual(0);
    expect(d.choose.term(0, 2)).toBe(tickTerm(2));
    expect(d.traits.once(0, 3)).toBeLessThan(1);
  });

  it('refuses tick processes whose counters would pass 2^32, up to exactly 2^32; once processes have no such bound', () => {
    expect(() => declareDraws(1, { big: { entity: 'x', slots: 2 ** 20 } }, 2 ** 12)).not.toThrow();
    expect(() => declareDraws(1, { big: { entity: 'x', slots: 2 ** 20 } }, 2 ** 12 + 1)).toThrow('draw process "big": 4097 ticks × 1048576 slots exceed 2^32 counters');
    expect(() => declareDraws(1, { big: { entity: 'x', slots: 2 ** 20, when: 'once' } }, 2 ** 13)).not.toThrow();
  });

  it('refuses slots that are not a whole number of at least 1', () => {
    expect(() => declareDraws(1, { none: { entity: 'x', slots: 0 } }, 10)).toThrow('draw process "none": slots must be a whole number >= 1, got 0');
    expect(() => declareDraws(1, { half: { entity: 'x', slots: 1.5 } }, 10)).toThrow('slots must be a whole number >= 1, got 1.5');
    expect(() => declareDraws(1, { neg: { entity: 'x', slots: -2 } }, 10)).toThrow('got -2');
  });
});

describe('DrawProcess.below and entityHalves: every entity’s draw at once', () => {
  it('below(count, term, limit) is exactly the ids whose keyedBits are under the limit, ascending (property)', () => {
    const d = declareDraws(13, SPECS, 1000);
    fc.assert(
      fc.property(fc.nat(3000), fc.nat(999), fc.nat(2), fc.oneof(fc.double({ min: 0, max: 2 ** 32, noNaN: true }), fc.constantFrom(0, 1, 2 ** 31, 2 ** 32)), (count, tick, slot, limit) => {
        const term = d.choose.term(tick, slot);
        const want = Array.from({ length: count }, (_, id) => id).filter((id) => keyedBits(d.choose.key, id, term) < limit);
        const got = Array.from(d.choose.below(count, term, limit));
        expect(got).toEqual(want);
        // The same as comparing u() with the limit as a probability.
        expect(got).toEqual(want.filter((id) => d.choose.u(id, tick, slot) < limit / 2 ** 32));
      }),
      { numRuns: 150 },
    );
  });

  it('below takes no one at limit 0, everyone at 2^32, and about the share limit / 2^32', () => {
    const d = declareDraws(13, SPECS, 1000);
    const term = d.leave.term(7);
    expect(d.leave.below(500, term, 0).length).toBe(0);
    expect(Array.from(d.leave.below(500, term, 2 ** 32))).toEqual(Array.from({ length: 500 }, (_, i) => i));
    const tenth = d.leave.below(20_000, term, 0.1 * 2 ** 32).length;
    expect(tenth).toBeGreaterThan(1800);
    expect(tenth).toBeLessThan(2200);
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

  it('keeps halves per process: two processes of one declaration never share them', () => {
    const d = declareDraws(9, SPECS, 600);
    const a = Array.from(d.choose.entityHalves(100).subarray(0, 100));
    const b = Array.from(d.leave.entityHalves(100).subarray(0, 100));
    expect(a.filter((x, i) => x === b[i]).length).toBe(0);
    expect(Array.from(d.leave.below(100, d.leave.term(3), 2 ** 31))).toEqual(Array.from({ length: 100 }, (_, id) => id).filter((id) => d.leave.u(id, 3) < 0.5));
  });
});

describe('draws are uniform', () => {
  it('chi-square over 20 bins for random (entity, tick, slot) addresses (property)', () => {
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
});
