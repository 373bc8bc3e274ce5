/**
 * Rules of transitions.ts and agents.ts through a small model (scale 1000): status changes keep
 * the stocks, turning back clears what the journey carried, identification opens a case, and
 * new agents are made within their bounds.
 */
import fc from 'fast-check';
import { beforeEach, describe, expect, it } from 'vitest';
import { addBroker, addOfficial, initPerson } from '../../src/model/agents.js';
import { CaseStage, Docs, Evidence, NO_ID, Place, STATUS_COUNT, Status } from '../../src/model/codes.js';
import { capabilities } from '../../src/model/cooperation.js';
import { CrossingKind } from '../../src/model/geography.js';
import { M } from '../../src/model/metrics.js';
import { createModel, worldOf } from '../../src/model/model.js';
import { draw, geometricWeeks, type World } from '../../src/model/state.js';
import { enter, identify, move, openCase, sendHome, startTimer, turnBack, updateHazardFactor, weeksLeft } from '../../src/model/transitions.js';
import { keyedEntity } from '../../src/core/rng.js';
import type { Scenario } from '../../src/scenario/load.js';
import type { Draft } from 'immer';
import type { ScenarioInput } from '../../src/scenario/schema.js';
import { scenarioWith as baselineWith, setParam } from './helpers.js';

/** The baseline without its spin-up, so that a rule is seen from the first week. */
const scenarioWith = (change?: (d: Draft<ScenarioInput>) => void) =>
  baselineWith((d) => {
    d.spinUpWeeks = 0;
    change?.(d);
  });

const S = STATUS_COUNT;
let scenario: Scenario;
let w: World;

const recount = (): number[] => {
  const c = new Array<number>(S).fill(0);
  for (let id = 0; id < w.agents.migrants.count; id++) c[w.agents.migrants.cols.status[id]!]!++;
  return c;
};
/** The first agent in a status. */
const firstIn = (status: number): number => {
  for (let id = 0; id < w.agents.migrants.count; id++) if (w.agents.migrants.cols.status[id] === status) return id;
  throw new Error(`no agent in status ${status}`);
};
/** This week's recorded value of a metric (the recorder's open row, committed to read it). */
const recorded = (slot: number): number => {
  w.rec.commit();
  return w.rec.series(slot)[w.rec.ticks - 1]!;
};

beforeEach(async () => {
  scenario ??= await scenarioWith();
  w = worldOf(createModel(scenario, { seed: 5, scale: 1000 }));
  w.agents.transitions.fill(0);
});

/** The ids in the world's sets of persons exposed to raids and to NGO contact, and those whose status exposes them: they must agree. */
const members = (set: World['agents']['exposed']['raid']) => Array.from(set.ids.subarray(0, set.length)).sort((a, b) => a - b);
const inStatus = (...statuses: number[]) => Array.from({ length: w.agents.migrants.count }, (_, id) => id).filter((id) => statuses.includes(w.agents.migrants.cols.status[id]!));
const exposedAsStatus = () => {
  expect(members(w.agents.exposed.raid)).toEqual(inStatus(Status.workingIrregular, Status.exploited));
  expect(members(w.agents.exposed.contact)).toEqual(inStatus(Status.exploited));
};
/** Whom the next sweep's calendar names. */
const nextSweep = () => Array.from(w.agents.timers[w.agents.sweeps]!.ids.subarray(0, w.agents.timers[w.agents.sweeps]!.length));

