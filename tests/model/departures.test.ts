/** Rules of departures.ts: the utilities of the three channels, the choice among them, and the far-origin inflow. */
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { Channel, Docs, NO_ID, Status } from '../../src/model/codes.js';
import { channelUtilities, chooseChannel, farInflow } from '../../src/model/departures.js';
import { CrossingKind } from '../../src/model/geography.js';
import { geometricWeeks, type World } from '../../src/model/state.js';
import { weeksLeft } from '../../src/model/transitions.js';
import type { Scenario } from '../../src/scenario/load.js';
import { firstWeek, scenarioWith, weekCounts } from './helpers.js';

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

let scenario: Scenario;
beforeAll(async () => {
  scenario = await scenarioWith((d) => void (d.spinUpWeeks = 0));
});
const atHome = (w: World) => Array.from({ length: w.agents.migrants.count }, (_, id) => id).filter((id) => w.agents.migrants.cols.status[id] === Status.home);
const list = (l: World['queues']['seekers']) => Array.from(l.ids.subarray(0, l.length));

describe('farInflow', () => {
  it('brings inflowPerYear / 52 / scale new agents a week to each far origin, rounded by the origin’s draw, set on leaving', () => {
    const w = firstWeek(scenario, { seed: 2 });
    const origins = w.fixed.input.origins;
    const sulsel = origins.findIndex((o) => o.id === 'south_sulawesi');
    const ntt = origins.findIndex((o) => o.id === 'east_nusa_tenggara');
    const java = origins.findIndex((o) => o.id === 'java');
    Object.assign(origins[sulsel]!, { inflowPerYear: 52 * 1000 * 2.5 }); // 2.5 agents a week
    Object.assign(origins[ntt]!, { inflowPerYear: 52 * 1000 * 4 }); // 4 a week
    Object.assign(origins[java]!, { inflowPerYear: 0 });
    // A near origin with an inflow is not a far origin: no one arrives there.
    Object.assign(origins[0]!, { inflowPerYear: 52 * 1000 * 10 });
    const first = w.agents.migrants.count;
    const k = 2 + (w.fixed.draws.inflow.u(sulsel, 0) < 0.5 ? 1 : 0);
    farInflow(w);
    const added = Array.from({ length: w.agents.migrants.count - first }, (_, i) => first + i);
    expect(added.map((id) => w.agents.migrants.cols.origin[id])).toEqual([...Array(k).fill(sulsel), ...Array(4).fill(ntt)]);
    expect(list(w.queues.departing)).toEqual(added);
    for (const id of added) {
      expect(w.agents.migrants.cols.status[id]).toBe(Status.home);
      expect(w.agents.migrants.cols.broker[id]).toBe(NO_ID);
    }
    expect(weekCounts(w)('arrivals_far')).toBe(k + 4);
  });

  it('responds to the push and pull: the inflow is scaled by the base hazard of the week against the first week’s', () => {
    const at = (factor: number, ref = true) => {
      const w = firstWeek(scenario, { seed: 2 });
      const oi = w.fixed.input.origins.findIndex((o) => o.id === 'east_nusa_tenggara');
      Object.assign(w.fixed.input.origins[oi]!, { inflowPerYear: 52 * 1000 * 4 });
      w.week.baseHazard[oi] = w.week.refHazard[oi]! * factor;
      if (!ref) w.week.refHazard[oi] = 0;
      farInflow(w);
      return w.agents.migrants.cols.origin.subarray(0, w.agents.migrants.count).filter((o) => o === oi).length;
    };
    const before = at(1);
    expect(at(1.5) - before).toBe(2); // 6 a week instead of 4
    expect(at(0.5) - before).toBe(-2);
    expect(at(0) - before).toBe(-4);
    expect(at(3, false) - before).toBe(0); // no reference hazard: no response
  });
});

/**
 * chooseChannel as MODEL.md states it: a multinomial logit over the channels' utilities (the
 * informal risk residents see is their belief averaged over the informal crossings); procedural
 * placement is open to a person only by the draw in slot 2 during a hiring freeze; the draw in
 * slot 0 picks the channel.
 */
