/**
 * Rules of crossing.ts (`resolveCrossings`) in a small fresh world (scale 1000, no spin-up): posts
 * (inspection, collusion, fraudulent papers, recognising victims, watch lists), informal crossings
 * (patrols), closures, legal status on arrival, and what the networks learn. Outcomes are computed
 * from the keyed draws the rule uses.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { Channel, CROSSING_SLOTS, Docs, IDENTIFIED_SLOT, NO_ID, Outcome, Status } from '../../src/model/codes.js';
import { resolveCrossings } from '../../src/model/crossing.js';
import { CrossingKind } from '../../src/model/geography.js';
import { geometricWeeks, type World } from '../../src/model/state.js';
import { move, weeksLeft } from '../../src/model/transitions.js';
import type { Scenario } from '../../src/scenario/load.js';
import { firstWeek, scenarioWith, setP, weekCounts } from './helpers.js';

let scenario: Scenario;
beforeAll(async () => {
  scenario = await scenarioWith((d) => void (d.spinUpWeeks = 0));
});
const atHome = (w: World) => Array.from({ length: w.agents.migrants.count }, (_, id) => id).filter((id) => w.agents.migrants.cols.status[id] === Status.home);

type Result = { outcome: number; identified: boolean; byPatrol: boolean; papersHeld: number; irregular: number; fraudUndetected: boolean; officer: number; bribe: number; revenue: number };

/** What a broker earns from delivering one traveller (IDR), written out: the fee, the employer's fee at the state's demand, the share of the debt it placed that it recovers. */
function revenueOf(w: World, id: number): number {
  const p = w.fixed.p;
  const m = w.agents.migrants.cols;
  const demand = w.week.labourDemand[w.fixed.geo.destinationSabah[m.destination[id]!]!]!;
  const debt = p.brokerDebtIdr * (m.deceived[id] === 1 ? p.deceptionDebtMultiplier : 1);
  return p.brokerFeeIdr + p.brokerEmployerFeeIdr * demand ** p.demandFeeElasticity + p.debtRecoveryShare * debt;
}

/**
 * The crossing rule as MODEL.md states it, for one traveller (no watch list): closed → turned
 * back; informal → a patrol intercepts by the detection draw, and may recognise a victim with
 * indicators (deception, or a broker's debt above indebtedMonths); a post → the officer on duty
 * (by the duty draw) passes valid papers, colludes with a tied broker's group by
 * min(1, propensity · logistic(s · (1 − expected catch · sanction / bribe)) / logistic(s) · (1 − cut if trained)),
 * with the bribe bribeShare · (fee + employer fee · demand^elasticity + recovery · debt placed) and the
 * expected catch 1 − (1 − catch chance) · (1 − post risk), else stops those without papers and
 * detects fraudulent ones by the fraud check; an inspecting officer may recognise a victim (trained
 * or not). A broker earns what it is paid for each person delivered and pays the bribe.
 */
