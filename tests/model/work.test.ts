/**
 * Rules of work.ts: the odds arithmetic of exploitation, and `takeWork` (employers' choice to take
 * on a worker without legal status, then whether they exploit) and `goHome` in a small fresh world
 * (scale 1000, no spin-up), with outcomes computed from the keyed draws the rules use.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { Channel, CROSSING_SLOTS, NO_ID, Status, TRAFFICKED_SLOT } from '../../src/model/codes.js';
import type { Params } from '../../src/model/parameters.js';
import { geometricWeeks, type World } from '../../src/model/state.js';
import { move, weeksLeft } from '../../src/model/transitions.js';
import { exploitationChance, exploitationStay, goHome, type Leverage, takeWork, withOdds } from '../../src/model/work.js';
import type { Scenario } from '../../src/scenario/load.js';
import { firstWeek, scenarioWith, setP, weekCounts } from './helpers.js';

describe('withOdds', () => {
  it('multiplies the odds of a probability', () => {
    expect(withOdds(0.5, 3)).toBeCloseTo(0.75, 15);
    expect(withOdds(0.2, 1)).toBeCloseTo(0.2, 15);
    expect(withOdds(0.2, 4)).toBeCloseTo(0.5, 15);
    expect(withOdds(0.75, 1 / 3)).toBeCloseTo(0.5, 15);
  });

  it('keeps 0 and 1 (and clamps beyond them)', () => {
    for (const m of [0.1, 1, 7]) {
      expect(withOdds(0, m)).toBe(0);
      expect(withOdds(-0.1, m)).toBe(0);
      expect(withOdds(1, m)).toBe(1);
      expect(withOdds(1.5, m)).toBe(1);
    }
  });
});

describe('exploitationChance and exploitationStay', () => {
  const p = { irregularLeverage: 1.5, papersHeldLeverage: 2, debtLeverage: 3, kinProtection: 0.5, exploitRaidDeterrence: 0.4, exploitationWeeks: 40, exitIrregular: 0.5, exitPapersHeld: 0.8 } as unknown as Params;
  /** No leverage, at the usual raid pressure. */
  const none: Leverage = { irregular: false, papersHeld: false, indebted: false, kin: false, raidPressure: 1 };
  const l = (x: Partial<Leverage>): Leverage => ({ ...none, ...x });

  it('multiplies the odds of the base by the leverage of irregular status, held papers and debt, and by the protection of kin', () => {
    expect(exploitationChance(p, 0.5, none)).toBeCloseTo(0.5, 15);
    expect(exploitationChance(p, 0.5, l({ irregular: true }))).toBeCloseTo(0.6, 15);
    expect(exploitationChance(p, 0.5, l({ papersHeld: true }))).toBeCloseTo(2 / 3, 15);
    expect(exploitationChance(p, 0.5, l({ indebted: true }))).toBeCloseTo(0.75, 15);
    expect(exploitationChance(p, 0.5, l({ kin: true }))).toBeCloseTo(1 / 3, 15);
    // odds 1 · 1.5 · 2 · 0.5 = 1.5
    expect(exploitationChance(p, 0.5, l({ irregular: true, papersHeld: true, kin: true }))).toBeCloseTo(0.6, 15);
    // odds 0.25 · 1.5 · 2 = 0.75
    expect(exploitationChance(p, 0.2, l({ irregular: true, papersHeld: true }))).toBeCloseTo(0.75 / 1.75, 15);
    // odds 0.25 · 1.5 · 2 · 3 · 0.5 = 1.125
    expect(exploitationChance(p, 0.2, l({ irregular: true, papersHeld: true, indebted: true, kin: true }))).toBeCloseTo(1.125 / 2.125, 15);
  });

  it('multiplies the odds by exp(−exploitRaidDeterrence · (raid pressure − 1)): fewer raids than usual embolden, more deter', () => {
    expect(exploitationChance(p, 0.5, l({ raidPressure: 1 }))).toBeCloseTo(0.5, 15);
    const odds = (x: number) => x / (1 - x);
    expect(odds(exploitationChance(p, 0.5, l({ raidPressure: 2 })))).toBeCloseTo(Math.exp(-0.4), 12);
    expect(odds(exploitationChance(p, 0.5, l({ raidPressure: 0 })))).toBeCloseTo(Math.exp(0.4), 12);
    expect(odds(exploitationChance(p, 0.2, l({ raidPressure: 3.5, irregular: true })))).toBeCloseTo(0.25 * 1.5 * Math.exp(-0.4 * 2.5), 12);
    // Without deterrence raids do not matter.
    const q = { ...p, exploitRaidDeterrence: 0 } as Params;
    for (const r of [0, 0.5, 2, 5]) expect(exploitationChance(q, 0.3, l({ raidPressure: r }))).toBeCloseTo(0.3, 15);
    // Falls as raids rise, for any leverage.
    for (const x of [none, l({ irregular: true, indebted: true }), l({ kin: true })])
      for (const r of [0, 0.5, 1, 2]) expect(exploitationChance(p, 0.3, { ...x, raidPressure: r + 0.5 })).toBeLessThan(exploitationChance(p, 0.3, { ...x, raidPressure: r }));
  });

  it('is the mean stay divided by the exit factors of irregular status and held papers', () => {
    expect(exploitationStay(p, false, false)).toBe(40);
    expect(exploitationStay(p, true, false)).toBe(80);
    expect(exploitationStay(p, false, true)).toBeCloseTo(50, 12);
    expect(exploitationStay(p, true, true)).toBeCloseTo(100, 12);
  });
});