describe('move and enter', () => {
  it('keep the sets exposed to raids and NGO contact (the sweep draws for them) equal to those working irregularly or exploited, and the exploited, with their halves of the draws', () => {
    expect(inStatus(Status.workingIrregular).length).toBeGreaterThan(0); // the first population has some abroad already
    exposedAsStatus();
    for (const id of [3, 4, 5]) move(w, id, Status.exploited);
    move(w, 5, Status.exploited); // to the same status: nothing changes
    move(w, 3, Status.workingIrregular);
    move(w, 4, Status.identified);
    exposedAsStatus();
    const id = w.agents.migrants.add();
    enter(w, id, Status.exploited);
    exposedAsStatus();
    for (const [set, key] of [[w.agents.exposed.raid, w.fixed.draws.raid.key], [w.agents.exposed.contact, w.fixed.draws.ngoContact.key]] as const)
      for (let i = 0; i < set.length; i++) expect(set.halves[i]).toBe(keyedEntity(key, set.ids[i]!) >>> 0);
  });

  it('hand those who cross or are deported on to the next sweep', () => {
    const [a, b, c] = [firstIn(Status.home), firstIn(Status.workingRegular), firstIn(Status.workingIrregular)];
    const before = nextSweep().length; // timers of the first population running out then
    move(w, a, Status.crossed);
    move(w, b, Status.deported);
    move(w, c, Status.detained);
    expect(nextSweep().slice(before)).toEqual([a, b]);
  });

  it('keep the stocks equal to a recount through any sequence of moves', () => {
    expect(Array.from(w.agents.stocks)).toEqual(recount());
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.nat(), fc.integer({ min: 0, max: S - 1 })), { minLength: 1, maxLength: 60 }), (moves) => {
        const before = Array.from(w.agents.stocks);
        const expectedT = Array.from(w.agents.transitions);
        for (const [k, to] of moves) {
          const id = k % w.agents.migrants.count;
          expectedT[w.agents.migrants.cols.status[id]! * S + to]!++;
          move(w, id, to);
          expect(w.agents.migrants.cols.status[id]).toBe(to);
        }
        expect(Array.from(w.agents.stocks)).toEqual(recount());
        exposedAsStatus();
        expect(Array.from(w.agents.transitions)).toEqual(expectedT);
        expect(w.agents.stocks.reduce((a, b) => a + b, 0)).toBe(before.reduce((a, b) => a + b, 0));
      }),
      { numRuns: 25 },
    );
  });

  it('counts a new agent in its stock and in the row of appearances', () => {
    const id = w.agents.migrants.add();
    enter(w, id, Status.crossed);
    expect(w.agents.migrants.cols.status[id]).toBe(Status.crossed);
    expect(Array.from(w.agents.stocks)).toEqual(recount());
    expect(w.agents.transitions[S * S + Status.crossed]).toBe(1);
  });
});

describe('startTimer and weeksLeft', () => {
  it('run a timer out at the sweep a weekly countdown would reach zero at, before or after the sweep of the week', () => {
    const id = firstIn(Status.home);
    move(w, id, Status.travelling);
    // Before the first sweep (as the initial population): that sweep counts as the first week.
    expect(w.agents.sweeps).toBe(0);
    startTimer(w, id, 4);
    expect(weeksLeft(w, id)).toBe(4);
    expect(w.agents.migrants.cols.due[id]).toBe(3);
    expect(Array.from(w.agents.timers[3]!.ids.subarray(0, w.agents.timers[3]!.length))).toContain(id);
    // After week 10's sweep: the next sweep counts as the first week.
    w.agents.sweeps = 11;
    startTimer(w, id, 4);
    expect(w.agents.migrants.cols.due[id]).toBe(14);
    for (let s = 11; s <= 15; s++) {
      w.agents.sweeps = s;
      expect(weeksLeft(w, id)).toBe(Math.max(0, 15 - s));
    }
  });

  it('put no timer past the horizon on the calendar', () => {
    const id = firstIn(Status.home);
    const before = w.agents.timers.map((l) => l.length);
    startTimer(w, id, w.agents.timers.length + 5);
    expect(w.agents.timers.map((l) => l.length)).toEqual(before);
    expect(weeksLeft(w, id)).toBe(w.agents.timers.length + 5);
  });
});

describe('turnBack', () => {
  it('sends a traveller home for a while and clears fraudulent papers, held papers, irregular status, the broker and the false promise', () => {
    const id = firstIn(Status.home);
    const m = w.agents.migrants.cols;
    move(w, id, Status.travelling);
    m.docs[id] = Docs.fraudulent;
    m.broker[id] = 0;
    m.deceived[id] = 1;
    m.start[id] = 1;
    m.startNode[id] = 3;
    m.debt[id] = 4;
    m.irregular[id] = 1;
    m.papersHeld[id] = 1;
    turnBack(w, id, 9);
    expect(m.status[id]).toBe(Status.returned);
    expect(weeksLeft(w, id)).toBe(9);
    expect(m.docs[id]).toBe(Docs.none);
    expect(m.broker[id]).toBe(NO_ID);
    expect(m.deceived[id]).toBe(0);
    expect(m.start[id]).toBe(0);
    expect(m.startNode[id]).toBe(m.origin[id]);
    expect(m.irregular[id]).toBe(0);
    expect(m.papersHeld[id]).toBe(0);
    // The debt was incurred: it stays and weighs on the next decision.
    expect(m.debt[id]).toBe(4);
    expect(m.hazardFactor[id]).toBeCloseTo(Math.exp(w.fixed.p.betaKin * m.kin[id]! - w.fixed.p.betaDebt * 4), 5);
    expect(w.agents.transitions[Status.travelling * S + Status.returned]).toBe(1);
    expect(Array.from(w.agents.stocks)).toEqual(recount());
  });

  it('keeps genuine papers', () => {
    const m = w.agents.migrants.cols;
    for (const docs of [Docs.passport, Docs.borderPass, Docs.none]) {
      const id = firstIn(Status.home);
      m.docs[id] = docs;
      turnBack(w, id, 1);
      expect(m.docs[id]).toBe(docs);
    }
  });
});