function channelReference(w: World, id: number): number {
  const m = w.agents.migrants.cols;
  const wk = w.week;
  const informal = Array.from(w.fixed.geo.crossingKind.keys()).filter((c) => w.fixed.geo.crossingKind[c] === CrossingKind.informal);
  const risk = informal.reduce((s, c) => s + w.beliefs.community[c]!, 0) / informal.length;
  const o = m.origin[id]!;
  const wealth = Math.max(0.05, m.wealth[id]!) * wk.originWageIdr[o]!;
  const a = Math.min(1, m.awareness[id]! + wk.awarenessBoost);
  const share = w.fixed.input.hubs[w.fixed.geo.originHub[o]!]!.traffickerShare;
  const [uP, uB, uK] = channelUtilities(w.fixed.p, wk, wealth, a, share, m.kin[id] === 1, risk);
  const top = Math.max(uP, uB, uK);
  const open = wk.proceduralOpen >= 1 || w.fixed.draws.channel.u(id, wk.index, 2) < wk.proceduralOpen;
  const e = [open ? Math.exp(uP - top) : 0, Math.exp(uB - top), m.kin[id] === 1 ? Math.exp(uK - top) : 0];
  const x = w.fixed.draws.channel.u(id, wk.index, 0) * (e[0]! + e[1]! + e[2]!);
  return x < e[0]! ? Channel.procedural : x < e[0]! + e[1]! ? Channel.broker : Channel.kin;
}

describe('chooseChannel', () => {
  it('gives each person leaving the channel the logit and their draws pick, and hands them on: procedural waits, broker seekers, kin ready', () => {
    const w = firstWeek(scenario, { seed: 2 });
    const m = w.agents.migrants.cols;
    // A hiring freeze closes procedural placement to half; residents believe the informal crossings risky; awareness campaigns.
    w.week.proceduralOpen = 0.5;
    w.week.awarenessBoost = 0.1;
    w.fixed.geo.crossingKind.forEach((k, c) => (w.beliefs.community[c] = k === CrossingKind.informal ? 0.05 * (c % 5) : 0.9));
    const far = w.fixed.input.origins.findIndex((o) => o.id === 'java');
    Object.assign(w.fixed.input.origins[far]!, { inflowPerYear: 52 * 1000 * 30 });
    farInflow(w); // 30 far-origin arrivals, already in the queue
    const farcomers = list(w.queues.departing);
    const residents = atHome(w).filter((id) => !farcomers.includes(id)).slice(0, 400);
    residents.forEach((id, i) => {
      m.wealth[id] = [0.01, 0.5, 3, 12][i % 4]!; // the poorest at the floor of 0.05 months
      m.deceived[id] = 1;
      m.broker[id] = 7;
      w.queues.departing.push(id);
    });
    const ids = [...farcomers, ...residents];
    const expected = ids.map((id) => channelReference(w, id));
    chooseChannel(w);
    expect(ids.map((id) => m.channel[id])).toEqual(expected);
    const by = (c: number) => ids.filter((_, k) => expected[k] === c);
    expect(list(w.queues.seekers)).toEqual(by(Channel.broker));
    expect(list(w.queues.ready)).toEqual(by(Channel.kin));
    for (const id of ids) {
      expect([m.status[id], m.start[id], m.startNode[id], m.deceived[id], m.broker[id]]).toEqual([Status.preparing, 0, m.origin[id], 0, NO_ID]);
    }
    for (const id of by(Channel.procedural)) {
      expect(m.docs[id]).toBe(Docs.passport);
      expect(weeksLeft(w, id)).toBe(geometricWeeks(w.week.proceduralWaitWeeks, w.fixed.draws.channel.u(id, 0, 1)));
    }
    const n = weekCounts(w);
    const isFar = (id: number) => w.fixed.input.origins[m.origin[id]!]!.far;
    expect(n('departures')).toBe(ids.length);
    expect(n('departures_far')).toBe(farcomers.length);
    expect([n('channel_procedural'), n('channel_kin')]).toEqual([by(Channel.procedural).length, by(Channel.kin).length]);
    expect([n('channel_procedural_far'), n('channel_kin_far')]).toEqual([by(Channel.procedural).filter(isFar).length, by(Channel.kin).filter(isFar).length]);
    expect(n('channel_broker')).toBe(0); // counted when a broker takes them on (recruitment)
    // Every channel was chosen, far and near.
    for (const c of [Channel.procedural, Channel.broker, Channel.kin]) expect(by(c).length).toBeGreaterThan(10);
    expect(by(Channel.procedural).filter(isFar).length).toBeGreaterThan(0);
    expect(w.queues.departing.length).toBe(0);
  });

  it('closes procedural placement to everyone in a full freeze, and kin to those without kin across', () => {
    const w = firstWeek(scenario, { seed: 2 });
    const m = w.agents.migrants.cols;
    w.week.proceduralOpen = 0;
    const ids = atHome(w).slice(0, 300);
    for (const id of ids) w.queues.departing.push(id);
    chooseChannel(w);
    expect(ids.filter((id) => m.channel[id] === Channel.procedural)).toEqual([]);
    expect(ids.filter((id) => m.kin[id] === 0 && m.channel[id] === Channel.kin)).toEqual([]);
    expect(ids.filter((id) => m.kin[id] === 1 && m.channel[id] === Channel.kin).length).toBeGreaterThan(0);
  });
});