let scenario: Scenario;
beforeAll(async () => {
  scenario = await scenarioWith((d) => void (d.spinUpWeeks = 0));
});

/** Residents at home, in id order. */
const atHome = (w: World) => Array.from({ length: w.agents.migrants.count }, (_, id) => id).filter((id) => w.agents.migrants.cols.status[id] === Status.home);
/** The brokers who traffic (1) or facilitate (0). */
const brokersOf = (w: World, trafficker: number) => Array.from({ length: w.agents.brokers.count }, (_, id) => id).filter((id) => w.agents.brokers.cols.trafficker[id] === trafficker);
/** Trafficked-slot count at a crossing this week. */
const traffickedAt = (w: World, c: number) => w.rec.perCrossing[(w.week.out * w.fixed.geo.crossingIds.length + c) * CROSSING_SLOTS + TRAFFICKED_SLOT]!;

/**
 * takeWork as MODEL.md states it, for one job seeker, before the rule runs, with `employed` the
 * workforce at each destination as the seekers before this one left it: whether an employer takes
 * on a worker without legal status (logistic in irregularHireLogit + hireVacancyWeight · vacancy −
 * hireSanctionWeight · expected yearly fine / saving; if not, the worker is turned back); whether
 * the employer exploits (a substituted contract for a regular procedural placement; else the odds
 * of the base — a trafficker's placement or the destination's share — times the leverage, and
 * exp(−deterrence · (raid factor − 1))), and whether there is a means (deception, debt to a broker
 * above indebtedMonths, papers held, or the threat of denouncing a worker without legal status).
 */
function takeWorkReference(w: World, id: number, employed: Float64Array) {
  const m = w.agents.migrants.cols;
  const p = w.fixed.p;
  const wk = w.week;
  const u = (name: 'hire' | 'cooldown' | 'contract' | 'papers' | 'exploit' | 'threat' | 'stay') => w.fixed.draws[name].u(id, w.week.index);
  const irregular = m.irregular[id] === 1;
  const b = m.broker[id]!;
  const d = m.destination[id]!;
  if (irregular) {
    const sabah = w.fixed.geo.destinationSabah[d]!;
    const demand = w.agents.demandBase[d]! * wk.labourDemand[sabah]!;
    const vacancy = demand > 0 ? (demand - employed[d]!) / demand : 0;
    const raid = (sabah === 1 ? p.raidRateSabah : p.raidRateSarawak) * wk.raidFactor;
    const sanction = (raid * 52 * p.employerProsecution * p.employerFineIdr) / p.irregularSavingIdr;
    const chance = 1 / (1 + Math.exp(-(p.irregularHireLogit + p.hireVacancyWeight * vacancy - p.hireSanctionWeight * sanction)));
    if (u('hire') >= chance) {
      return { status: Status.returned, weeks: geometricWeeks(p.returnCooldownWeeks * p.turnBackCooldownShare, u('cooldown')), deceived: 0, papersHeld: 0, victim: m.victim[id], traffickedBefore: m.traffickedBefore[id], substituted: false, viaBroker: false, irregular: false, again: false, hired: false };
    }
  }
  employed[d]!++;
  let deceived = m.deceived[id] === 1;
  let papersHeld = m.papersHeld[id] === 1;
  let exploitative: boolean;
  let substituted = false;
  if (m.channel[id] === Channel.procedural && !irregular) {
    exploitative = substituted = u('contract') < p.contractSubstitution;
    if (substituted) deceived = true;
    if (u('papers') < p.passportRetention) papersHeld = true;
  } else {
    const base = b !== NO_ID && w.agents.brokers.cols.trafficker[b] === 1 ? p.traffickerExploitPlacement : w.fixed.input.destinations[m.destination[id]!]!.exploitShare;
    const indebted = b !== NO_ID && m.debt[id]! > p.indebtedMonths;
    const odds = (base / (1 - base)) * Math.exp(-p.exploitRaidDeterrence * (wk.raidFactor - 1)) * (irregular ? p.irregularLeverage : 1) * (papersHeld ? p.papersHeldLeverage : 1) * (indebted ? p.debtLeverage : 1) * (m.channel[id] === Channel.kin ? p.kinProtection : 1);
    exploitative = u('exploit') < odds / (1 + odds);
  }
  const threatened = irregular && u('threat') < p.denunciationThreat;
  const means = deceived || (b !== NO_ID && m.debt[id]! > p.indebtedMonths) || papersHeld || threatened;
  const trafficked = exploitative && means;
  const mean = trafficked ? p.exploitationWeeks / ((irregular ? p.exitIrregular : 1) * (papersHeld ? p.exitPapersHeld : 1)) : p.contractWeeks;
  return {
    status: trafficked ? Status.exploited : irregular ? Status.workingIrregular : Status.workingRegular,
    weeks: geometricWeeks(mean, u('stay')),
    deceived: deceived ? 1 : 0,
    papersHeld: papersHeld ? 1 : 0,
    victim: trafficked ? 1 : m.victim[id],
    traffickedBefore: trafficked ? 1 : m.traffickedBefore[id],
    substituted,
    viaBroker: trafficked && b !== NO_ID,
    irregular: trafficked && irregular,
    again: trafficked && m.traffickedBefore[id] === 1,
    hired: true,
  };
}