describe('sendHome', () => {
  it('settles debts and ends the episode, then turns back for a geometric cooldown', () => {
    const id = firstIn(Status.workingIrregular);
    const m = w.agents.migrants.cols;
    m.victim[id] = 1;
    m.debt[id] = 3;
    m.broker[id] = 0;
    sendHome(w, id, 0.6);
    expect(m.status[id]).toBe(Status.returned);
    expect(m.victim[id]).toBe(0);
    expect(m.debt[id]).toBe(0);
    expect(m.broker[id]).toBe(NO_ID);
    expect(weeksLeft(w, id)).toBe(geometricWeeks(w.fixed.p.returnCooldownWeeks, 0.6));
    expect(m.hazardFactor[id]).toBeCloseTo(Math.exp(w.fixed.p.betaKin * m.kin[id]!), 5);
  });
});

describe('identify', () => {
  it('opens a case against the broker of an identified victim, cross-border when found in Malaysia', () => {
    const id = firstIn(Status.workingIrregular);
    const m = w.agents.migrants.cols;
    move(w, id, Status.exploited);
    m.victim[id] = 1;
    m.broker[id] = 2;
    const cases = w.justice.cases.count;
    identify(w, id, 'identified_ngo', Place.malaysia);
    expect(m.status[id]).toBe(Status.identified);
    expect(m.victim[id]).toBe(0);
    expect(m.identifiedBefore[id]).toBe(1);
    expect(m.broker[id]).toBe(NO_ID);
    expect(weeksLeft(w, id)).toBe(geometricWeeks(w.week.shelterWeeks, draw(w, 'shelter', id)));
    // The first case is against the victim's own broker; the agent's other victims (it stands for
    // `scale` persons) name brokers of the same hub and intent, in cases of their own or open ones.
    const opened = w.justice.cases.count - cases;
    expect(opened).toBeGreaterThan(1);
    expect(w.justice.cases.cols.broker[cases]).toBe(2);
    const b = w.agents.brokers.cols;
    for (let k = cases; k < w.justice.cases.count; k++) {
      expect(w.justice.cases.cols.crossBorder[k]).toBe(1);
      expect(w.justice.cases.cols.witness[k]).toBe(draw(w, 'testimony', id) < w.fixed.p.testimonyShare ? 1 : 0);
      const named = w.justice.cases.cols.broker[k]!;
      expect([b.hub[named], b.trafficker[named]]).toEqual([b.hub[2], b.trafficker[2]]);
    }
    expect(Array.from(w.agents.stocks)).toEqual(recount());
    w.rec.commit();
    const t = w.rec.ticks - 1;
    expect(w.rec.series(M.identified)[t]).toBe(1);
    expect(w.rec.series(M.identified_ngo)[t]).toBe(1);
    expect(w.rec.series(M.cases_opened)[t]).toBe(opened);
  });

  it('opens a domestic case when found at the border, a cross-border one at deportation, and none without a broker', () => {
    const m = w.agents.migrants.cols;
    const victim = (broker: number) => {
      const id = firstIn(Status.home);
      move(w, id, Status.travelling);
      m.broker[id] = broker;
      return id;
    };
    identify(w, victim(1), 'identified_official', Place.border);
    const first = w.justice.cases.count;
    expect(first).toBeGreaterThan(0);
    expect(Array.from(w.justice.cases.cols.crossBorder.subarray(0, first)).every((x) => x === 0)).toBe(true);
    identify(w, victim(4), 'identified_deportation', Place.deportation);
    const second = w.justice.cases.count;
    // Brokers who already face an open case only gain a victim: new cases, if any, are cross-border.
    expect(Array.from(w.justice.cases.cols.crossBorder.subarray(first, second)).every((x) => x === 1)).toBe(true);
    expect(w.justice.cases.cols.crossBorder[w.agents.brokers.cols.openCase[4]!]).toBe(w.agents.brokers.cols.openCase[4]! < first ? 0 : 1);
    identify(w, victim(NO_ID), 'identified_patrol', Place.border);
    expect(w.justice.cases.count).toBe(second);
    expect(recorded(M.identified)).toBe(3);
  });
});