function crossingReference(w: World, id: number): Result {
  const m = w.agents.migrants.cols;
  const p = w.fixed.p;
  const geo = w.fixed.geo;
  const wk = w.week;
  const C = geo.crossingIds.length;
  const u = (name: 'detection' | 'identifyPatrol' | 'duty' | 'collusion' | 'fraudCheck' | 'identifyPost' | 'papers') => w.fixed.draws[name].u(id, wk.index);
  const c = m.crossing[id]!;
  const b = m.broker[id]!;
  const indicators = m.deceived[id] === 1 || (b !== NO_ID && m.debt[id]! > p.indebtedMonths);
  const r: Result = { outcome: Outcome.regular, identified: false, byPatrol: false, papersHeld: 0, irregular: 0, fraudUndetected: false, officer: -1, bribe: 0, revenue: 0 };
  if (geo.open[wk.index * C + c] !== 1) r.outcome = Outcome.intercepted;
  else if (geo.crossingKind[c] === CrossingKind.informal) {
    r.byPatrol = true;
    r.outcome = u('detection') < wk.detection[c]! ? Outcome.intercepted : Outcome.informal;
    if (r.outcome === Outcome.intercepted && indicators && u('identifyPatrol') < wk.idPatrol) r.identified = true;
  } else {
    const staff = w.agents.postOfficials[c]!;
    const officer = staff.length ? staff[Math.floor(u('duty') * staff.length)]! : -1;
    const trained = officer >= 0 && w.agents.officials.cols.trainDraw[officer]! < wk.trainedShare;
    const docs = m.docs[id];
    if (docs === Docs.none || docs === Docs.fraudulent) {
      const tie = b !== NO_ID && ((w.agents.brokers.cols.ties[b]! >>> c) & 1) === 1;
      const bribe = p.bribeShare * revenueOf(w, id);
      const caught = 1 - (1 - wk.catchChance) * (1 - w.beliefs.postRisk[c]!);
      const logistic = (x: number) => 1 / (1 + Math.exp(-x));
      const weigh = logistic(p.collusionSensitivity * (1 - (caught * p.officerSanctionIdr) / bribe)) / logistic(p.collusionSensitivity);
      const chance = officer >= 0 ? Math.min(1, w.agents.officials.cols.propensity[officer]! * weigh * (1 - (trained ? wk.trainedCollusionCut : 0))) : 0;
      if (tie && officer >= 0 && u('collusion') < chance) {
        r.outcome = Outcome.colluded;
        r.officer = officer;
        r.bribe = bribe;
      } else if (docs === Docs.none || u('fraudCheck') < p.fraudDetection) r.outcome = Outcome.intercepted;
    }
    if (r.outcome !== Outcome.colluded && indicators && u('identifyPost') < (trained ? p.idTrained : p.idUntrained)) r.identified = true;
    r.fraudUndetected = !r.identified && r.outcome === Outcome.regular && docs === Docs.fraudulent;
  }
  if (!r.identified && r.outcome !== Outcome.intercepted) {
    const legal = r.outcome === Outcome.regular && m.docs[id] === Docs.passport && m.channel[id] === Channel.procedural;
    r.irregular = legal ? 0 : 1;
    r.papersHeld = m.docs[id] === Docs.fraudulent || (r.outcome === Outcome.colluded && u('papers') < p.colludedPapersHeld) ? 1 : 0;
    r.revenue = b !== NO_ID ? revenueOf(w, id) : 0;
  }
  return r;
}