describe('takeWork', () => {
  it('places every job seeker as the rule says, from the keyed draws: turned away, exploited (trafficked) or working, with the timer of the stay', () => {
    const w = firstWeek(scenario, { seed: 11 });
    // Chances that make every branch common.
    setP(w, { contractSubstitution: 0.3, passportRetention: 0.4, traffickerExploitPlacement: 0.4, denunciationThreat: 0.4, debtLeverage: 2, exploitRaidDeterrence: 0.5 });
    // Employers short of 60 workers each to begin with, and taking on the irregular less readily the fuller they get; raids above the usual.
    setP(w, { irregularHireLogit: 1, hireVacancyWeight: 2, hireSanctionWeight: 3, employerProsecution: 0.5 });
    w.week.raidFactor = 1.5;
    w.week.labourDemand[0] = 1.2;
    w.week.labourDemand[1] = 0.9;
    w.fixed.input.destinations.forEach((_, d) => (w.agents.demandBase[d] = (w.agents.employed[d]! + 60) / w.week.labourDemand[w.fixed.geo.destinationSabah[d]!]!));
    const m = w.agents.migrants.cols;
    const traffickers = brokersOf(w, 1);
    const facilitators = brokersOf(w, 0);
    const C = w.fixed.geo.crossingIds.length;
    const ids = atHome(w).slice(0, 480);
    ids.forEach((id, i) => {
      // Every combination of channel, legal status, broker, debt, deception and held papers, spread over destinations and crossings.
      m.channel[id] = [Channel.procedural, Channel.broker, Channel.kin][i % 3]!;
      m.irregular[id] = (i >> 1) % 2;
      m.broker[id] = [NO_ID, traffickers[i % traffickers.length]!, facilitators[i % facilitators.length]!][Math.floor(i / 6) % 3]!;
      m.debt[id] = Math.floor(i / 18) % 2 ? 3 : 1;
      m.deceived[id] = Math.floor(i / 36) % 4 === 0 ? 1 : 0;
      m.papersHeld[id] = Math.floor(i / 36) % 4 === 1 ? 1 : 0;
      m.traffickedBefore[id] = i % 5 === 0 ? 1 : 0;
      m.destination[id] = i % w.fixed.input.destinations.length;
      m.crossing[id] = i % C;
      move(w, id, Status.crossed);
      w.queues.jobSeekers.push(id);
    });
    const employed = Float64Array.from(w.agents.employed);
    const expected = ids.map((id) => takeWorkReference(w, id, employed));
    takeWork(w);
    const actual = ids.map((id) => ({ status: m.status[id], weeks: weeksLeft(w, id), deceived: m.deceived[id], papersHeld: m.papersHeld[id], victim: m.victim[id], traffickedBefore: m.traffickedBefore[id] }));
    expect(actual).toEqual(expected.map(({ status, weeks, deceived, papersHeld, victim, traffickedBefore }) => ({ status, weeks, deceived, papersHeld, victim, traffickedBefore })));
    const n = weekCounts(w);
    const count = (f: (e: (typeof expected)[number]) => boolean) => expected.filter(f).length;
    expect(n('trafficked')).toBe(count((e) => e.status === Status.exploited));
    expect(n('trafficked_via_broker')).toBe(count((e) => e.viaBroker));
    expect(n('trafficked_irregular')).toBe(count((e) => e.irregular));
    expect(n('re_trafficked')).toBe(count((e) => e.again));
    expect(n('contracts_substituted')).toBe(count((e) => e.substituted));
    expect(n('not_hired')).toBe(count((e) => !e.hired));
    // The workforce at each destination: the one before, and those taken on.
    expect(Array.from(w.agents.employed)).toEqual(Array.from(employed));
    for (let c = 0; c < C; c++) expect(traffickedAt(w, c)).toBe(expected.filter((e, k) => e.status === Status.exploited && m.crossing[ids[k]!] === c).length);
    // Every outcome happened, so no branch is untested.
    for (const s of [Status.exploited, Status.workingRegular, Status.workingIrregular, Status.returned]) expect(count((e) => e.status === s)).toBeGreaterThan(10);
    expect(n('contracts_substituted')).toBeGreaterThan(5);
    expect(n('re_trafficked')).toBeGreaterThan(5);
    expect(w.queues.jobSeekers.length).toBe(0);
  });

  it('an exploitative placement is trafficking only with a means: debt counts only when owed to the broker who placed them', () => {
    const w = firstWeek(scenario, { seed: 11 });
    const m = w.agents.migrants.cols;
    const [a, b, c] = atHome(w);
    const facilitator = brokersOf(w, 0)[0]!;
    for (const d of w.fixed.input.destinations) Object.assign(d, { exploitShare: 1 }); // every employer exploits
    for (const id of [a!, b!, c!]) {
      m.channel[id] = Channel.kin;
      m.irregular[id] = 0;
      m.deceived[id] = 0;
      m.papersHeld[id] = 0;
      m.debt[id] = w.fixed.p.indebtedMonths + 0.5;
      m.broker[id] = NO_ID;
      move(w, id, Status.crossed);
      w.queues.jobSeekers.push(id);
    }
    m.debt[a!] = 0; // no means at all
    m.broker[c!] = facilitator; // the same debt, owed to the broker who placed them
    takeWork(w);
    expect([m.status[a!], m.status[b!], m.status[c!]]).toEqual([Status.workingRegular, Status.workingRegular, Status.exploited]);
    expect(weekCounts(w)('trafficked')).toBe(1);
  });

  it('a debt at indebtedMonths exactly is no bondage: only a debt above it', () => {
    const w = firstWeek(scenario, { seed: 11 });
    const m = w.agents.migrants.cols;
    const [a, b] = atHome(w);
    for (const d of w.fixed.input.destinations) Object.assign(d, { exploitShare: 1 });
    setP(w, { indebtedMonths: 2.5 });
    for (const id of [a!, b!]) {
      m.channel[id] = Channel.kin;
      m.irregular[id] = 0;
      m.broker[id] = brokersOf(w, 0)[0]!;
      move(w, id, Status.crossed);
      w.queues.jobSeekers.push(id);
    }
    m.debt[a!] = 2.5;
    m.debt[b!] = 2.75;
    takeWork(w);
    expect([m.status[a!], m.status[b!]]).toEqual([Status.workingRegular, Status.exploited]);
  });
});

describe('goHome', () => {
  it('sends those whose stay ended home: back (status returned) for a cooldown by their draw, debts and victimhood cleared', () => {
    const w = firstWeek(scenario, { seed: 11 });
    const m = w.agents.migrants.cols;
    const ids = atHome(w).slice(0, 20);
    ids.forEach((id, i) => {
      move(w, id, i % 2 ? Status.workingIrregular : Status.identified);
      m.debt[id] = 4;
      m.victim[id] = i % 2;
      m.broker[id] = 3;
      w.queues.returning.push(id);
    });
    goHome(w);
    for (const id of ids) {
      expect(m.status[id]).toBe(Status.returned);
      expect(weeksLeft(w, id)).toBe(geometricWeeks(w.fixed.p.returnCooldownWeeks, w.fixed.draws.cooldown.u(id, 0)));
      expect(m.debt[id]).toBe(0);
      expect(m.victim[id]).toBe(0);
      expect(m.broker[id]).toBe(NO_ID);
      expect(m.hazardFactor[id]).toBeCloseTo(Math.exp(w.fixed.p.betaKin * m.kin[id]!), 6);
    }
    expect(weekCounts(w)('returns_home')).toBe(20);
    expect(w.queues.returning.length).toBe(0);
  });
});
