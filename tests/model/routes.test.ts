/** Rules of routes.ts: the route weight, route choice, and the networks' belief update. */
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { Channel, Docs, NO_ID, Status } from '../../src/model/codes.js';
import { CrossingKind, type Path } from '../../src/model/geography.js';
import type { Params } from '../../src/model/parameters.js';
import { chooseRoutes, learnRoutes, routeWeight, updateBelief } from '../../src/model/routes.js';
import { geometricWeeks, type World } from '../../src/model/state.js';
import { move, weeksLeft } from '../../src/model/transitions.js';
import type { Scenario } from '../../src/scenario/load.js';
import { firstWeek, scenarioWith } from './helpers.js';

const p = { routeDistanceOffset: 10, routeDistancePower: 1, routeRiskWeight: 2, routeCostWeight: 0.5 } as unknown as Params;
const path = (km: number, costIdr = 0): Path => ({ crossing: 0, destination: 0, km, hours: 1, costIdr });

describe('routeWeight', () => {
  it('is demand / (s + km)^p · exp(−λ·risk − w·cost/1e6) on hand-computed cases', () => {
    // 100 / (10 + 90) · exp(−2·0.5 − 0.5·2) = e^−2
    expect(routeWeight(p, 100, path(90, 2_000_000), 0.5)).toBeCloseTo(Math.exp(-2), 12);
    expect(routeWeight(p, 30, path(20), 0)).toBeCloseTo(1, 12);
    const p2 = { routeDistanceOffset: 0, routeDistancePower: 2, routeRiskWeight: 0, routeCostWeight: 0 } as unknown as Params;
    expect(routeWeight(p2, 50, path(5, 9e9), 1)).toBeCloseTo(2, 12);
  });

  it('is 0 without demand and proportional to demand', () => {
    expect(routeWeight(p, 0, path(50), 0.2)).toBe(0);
    expect(routeWeight(p, 30, path(50), 0.2)).toBeCloseTo(3 * routeWeight(p, 10, path(50), 0.2), 12);
  });

  it('falls with distance, risk and cost and rises with demand', () => {
    const nn = (max: number) => fc.double({ min: 0, max, noNaN: true });
    fc.assert(
      fc.property(nn(1000), nn(2000), nn(1), nn(1e7), fc.double({ min: 0.01, max: 100, noNaN: true }), (demand, km, risk, cost, d) => {
        const x = routeWeight(p, demand, path(km, cost), risk);
        expect(x).toBeGreaterThanOrEqual(0);
        expect(routeWeight(p, demand, path(km + d, cost), risk)).toBeLessThanOrEqual(x);
        expect(routeWeight(p, demand, path(km, cost), risk + d)).toBeLessThanOrEqual(x);
        expect(routeWeight(p, demand, path(km, cost + d * 1e5), risk)).toBeLessThanOrEqual(x);
        expect(routeWeight(p, demand + d, path(km, cost), risk)).toBeGreaterThanOrEqual(x);
      }),
    );
    expect(routeWeight(p, 10, path(100), 0)).toBeGreaterThan(routeWeight(p, 10, path(200), 0));
    expect(routeWeight(p, 10, path(100), 0)).toBeGreaterThan(routeWeight(p, 10, path(100), 0.1));
  });
});

describe('updateBelief', () => {
  it('is an exponential moving average of the interception rate', () => {
    expect(updateBelief(0.2, 10, 5, 0.5)).toBeCloseTo(0.35, 12);
    expect(updateBelief(0, 4, 1, 0.2)).toBeCloseTo(0.05, 12);
    expect(updateBelief(0.9, 3, 0, 0.1)).toBeCloseTo(0.81, 12);
  });

  it('is unchanged without attempts', () => {
    for (const b of [0, 0.3, 1]) expect(updateBelief(b, 0, 0, 0.7)).toBe(b);
  });

  it('keeps the old belief at α = 0 and takes this week’s rate at α = 1', () => {
    expect(updateBelief(0.42, 8, 2, 0)).toBe(0.42);
    expect(updateBelief(0.42, 8, 2, 1)).toBe(0.25);
  });

  it('stays between the old belief and this week’s rate', () => {
    fc.assert(
      fc.property(fc.double({ min: 0, max: 1, noNaN: true }), fc.integer({ min: 1, max: 1000 }), fc.double({ min: 0, max: 1, noNaN: true }), fc.double({ min: 0, max: 1, noNaN: true }), (b, att, share, a) => {
        const hits = Math.floor(att * share);
        const x = updateBelief(b, att, hits, a);
        const rate = hits / att;
        expect(x).toBeGreaterThanOrEqual(Math.min(b, rate) - 1e-12);
        expect(x).toBeLessThanOrEqual(Math.max(b, rate) + 1e-12);
      }),
    );
  });
});

