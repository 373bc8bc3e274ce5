/** Rules of departures.ts: the utilities of the three channels. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { channelUtilities } from '../../src/model/departures.js';
import type { World } from '../../src/model/state.js';

const p = {
  costWeight: 1,
  waitWeight: 0.1,
  awarenessBonus: 4,
  brokerFeeIdr: 1_000_000,
  brokerWaitWeeks: 2,
  brokerOfferBonus: 0.3,
  deceptionInflation: 1.5,
  kinCostIdr: 500_000,
  kinBonus: 1,
  riskWeight: 2,
} as unknown as World['fixed']['p'];
const c = { proceduralCostIdr: 6_000_000, proceduralWaitWeeks: 12 };

describe('channelUtilities', () => {
  it('gives exact utilities on a hand-computed case', () => {
    // wealth 10M, awareness 0.5, trafficker share 0.4, kin across, informal risk 0.1
    const [proc, broker, kin] = channelUtilities(p, c, 10_000_000, 0.5, 0.4, true, 0.1);
    expect(proc).toBeCloseTo(-0.6 - 1.2 + 2, 12);
    expect(broker).toBeCloseTo(-0.1 - 0.2 + 0.3 + 1.5 * 0.5 * 0.4, 12);
    expect(kin).toBeCloseTo(-0.05 + 1 - 0.2, 12);
  });

  it('gives kin −Infinity without kin across, and leaves the others as they are', () => {
    const withKin = channelUtilities(p, c, 5e6, 0.3, 0.3, true, 0.2);
    const without = channelUtilities(p, c, 5e6, 0.3, 0.3, false, 0.2);
    expect(without[2]).toBe(-Infinity);
    expect(Number.isFinite(withKin[2])).toBe(true);
    expect(without.slice(0, 2)).toEqual(withKin.slice(0, 2));
  });

  it('awareness raises the procedural utility and lowers the broker’s (a deceptive offer looks worse)', () => {
    fc.assert(
      fc.property(fc.double({ min: 0, max: 0.9, noNaN: true }), fc.double({ min: 0.01, max: 0.1, noNaN: true }), fc.double({ min: 0.01, max: 1, noNaN: true }), (a, d, t) => {
        const lo = channelUtilities(p, c, 5e6, a, t, true, 0.1);
        const hi = channelUtilities(p, c, 5e6, a + d, t, true, 0.1);
        expect(hi[0]).toBeGreaterThan(lo[0]);
        expect(hi[1]).toBeLessThan(lo[1]);
        expect(hi[2]).toBe(lo[2]);
      }),
    );
  });

  it('a cheaper or faster procedure raises its utility and nothing else', () => {
    const base = channelUtilities(p, c, 5e6, 0.3, 0.3, true, 0.1);
    const cheaper = channelUtilities(p, { ...c, proceduralCostIdr: 3_000_000 }, 5e6, 0.3, 0.3, true, 0.1);
    const faster = channelUtilities(p, { ...c, proceduralWaitWeeks: 6 }, 5e6, 0.3, 0.3, true, 0.1);
    expect(cheaper[0]).toBeCloseTo(base[0] + 3_000_000 / 5e6, 12);
    expect(faster[0]).toBeCloseTo(base[0] + 0.6, 12);
    expect(cheaper.slice(1)).toEqual(base.slice(1));
    expect(faster.slice(1)).toEqual(base.slice(1));
  });

  it('perceived informal risk lowers only the kin channel; a trafficker-heavy hub raises the broker offer for the unaware', () => {
    const base = channelUtilities(p, c, 5e6, 0.3, 0.3, true, 0.1);
    const risky = channelUtilities(p, c, 5e6, 0.3, 0.3, true, 0.6);
    expect(risky[2]).toBeCloseTo(base[2] - 1, 12);
    expect(risky.slice(0, 2)).toEqual(base.slice(0, 2));
    const traffickers = channelUtilities(p, c, 5e6, 0.3, 0.8, true, 0.1);
    expect(traffickers[1]).toBeGreaterThan(base[1]);
    // Fully aware: the deception no longer inflates the offer.
    expect(channelUtilities(p, c, 5e6, 1, 0.8, true, 0.1)[1]).toBe(channelUtilities(p, c, 5e6, 1, 0.1, true, 0.1)[1]);
  });

  it('more wealth makes every cost weigh less', () => {
    const poor = channelUtilities(p, c, 2e6, 0.3, 0.3, true, 0.1);
    const rich = channelUtilities(p, c, 2e7, 0.3, 0.3, true, 0.1);
    for (let k = 0; k < 3; k++) expect(rich[k]).toBeGreaterThan(poor[k]!);
  });
});