describe('openCase', () => {
  let calm: Scenario;
  beforeEach(async () => {
    calm ??= await scenarioWith((d) => setParam(d, 'suspectFlight', 0));
  });
  const world = (s: Scenario) => {
    const x = worldOf(createModel(s, { seed: 5, scale: 1000 }));
    x.week.cap = capabilities(() => 'coexistence', x.fixed.p);
    return x;
  };

  it('opens one case per broker at investigation; further victims join it, a witness among them marks it', () => {
    const x = world(calm);
    openCase(x, 3, 0, 0);
    expect(x.justice.cases.count).toBe(1);
    expect(x.justice.cases.cols.stage[0]).toBe(CaseStage.investigation);
    expect(x.justice.cases.cols.witness[0]).toBe(0);
    expect(x.agents.brokers.cols.openCase[3]).toBe(0);
    openCase(x, 3, 1, 0);
    openCase(x, 3, 0, 1);
    expect(x.justice.cases.count).toBe(1);
    expect(x.justice.cases.cols.witness[0]).toBe(1);
    expect(x.justice.cases.cols.crossBorder[0]).toBe(0);
    // Once closed, a new victim opens a new case.
    x.justice.cases.cols.stage[0] = CaseStage.closed;
    openCase(x, 3, 0, 0);
    expect(x.justice.cases.count).toBe(2);
    expect(x.agents.brokers.cols.openCase[3]).toBe(1);
    x.rec.commit();
    expect(x.rec.series(M.cases_opened)[0]).toBe(2);
  });

  it('opens no case against a convicted broker', () => {
    const x = world(calm);
    x.agents.brokers.cols.active[5] = 2;
    openCase(x, 5, 1, 1);
    expect(x.justice.cases.count).toBe(0);
  });

  it('sends for the evidence in Malaysia only where the stage allows it', () => {
    const x = world(calm);
    openCase(x, 0, 1, 0);
    expect(x.justice.cases.cols.evidence[0]).toBe(Evidence.failed);
    // Shared protocols recover failed requests, but only where requests can be made at all.
    x.week.evidenceGain = 1;
    openCase(x, 1, 1, 0);
    expect(x.justice.cases.cols.evidence[1]).toBe(Evidence.failed);
    x.week.cap = { ...x.week.cap, evidenceChance: 1e-9, evidenceWeeks: 10 };
    openCase(x, 2, 1, 0);
    expect(x.justice.cases.cols.evidence[2]).toBe(Evidence.pending);
    expect(x.justice.cases.cols.waitWeeks[2]).toBe(geometricWeeks(10, x.fixed.draws.caseTraits.once(2, 1)));
    openCase(x, 3, 0, 0);
    expect(x.justice.cases.cols.evidence[3]).toBe(Evidence.notNeeded);
    expect(x.justice.cases.cols.waitWeeks[3]).toBe(0);
  });

  it('closes the case of a suspect who flees across the line unless the stage lets suspects be returned', async () => {
    const x = world(await scenarioWith((d) => setParam(d, 'suspectFlight', 1)));
    openCase(x, 0, 0, 0);
    expect(x.justice.cases.cols.stage[0]).toBe(CaseStage.closed);
    x.week.cap = { ...x.week.cap, suspectReturn: 1, returnWeeks: 20 };
    openCase(x, 1, 0, 0);
    expect(x.justice.cases.cols.stage[1]).toBe(CaseStage.suspectAbroad);
    expect(x.justice.cases.cols.waitWeeks[1]).toBeGreaterThanOrEqual(1);
    // An arrested broker cannot flee.
    x.agents.brokers.cols.active[2] = 0;
    openCase(x, 2, 0, 0);
    expect(x.justice.cases.cols.stage[2]).toBe(CaseStage.investigation);
    x.rec.commit();
    expect(x.rec.series(M.suspects_fled)[0]).toBe(2);
    expect(x.rec.series(M.suspects_escaped)[0]).toBe(1);
  });
});

describe('updateHazardFactor', () => {
  it('is exp(βk·kin − βd·debt)', () => {
    const id = firstIn(Status.home);
    const m = w.agents.migrants.cols;
    m.kin[id] = 1;
    m.debt[id] = 2.5;
    updateHazardFactor(w, id);
    expect(m.hazardFactor[id]).toBeCloseTo(Math.exp(w.fixed.p.betaKin - w.fixed.p.betaDebt * 2.5), 5);
    m.kin[id] = 0;
    m.debt[id] = 0;
    updateHazardFactor(w, id);
    expect(m.hazardFactor[id]).toBe(1);
  });

  it("keeps the world's largest factor, the sweep's bound, at or above every person's", () => {
    const m = w.agents.migrants.cols;
    const largest = () => m.hazardFactor.subarray(0, w.agents.migrants.count).reduce((a, b) => Math.max(a, b), 0);
    expect(w.agents.hazardFactorMax).toBe(largest());
    const id = firstIn(Status.home);
    m.kin[id] = 40; // far above anyone's: the new largest
    updateHazardFactor(w, id);
    expect(w.agents.hazardFactorMax).toBe(m.hazardFactor[id]);
    m.kin[id] = 0;
    updateHazardFactor(w, id);
    // A bound: it does not fall when the largest factor does.
    expect(w.agents.hazardFactorMax).toBeGreaterThan(largest());
  });
});