let scenario: Scenario;
beforeAll(async () => {
  scenario = await scenarioWith((d) => void (d.spinUpWeeks = 0));
});
const atHome = (w: World) => Array.from({ length: w.agents.migrants.count }, (_, id) => id).filter((id) => w.agents.migrants.cols.status[id] === Status.home);

/**
 * Route choice as MODEL.md states it, for one traveller: the paths from where they start, each
 * weighted by routeWeight with the risk their broker's network (or, without a broker, the
 * community; at a post where the broker has a colluding contact, what tied brokers' groups met there) believes of its crossing — 0 where the crossing is closed this week or not open to
 * them (informal paths not to procedural migrants; posts and sea crossings to passports and
 * fraudulent papers; a border pass only at a post and on a kin journey; no papers only where the
 * broker has a tie) — and the route draw picks one in proportion. Null: nowhere open to them.
 */
function routeReference(w: World, id: number): Path | null {
  const m = w.agents.migrants.cols;
  const geo = w.fixed.geo;
  const C = geo.crossingIds.length;
  const paths = m.start[id] === 1 ? geo.pathsFromHub[m.startNode[id]!]! : geo.pathsFromOrigin[m.startNode[id]!]!;
  const b = m.broker[id]!;
  // A broker with a colluding contact at a post weighs it by what tied brokers' groups met there (beliefs.tied).
  const tied = (c: number) => b !== NO_ID && c < 32 && ((w.agents.brokers.cols.ties[b]! >>> c) & 1) === 1;
  const risk = (c: number) => (tied(c) ? w.beliefs.tied[c]! : b !== NO_ID ? w.beliefs.broker[w.agents.brokers.cols.hub[b]! * C + c]! : w.beliefs.community[c]!);
  const allowed = (c: number) => {
    if (geo.open[w.week.index * C + c] !== 1) return false;
    const kind = geo.crossingKind[c];
    if (kind === CrossingKind.informal) return m.channel[id] !== Channel.procedural;
    if (m.docs[id] === Docs.passport || m.docs[id] === Docs.fraudulent) return true;
    if (m.docs[id] === Docs.borderPass) return kind === CrossingKind.post && m.channel[id] === Channel.kin;
    return b !== NO_ID && ((w.agents.brokers.cols.ties[b]! >>> c) & 1) === 1;
  };
  const weights = paths.map((pa) => (allowed(pa.crossing) ? routeWeight(w.fixed.p, w.fixed.input.destinations[pa.destination]!.demand, pa, risk(pa.crossing)) : 0));
  const total = weights.reduce((a, x) => a + x, 0);
  if (total === 0) return null;
  // The first path whose cumulative weight exceeds the draw.
  const x = w.fixed.draws.route.u(id, w.week.index) * total;
  let cum = 0;
  for (let k = 0; k < paths.length; k++) {
    cum += weights[k]!;
    if (x < cum) return paths[k]!;
  }
  return paths[paths.length - 1]!;
}

