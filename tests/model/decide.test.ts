import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { IdList } from '../../src/core/idlist.js';
import { KeptHalves } from '../../src/core/below.js';
import { keyedBits, keyedUniform, tickTerm } from '../../src/core/rng.js';
import { Status } from '../../src/model/codes.js';
import { departureBound, homeDecisions } from '../../src/model/decide.js';

/** The rule as MODEL.md states it: a resident at home leaves when u(id, week) < min(cap, base hazard of the origin · own factor). */
const reference = (status: Uint8Array, origin: Uint8Array, hf: Float32Array, bh: Float64Array, cap: number, key: number, week: number) =>
  Array.from(status.keys()).filter((id) => status[id] === Status.home && keyedUniform(key, id, week) < Math.min(cap, bh[origin[id]!]! * hf[id]!));

/** The ids whose week's draw is below `bound` (32-bit units), as the sweep finds them. */
const candidates = (key: number, n: number, week: number, bound: number) => new KeptHalves(key).below(n, tickTerm(week), bound);

describe('homeDecisions (the departure draw of the weekly sweep)', () => {
  it('pushes, in id order, exactly the residents at home whose keyed draw falls under their capped hazard', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 400 }),
        fc.integer({ min: 0, max: 2 ** 31 - 1 }),
        fc.integer({ min: 0, max: 600 }),
        fc.double({ min: 0.01, max: 1, noNaN: true }),
        (n, key, week, cap) => {
          const status = Uint8Array.from({ length: n }, (_, i) => (keyedUniform(7, i, week) < 0.7 ? Status.home : Status.workingRegular));
          const origin = Uint8Array.from({ length: n }, (_, i) => i % 5);
          const hf = Float32Array.from({ length: n }, (_, i) => 0.5 + (i % 9) / 3);
          const bh = Float64Array.from({ length: 5 }, (_, o) => 0.05 * (o + 1));
          const out = new IdList(4);
          homeDecisions(candidates(key, n, week, departureBound(cap, bh, Math.max(...hf))), status, origin, hf, bh, cap, key, tickTerm(week), out);
          expect(Array.from(out.ids.subarray(0, out.length))).toEqual(reference(status, origin, hf, bh, cap, key, week));
        },
      ),
      { numRuns: 200 },
    );
  });

  it('the cap binds: with every hazard above it, the share leaving is the cap', () => {
    const n = 20_000;
    const out = new IdList();
    homeDecisions(candidates(99, n, 3, departureBound(0.1, Float64Array.of(1), 10)), new Uint8Array(n), new Uint8Array(n), new Float32Array(n).fill(10), Float64Array.of(1), 0.1, 99, tickTerm(3), out);
    expect(out.length / n).toBeGreaterThan(0.09);
    expect(out.length / n).toBeLessThan(0.11);
  });

  it('the bound is what the rule needs: one below the largest hazard loses exactly the residents whose draw lies between', () => {
    const n = 50_000;
    const origin = Uint8Array.from({ length: n }, (_, i) => i % 3);
    const hf = Float32Array.from({ length: n }, (_, i) => 1 + (i % 4) / 2);
    const bh = Float64Array.of(0.01, 0.02, 0.04);
    const run = (bound: number) => {
      const out = new IdList();
      homeDecisions(candidates(5, n, 9, bound), new Uint8Array(n), origin, hf, bh, 1, 5, tickTerm(9), out);
      return Array.from(out.ids.subarray(0, out.length));
    };
    const exact = run(departureBound(1, bh, 2.5));
    expect(departureBound(1, bh, 2.5)).toBe(0.1 * 4294967296);
    expect(run(Infinity)).toEqual(exact);
    // A bound under the top hazard (origin 2, factor 2.5) drops some of those departures: the bound must be the largest.
    expect(run(0.05 * 4294967296).length).toBeLessThan(exact.length);
    const low = 0.05 * 4294967296;
    expect(run(low)).toEqual(exact.filter((id) => keyedBits(5, id, tickTerm(9)) < low));
    expect(departureBound(0.03, bh, 2.5)).toBe(0.03 * 4294967296);
  });
});