describe('agents', () => {
  it('makes every migrant at home or abroad with attributes in their ranges', () => {
    const m = w.agents.migrants.cols;
    const bad: string[] = [];
    const check = (ok: boolean, id: number, what: string) => void (ok || bad.push(`${id}: ${what}`));
    const places: number[] = [Status.home, Status.workingRegular, Status.workingIrregular];
    for (let id = 0; id < w.agents.migrants.count; id++) {
      check(m.education[id]! <= 2, id, 'education');
      check(m.kin[id] === 0 || m.kin[id] === 1, id, 'kin');
      check(m.awareness[id]! >= 0 && m.awareness[id]! <= 1, id, 'awareness');
      check(m.wealth[id]! >= 0 && m.debt[id]! >= 0, id, 'wealth, debt');
      check(m.broker[id] === NO_ID, id, 'broker');
      check(!(w.fixed.input.origins[m.origin[id]!]!.far && m.docs[id] === Docs.borderPass), id, 'far origin with a border pass');
      check(places.includes(m.status[id]!), id, 'status');
    }
    expect(bad).toEqual([]);
  });

  it('makes the same person from the same id in every variant (common random numbers)', async () => {
    const variant = await scenarioWith((d) => {
      (d.params as Record<string, unknown>).h0 = { value: 0.0005, source: 'test' };
      d.interventions = [{ kind: 'ngoCooperation', start: '2019-01-07', intensity: 1 }];
    });
    const other = worldOf(createModel(variant, { seed: 5, scale: 1000 }));
    expect(other.agents.migrants.count).toBe(w.agents.migrants.count);
    const a = w.agents.migrants.add();
    const b = other.agents.migrants.add();
    expect(a).toBe(b);
    initPerson(w, a, 2);
    initPerson(other, b, 2);
    const m = w.agents.migrants.cols, o = other.agents.migrants.cols;
    for (const col of ['origin', 'education', 'kin', 'awareness', 'wealth', 'debt', 'docs', 'hazardFactor'] as const) {
      expect(m[col][a], col).toBe(o[col][b]);
      expect(Array.from(m[col].subarray(0, a)), col).toEqual(Array.from(o[col].subarray(0, b)));
    }
  });

  it('gives a broker ties only at official crossings reachable from its hub', () => {
    for (let hub = 0; hub < w.fixed.geo.hubIds.length; hub++) {
      const reachable = new Set(w.fixed.geo.pathsFromHub[hub]!.map((p) => p.crossing).filter((c) => w.fixed.geo.crossingKind[c] !== CrossingKind.informal));
      for (let k = 0; k < 20; k++) {
        const b = addBroker(w, hub, k % 2);
        expect(w.agents.brokers.cols.hub[b]).toBe(hub);
        expect(w.agents.brokers.cols.trafficker[b]).toBe(k % 2);
        expect(w.agents.brokers.cols.active[b]).toBe(1);
        expect(w.agents.brokers.cols.openCase[b]).toBe(NO_ID);
        const ties = w.agents.brokers.cols.ties[b]!;
        for (let c = 0; c < 32; c++) if (ties & (1 << c)) expect(reachable.has(c), `hub ${hub} tie at ${c}`).toBe(true);
      }
    }
  });

  it('gives officers propensities in [0, 1] averaging collusionMean, and posts them', () => {
    const post = w.fixed.geo.crossingIds.indexOf('aruk');
    const staff = w.agents.postOfficials[post]!.length;
    let sum = 0;
    const n = 3000;
    for (let k = 0; k < n; k++) {
      const id = addOfficial(w, post);
      const pr = w.agents.officials.cols.propensity[id]!;
      expect(pr).toBeGreaterThanOrEqual(0);
      expect(pr).toBeLessThanOrEqual(1);
      expect(w.agents.officials.cols.post[id]).toBe(post);
      sum += pr;
    }
    expect(w.agents.postOfficials[post]!.length).toBe(staff + n);
    expect(sum / n).toBeCloseTo(w.fixed.p.collusionMean, 1);
  });
});