describe('chooseRoutes', () => {
  it('sends each traveller along the path the reference picks (papers, channel, broker ties, closures, beliefs), or back home when none is open', () => {
    const w = firstWeek(scenario, { seed: 6 });
    const m = w.agents.migrants.cols;
    const geo = w.fixed.geo;
    const C = geo.crossingIds.length;
    const H = geo.hubIds.length;
    // Beliefs that differ by network and crossing, and one more crossing closed this week (besides Jagoi Babang, not yet open).
    for (let h = 0; h < H; h++) for (let c = 0; c < C; c++) w.beliefs.broker[h * C + c] = ((h + 2 * c) % 7) / 8;
    for (let c = 0; c < C; c++) w.beliefs.community[c] = ((3 * c) % 5) / 6;
    for (let c = 0; c < C; c++) w.beliefs.tied[c] = ((2 * c + 1) % 5) / 9;
    expect(geo.open[geo.crossingIds.indexOf('jagoi_babang')]).toBe(0);
    geo.open[geo.crossingIds.indexOf('aruk_informal')] = 0;
    const tied = 0;
    const untied = 1;
    w.agents.brokers.cols.ties[tied] = 0b1111_1111; // a contact at every official crossing
    w.agents.brokers.cols.ties[untied] = 0;
    const ids = atHome(w).filter((_, k) => k % 2 === 0); // residents of every origin
    ids.forEach((id, i) => {
      m.channel[id] = [Channel.procedural, Channel.broker, Channel.kin][i % 3]!;
      m.docs[id] = [Docs.none, Docs.passport, Docs.borderPass, Docs.fraudulent][Math.floor(i / 3) % 4]!;
      m.broker[id] = [NO_ID, tied, untied, 200][Math.floor(i / 12) % 4]!;
      if (i % 5 === 0) {
        m.start[id] = 1; // a deportee starting from a hub
        m.startNode[id] = i % H;
      }
      move(w, id, Status.preparing);
      w.queues.ready.push(id);
    });
    const expected = ids.map((id) => routeReference(w, id));
    chooseRoutes(w);
    ids.forEach((id, k) => {
      const pa = expected[k];
      if (pa) {
        expect([m.status[id], m.crossing[id], m.destination[id]]).toEqual([Status.travelling, pa.crossing, pa.destination]);
        expect(weeksLeft(w, id)).toBe(Math.max(1, Math.ceil(pa.hours / 168)));
      } else {
        expect(m.status[id]).toBe(Status.returned);
        expect(weeksLeft(w, id)).toBe(geometricWeeks(w.fixed.p.returnCooldownWeeks * w.fixed.p.turnBackCooldownShare, w.fixed.draws.cooldown.u(id, 0)));
        expect(m.broker[id]).toBe(NO_ID);
      }
    });
    // Every kind of crossing was used, the closed ones never, and some had nowhere to go.
    const used = new Set(expected.filter((pa) => pa).map((pa) => geo.crossingKind[pa!.crossing]));
    expect(used.size).toBe(3);
    expect(expected.filter((pa) => pa && (pa.crossing === geo.crossingIds.indexOf('aruk_informal') || pa.crossing === geo.crossingIds.indexOf('jagoi_babang')))).toEqual([]);
    expect(expected.filter((pa) => !pa).length).toBeGreaterThan(10);
    expect(w.queues.ready.length).toBe(0);
  });

  it('takes the travel time rounded up to whole weeks, at least one: 0.5 h and 168 h → 1 week, 169 h → 2, 400 h → 3', () => {
    const w = firstWeek(scenario, { seed: 6 });
    const m = w.agents.migrants.cols;
    const hours = [0.5, 168, 169, 400];
    for (const paths of w.fixed.geo.pathsFromOrigin) paths.forEach((pa, k) => (pa.hours = hours[k % 4]!));
    const ids = atHome(w).slice(0, 200);
    for (const id of ids) {
      m.channel[id] = Channel.kin;
      m.docs[id] = Docs.passport;
      move(w, id, Status.preparing);
      w.queues.ready.push(id);
    }
    const chosen = ids.map((id) => routeReference(w, id)!);
    chooseRoutes(w);
    expect(ids.map((id) => weeksLeft(w, id))).toEqual(chosen.map((pa) => ({ 0.5: 1, 168: 1, 169: 2, 400: 3 })[pa.hours]));
    expect(new Set(chosen.map((pa) => pa.hours)).size).toBe(4);
  });

  it('recomputes the weights when the beliefs change from one week to the next', () => {
    const w = firstWeek(scenario, { seed: 6 });
    const m = w.agents.migrants.cols;
    const C = w.fixed.geo.crossingIds.length;
    const send = (week: number) => {
      w.week.index = week;
      const ids = atHome(w).slice(0, 100);
      for (const id of ids) {
        m.channel[id] = Channel.kin;
        m.docs[id] = Docs.passport;
        move(w, id, Status.preparing);
        w.queues.ready.push(id);
      }
      const expected = ids.map((id) => routeReference(w, id)!.crossing);
      chooseRoutes(w);
      expect(ids.map((id) => m.crossing[id])).toEqual(expected);
      return expected;
    };
    const before = send(1);
    // The community now believes every crossing but the one most chosen a week ago is certain interception.
    const top = [...new Set(before)].sort((a, b) => before.filter((c) => c === b).length - before.filter((c) => c === a).length)[0]!;
    for (let c = 0; c < C; c++) w.beliefs.community[c] = c === top ? 0 : 20;
    expect(new Set(send(2))).toEqual(new Set([top]));
  });
});