describe('resolveCrossings', () => {
  it('resolves every arrival as the reference says, and counts outcomes per crossing, per network and in the metrics', () => {
    const w = firstWeek(scenario, { seed: 9 });
    const m = w.agents.migrants.cols;
    const geo = w.fixed.geo;
    const C = geo.crossingIds.length;
    const H = geo.hubIds.length;
    const wk = w.week;
    // Frequent patrol interceptions, collusion, training and recognition, so that every branch is taken.
    for (let c = 0; c < C; c++) if (geo.crossingKind[c] === CrossingKind.informal) wk.detection[c] = 0.1 * (c % 6);
    Object.assign(wk, { idPatrol: 0.5, trainedShare: 0.5, trainedCollusionCut: 0.5, watchListHit: 0, catchChance: 0.01 });
    // Employers in Sarawak short of workers, in Sabah less so than in 2019: the employer's fee (and the bribe) differ by state.
    wk.labourDemand[0] = 1.6;
    wk.labourDemand[1] = 0.7;
    // A sanction of the order of the bribe, so that collusion is common and the risk at the post tells.
    setP(w, { idTrained: 0.6, idUntrained: 0.2, fraudDetection: 0.5, officerSanctionIdr: 8_000_000, collusionSensitivity: 3, bribeShare: 0.3, demandFeeElasticity: 1.5 });
    for (let c = 0; c < C; c++) w.beliefs.postRisk[c] = 0.05 * (c % 3);
    const o = w.agents.officials.cols;
    for (let k = 0; k < w.agents.officials.count; k++) o.propensity[k] = 0.1 + 0.8 * ((k * 7) % 10) / 10;
    geo.open[geo.crossingIds.indexOf('sei_kelik')] = 0; // closed while they travelled
    // The first broker of three hubs, each with a contact at every official crossing; broker 1 has none.
    const firstAt = (hub: string) => w.agents.brokers.cols.hub.indexOf(geo.hubIds.indexOf(hub));
    const tied = [firstAt('pontianak'), firstAt('nunukan_town'), firstAt('entikong_town')];
    expect(new Set(tied).size).toBe(3);
    expect(tied).not.toContain(1);
    for (const b of tied) w.agents.brokers.cols.ties[b] = 0b1111_1111;
    w.agents.brokers.cols.ties[1] = 0;
    const ids = atHome(w).slice(0, 900);
    ids.forEach((id, i) => {
      m.crossing[id] = i % C;
      m.docs[id] = [Docs.none, Docs.passport, Docs.borderPass, Docs.fraudulent][Math.floor(i / C) % 4]!;
      m.channel[id] = [Channel.procedural, Channel.broker, Channel.kin, Channel.none][Math.floor(i / (4 * C)) % 4]!;
      m.broker[id] = [NO_ID, tied[i % 3]!, 1][i % 3 === 0 ? 0 : i % 7 === 0 ? 2 : 1]!;
      m.deceived[id] = i % 4 === 1 ? 1 : 0;
      m.destination[id] = Math.floor(i / 5) % w.fixed.input.destinations.length;
      m.debt[id] = i % 4 === 2 ? w.fixed.p.indebtedMonths + 1 : 0;
      move(w, id, Status.travelling);
      w.queues.arriving.push(id);
    });
    // Whose network learns from each attempt: the broker's hub, or the row of those without a broker (before the rule clears brokers).
    const networks = ids.map((id) => (m.broker[id] !== NO_ID ? w.agents.brokers.cols.hub[m.broker[id]!]! : H));
    const expected = ids.map((id) => crossingReference(w, id));
    const channelBefore = ids.map((id) => m.channel[id]);
    const brokerBefore = ids.map((id) => m.broker[id]);
    const colluded = new Map<number, number>();
    for (const r of expected) if (r.officer >= 0) colluded.set(r.officer, (colluded.get(r.officer) ?? 0) + 1);
    resolveCrossings(w);

    ids.forEach((id, k) => {
      const r = expected[k]!;
      const status = r.identified ? Status.identified : r.outcome === Outcome.intercepted ? Status.returned : Status.crossed;
      expect([id, m.status[id]]).toEqual([id, status]);
      if (status === Status.crossed) {
        expect([m.irregular[id], m.papersHeld[id], m.crossings[id]]).toEqual([r.irregular, r.papersHeld, 1]);
        expect(m.channel[id]).toBe(channelBefore[k] === Channel.none ? Channel.kin : channelBefore[k]);
      }
      if (status === Status.returned) expect(weeksLeft(w, id)).toBe(geometricWeeks(w.fixed.p.returnCooldownWeeks * w.fixed.p.turnBackCooldownShare, w.fixed.draws.cooldown.u(id, 0)));
    });
    for (const [officer, acts] of colluded) expect(o.colludedThisWeek[officer]).toBe(acts);

    // What each broker earned: the revenue of each person delivered, less the bribes paid, each person standing for `scale`; and the persons moved.
    const scale = w.fixed.scale;
    const earned = new Map<number, number>();
    const moved = new Map<number, number>();
    expected.forEach((r, k) => {
      const b = brokerBefore[k]!;
      if (b === NO_ID) return;
      if (r.outcome === Outcome.colluded) earned.set(b, (earned.get(b) ?? 0) - r.bribe * scale);
      if (!r.identified && r.outcome !== Outcome.intercepted) {
        earned.set(b, (earned.get(b) ?? 0) + r.revenue * scale);
        moved.set(b, (moved.get(b) ?? 0) + scale);
      }
    });
    const bc = w.agents.brokers.cols;
    for (let b = 0; b < w.agents.brokers.count; b++) {
      const want = earned.get(b) ?? 0;
      expect(Math.abs(bc.earned[b]! - want), `broker ${b} earned`).toBeLessThanOrEqual(1e-9 * Math.abs(want));
      expect(bc.moved[b], `broker ${b} moved`).toBe(moved.get(b) ?? 0);
    }
    // Bribes were paid in both states, and differ with the state's demand and the debt placed.
    const bribes = new Set(expected.filter((r) => r.outcome === Outcome.colluded).map((r) => r.bribe));
    expect(bribes.size).toBeGreaterThanOrEqual(3);

    // Per crossing: each outcome (an identified victim counts as intercepted), and the victims identified there.
    const at = (c: number, slot: number) => w.rec.perCrossing[c * CROSSING_SLOTS + slot];
    const outcomeOf = (r: Result) => (r.identified ? Outcome.intercepted : r.outcome);
    for (let c = 0; c < C; c++) {
      for (const out of [Outcome.regular, Outcome.colluded, Outcome.informal, Outcome.intercepted]) expect(at(c, out)).toBe(expected.filter((r, k) => m.crossing[ids[k]!] === c && outcomeOf(r) === out).length);
      expect(at(c, IDENTIFIED_SLOT)).toBe(expected.filter((r, k) => m.crossing[ids[k]!] === c && r.identified).length);
      // What each network sees: its attempts and interceptions at each crossing.
      for (let h = 0; h <= H; h++) {
        const mine = expected.filter((_, k) => m.crossing[ids[k]!] === c && networks[k] === h);
        expect(w.beliefs.attempts[h * C + c]).toBe(mine.length);
        expect(w.beliefs.intercepts[h * C + c]).toBe(mine.filter((r) => outcomeOf(r) === Outcome.intercepted).length);
      }
    }
    const n = weekCounts(w);
    const count = (f: (r: Result) => boolean) => expected.filter(f).length;
    const intercepted = (r: Result) => outcomeOf(r) === Outcome.intercepted;
    expect(n('interceptions')).toBe(count(intercepted));
    expect(n('interceptions_patrol')).toBe(count((r) => intercepted(r) && r.byPatrol));
    expect(n('interceptions_post')).toBe(count((r) => intercepted(r) && !r.byPatrol));
    expect(n('crossings_regular')).toBe(count((r) => outcomeOf(r) === Outcome.regular));
    expect(n('crossings_colluded')).toBe(count((r) => outcomeOf(r) === Outcome.colluded));
    expect(n('collusion_events')).toBe(count((r) => r.outcome === Outcome.colluded));
    expect(n('crossings_informal')).toBe(count((r) => outcomeOf(r) === Outcome.informal));
    expect(n('crossings_fraud_undetected')).toBe(count((r) => r.fraudUndetected));
    expect(n('arrivals_irregular')).toBe(count((r) => !r.identified && r.outcome !== Outcome.intercepted && r.irregular === 1));
    expect(n('identified_patrol')).toBe(count((r) => r.identified && r.byPatrol));
    expect(n('identified_official')).toBe(count((r) => r.identified && !r.byPatrol));
    // Every branch was taken.
    for (const f of [
      (r: Result) => r.identified && r.byPatrol,
      (r: Result) => r.identified && !r.byPatrol,
      (r: Result) => r.outcome === Outcome.colluded,
      (r: Result) => r.fraudUndetected,
      (r: Result) => r.outcome === Outcome.colluded && r.papersHeld === 0,
      (r: Result) => !r.identified && r.outcome === Outcome.regular && r.irregular === 0,
    ])
      expect(count(f)).toBeGreaterThan(2);
    expect(w.queues.arriving.length).toBe(0);
  });

  it('a shared watch list stops the broker of a group crossing a post (once: an arrested broker is not arrested again)', () => {
    const w = firstWeek(scenario, { seed: 9 });
    const m = w.agents.migrants.cols;
    const b = w.agents.brokers.cols;
    const post = w.fixed.geo.crossingIds.indexOf('entikong');
    const informal = w.fixed.geo.crossingIds.indexOf('entikong_informal');
    w.week.watchListHit = 1;
    w.week.detection[informal] = 0;
    const [x, y, z, v] = atHome(w);
    const [broker, other] = [4, 5];
    for (const [id, c, k] of [[x!, post, broker], [y!, post, broker], [z!, informal, other], [v!, post, NO_ID]] as const) {
      m.crossing[id] = c;
      m.docs[id] = Docs.passport;
      m.channel[id] = Channel.broker;
      m.broker[id] = k;
      move(w, id, Status.travelling);
      w.queues.arriving.push(id);
    }
    resolveCrossings(w);
    expect([b.active[broker], b.active[other]]).toEqual([0, 1]); // not on an informal path
    const n = weekCounts(w);
    expect([n('watch_list_arrests'), n('broker_arrests')]).toEqual([1, 1]);
    // The group itself crosses.
    expect([m.status[x!], m.status[y!]]).toEqual([Status.crossed, Status.crossed]);
  });

  it('the watch list stops a broker with the chance watchListHit by the group’s draw', () => {
    const w = firstWeek(scenario, { seed: 9 });
    const m = w.agents.migrants.cols;
    const post = w.fixed.geo.crossingIds.indexOf('entikong');
    const ids = atHome(w).slice(0, 40);
    w.week.watchListHit = 0.3;
    ids.forEach((id, i) => {
      m.crossing[id] = post;
      m.docs[id] = Docs.passport;
      m.broker[id] = 10 + i; // each group its own broker
      move(w, id, Status.travelling);
      w.queues.arriving.push(id);
    });
    const stopped = ids.filter((id) => w.fixed.draws.watchList.u(id, 0) < 0.3).map((id) => m.broker[id]);
    resolveCrossings(w);
    expect(ids.map((_, i) => 10 + i).filter((k) => w.agents.brokers.cols.active[k] === 0)).toEqual(stopped);
    expect(stopped.length).toBeGreaterThan(3);
  });

  it('shared watch lists leak to brokers through colluding officers: a broker is stopped with chance watchListHit · (1 − infoLeak · colluding share)', () => {
    const w = firstWeek(scenario, { seed: 9 });
    const m = w.agents.migrants.cols;
    const post = w.fixed.geo.crossingIds.indexOf('entikong');
    const ids = atHome(w).slice(0, 120);
    w.week.watchListHit = 0.5;
    w.beliefs.colludingShare = 0.4;
    setP(w, { infoLeak: 0.75 }); // 0.5 · (1 − 0.75 · 0.4) = 0.35
    ids.forEach((id, i) => {
      m.crossing[id] = post;
      m.docs[id] = Docs.passport;
      m.broker[id] = 10 + i;
      m.debt[id] = 0; // no sign of trafficking: no one is identified (and taken out of the line) before the list is checked
      m.deceived[id] = 0;
      move(w, id, Status.travelling);
      w.queues.arriving.push(id);
    });
    const u = (id: number) => w.fixed.draws.watchList.u(id, 0);
    const stopped = ids.filter((id) => u(id) < 0.5 * (1 - 0.75 * 0.4)).map((id) => m.broker[id]);
    // Some groups' draws lie between the leaky chance and the full one: the leak spares their brokers.
    expect(ids.filter((id) => u(id) >= 0.35 && u(id) < 0.5).length).toBeGreaterThan(3);
    resolveCrossings(w);
    expect(ids.map((_, i) => 10 + i).filter((k) => w.agents.brokers.cols.active[k] === 0)).toEqual(stopped);
    expect(weekCounts(w)('watch_list_arrests')).toBe(stopped.length);
    // Arrested this week: what the broker market counts as the risk at the hub.
    for (const k of stopped) expect(w.agents.brokers.cols.arrestedAt[k!]).toBe(0);
  });
});