describe('learnRoutes', () => {
  it('updates each network’s belief (and the community’s) from its own attempts and interceptions, records the broker flow, and starts a new week', () => {
    const w = firstWeek(scenario, { seed: 6 });
    const bl = w.beliefs;
    const C = w.fixed.geo.crossingIds.length;
    const H = w.fixed.geo.hubIds.length;
    const alpha = w.fixed.p.learningRate;
    for (let c = 0; c < C; c++) {
      for (let h = 0; h < H; h++) bl.broker[h * C + c] = 0.1 * ((h + c) % 4);
      bl.community[c] = 0.05 * (c % 3);
      for (let h = 0; h <= H; h++) {
        bl.attempts[h * C + c] = (h * 3 + c) % 5; // some zero: the belief stays
        bl.intercepts[h * C + c] = Math.min(bl.attempts[h * C + c]!, (h + c) % 3);
      }
    }
    const attempts = Float64Array.from(bl.attempts);
    const intercepts = Float64Array.from(bl.intercepts);
    const before = { broker: Float64Array.from(bl.broker), community: Float64Array.from(bl.community) };
    w.week.index = 5;
    learnRoutes(w);
    const ema = (b: number, a: number, i: number) => (a > 0 ? (1 - alpha) * b + (alpha * i) / a : b);
    for (let c = 0; c < C; c++) {
      for (let h = 0; h < H; h++) expect(bl.broker[h * C + c]).toBeCloseTo(ema(before.broker[h * C + c]!, attempts[h * C + c]!, intercepts[h * C + c]!), 12);
      expect(bl.community[c]).toBeCloseTo(ema(before.community[c]!, attempts[H * C + c]!, intercepts[H * C + c]!), 12);
      // Broker flow: the networks' attempts, not those who crossed without a broker.
      let flow = 0;
      for (let h = 0; h < H; h++) flow += attempts[h * C + c]!;
      expect(bl.brokerFlow[c]).toBe(flow);
    }
    const rows = bl.flowHistory.length / C;
    expect(Array.from(bl.flowHistory.subarray((5 % rows) * C, (5 % rows + 1) * C))).toEqual(Array.from(bl.brokerFlow));
    expect(bl.attempts.every((x) => x === 0)).toBe(true);
    expect(bl.intercepts.every((x) => x === 0)).toBe(true);
    // The update moved some beliefs and kept those without attempts.
    expect(Array.from(bl.broker)).not.toEqual(Array.from(before.broker));
    expect(bl.broker[0]).toBe(before.broker[0]); // hub 0, crossing 0: no attempts
  });
});

describe('what tied brokers learn', () => {
  it('learnRoutes moves the tied belief of each post towards the interception rate of tied groups there, and starts a new week', () => {
    const w = firstWeek(scenario, { seed: 6 });
    const bl = w.beliefs;
    const C = w.fixed.geo.crossingIds.length;
    const alpha = w.fixed.p.learningRate;
    for (let c = 0; c < C; c++) {
      bl.tied[c] = 0.5;
      bl.tiedAttempts[c] = c % 3; // some zero: the belief stays
      bl.tiedIntercepts[c] = c % 3 === 2 ? 1 : 0;
    }
    const attempts = Float64Array.from(bl.tiedAttempts);
    const intercepts = Float64Array.from(bl.tiedIntercepts);
    learnRoutes(w);
    for (let c = 0; c < C; c++) expect(bl.tied[c]).toBeCloseTo(attempts[c]! > 0 ? (1 - alpha) * 0.5 + (alpha * intercepts[c]!) / attempts[c]! : 0.5, 12);
    expect(bl.tiedAttempts.every((x) => x === 0) && bl.tiedIntercepts.every((x) => x === 0)).toBe(true);
  });

  it('a broker with a contact at a post that delivers sends more groups through it than one whose contact does not', () => {
    // Two otherwise equal worlds: the tied belief of every post low (contacts deliver) or high (they do not).
    const posts = (tiedRisk: number) => {
      const w = firstWeek(scenario, { seed: 9 });
      w.beliefs.tied.fill(tiedRisk);
      const m = w.agents.migrants.cols;
      const b = w.agents.brokers.cols;
      // Every broker tied at every official crossing (ties exist only at posts and sea crossings).
      let mask = 0;
      w.fixed.geo.crossingKind.forEach((kind, c) => {
        if (kind !== CrossingKind.informal && c < 32) mask |= 1 << c;
      });
      for (let k = 0; k < w.agents.brokers.count; k++) b.ties[k] = mask >>> 0;
      const broker = 0;
      const ids = atHome(w).slice(0, 400);
      for (const id of ids) {
        m.status[id] = Status.recruited;
        m.broker[id] = broker;
        m.channel[id] = Channel.broker;
        w.queues.ready.push(id);
      }
      chooseRoutes(w);
      return ids.filter((id) => w.fixed.geo.crossingKind[m.crossing[id]!] !== CrossingKind.informal).length;
    };
    expect(posts(0)).toBeGreaterThan(posts(1));
  });
});
