/**
 * Rules of justice.ts: the weekly chance a case stage completes, the prosecution chance, and the
 * case pipeline (evidence from Malaysia, fled suspects, cases that collapse while they wait, arrests
 * outside a victim's case, the week of a broker's arrest that the broker market sees).
 */
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { CaseStage, Evidence, NO_ID, Status } from '../../src/model/codes.js';
import { capabilities } from '../../src/model/cooperation.js';
import { advanceCases, arrestBroker, ngoIdentification, prosecutionChance, stageCompletion } from '../../src/model/justice.js';
import { M } from '../../src/model/metrics.js';
import { createModel, worldOf } from '../../src/model/model.js';
import type { World } from '../../src/model/state.js';
import { move, openCase } from '../../src/model/transitions.js';
import { withOdds } from '../../src/model/work.js';
import type { Scenario } from '../../src/scenario/load.js';
import type { Draft } from 'immer';
import type { ScenarioInput } from '../../src/scenario/schema.js';
import { firstWeek, scenarioWith as baselineWith, setP, setParam, weekCounts } from './helpers.js';

/** The baseline without its spin-up, so that a rule is seen from the first week. */
const scenarioWith = (change?: (d: Draft<ScenarioInput>) => void) =>
  baselineWith((d) => {
    d.spinUpWeeks = 0;
    change?.(d);
  });

describe('stageCompletion', () => {
  it('is speed / mean weeks on hand-computed cases', () => {
    expect(stageCompletion(1, 4)).toBe(0.25);
    expect(stageCompletion(2, 4)).toBe(0.5);
    expect(stageCompletion(1, 36)).toBeCloseTo(1 / 36, 15);
    expect(stageCompletion(1 / (1 - 0.4), 12)).toBeCloseTo(1 / 7.2, 12);
  });

  it('is capped at 1 (a delay under a week, or an infinite speed)', () => {
    expect(stageCompletion(10, 4)).toBe(1);
    expect(stageCompletion(1, 0.5)).toBe(1);
    expect(stageCompletion(Infinity, 12)).toBe(1);
  });

  it('lies in [0, 1], rises with speed and falls with the delay', () => {
    fc.assert(
      fc.property(fc.double({ min: 0, max: 10, noNaN: true }), fc.double({ min: 0.1, max: 200, noNaN: true }), fc.double({ min: 0, max: 5, noNaN: true }), (s, wk, d) => {
        const x = stageCompletion(s, wk);
        expect(x).toBeGreaterThanOrEqual(0);
        expect(x).toBeLessThanOrEqual(1);
        expect(stageCompletion(s + d, wk)).toBeGreaterThanOrEqual(x);
        expect(stageCompletion(s, wk + d)).toBeLessThanOrEqual(x);
      }),
    );
  });
});

describe('prosecutionChance', () => {
  const p = { pProsecute: 0.5, crossBorderPenalty: 0.4, testimonyGain: 3 } as unknown as World['fixed']['p'];

  it('loses the cross-border penalty only when the evidence from Malaysia failed', () => {
    expect(prosecutionChance(p, false, Evidence.notNeeded, false)).toBe(0.5);
    expect(prosecutionChance(p, true, Evidence.failed, false)).toBeCloseTo(0.3, 12);
    for (const e of [Evidence.pending, Evidence.arrived, Evidence.notNeeded]) expect(prosecutionChance(p, true, e, false)).toBe(0.5);
    expect(prosecutionChance(p, false, Evidence.failed, false)).toBe(0.5);
  });

  it('multiplies the odds by testimonyGain with a witness', () => {
    expect(prosecutionChance(p, false, Evidence.notNeeded, true)).toBeCloseTo(0.75, 12);
    expect(prosecutionChance(p, true, Evidence.failed, true)).toBeCloseTo(0.5625, 12);
    expect(prosecutionChance(p, true, Evidence.failed, true)).toBeCloseTo(withOdds(0.3, 3), 15);
  });

  it('lies in [0, 1] and a witness never lowers it when the gain is at least 1', () => {
    fc.assert(
      fc.property(fc.double({ min: 0, max: 1, noNaN: true }), fc.double({ min: 0, max: 1, noNaN: true }), fc.double({ min: 1, max: 10, noNaN: true }), fc.boolean(), (pr, pen, gain, failed) => {
        const q = { pProsecute: pr, crossBorderPenalty: pen, testimonyGain: gain } as unknown as World['fixed']['p'];
        const e = failed ? Evidence.failed : Evidence.arrived;
        const without = prosecutionChance(q, true, e, false);
        const withW = prosecutionChance(q, true, e, true);
        expect(without).toBeGreaterThanOrEqual(0);
        expect(withW).toBeLessThanOrEqual(1);
        expect(withW).toBeGreaterThanOrEqual(without - 1e-15);
        expect(prosecutionChance(q, true, Evidence.failed, false)).toBeLessThanOrEqual(prosecutionChance(q, false, Evidence.failed, false));
      }),
    );
  });
});

describe('the case pipeline in a model state', () => {
  let sure: Scenario;
  let w: World;
  const recorded = (slot: number): number => {
    w.rec.commit();
    return w.rec.series(slot)[w.rec.ticks - 1]!;
  };

  beforeAll(async () => {
    // Every step certain, no suspect flees, no case collapses while waiting, no arrests outside cases.
    sure = await scenarioWith((d) => {
      setParam(d, 'investigationWeeks', 1);
      setParam(d, 'prosecutionWeeks', 0.5);
      setParam(d, 'trialWeeks', 0.5);
      setParam(d, 'pProsecute', 1);
      setParam(d, 'pConvict', 1);
      setParam(d, 'brokerArrestRate', 0);
      setParam(d, 'caseAttritionWeekly', 0);
      setParam(d, 'suspectFlight', 0);
      setParam(d, 'crossBorderPenalty', 1);
    });
  });
  const fresh = () => {
    w = worldOf(createModel(sure, { seed: 1, scale: 1000 }));
    w.week.index = 0;
    w.week.caseSpeed = 1;
    w.week.brokerArrestChance = 0;
    w.week.cap = capabilities(() => 'coexistence', w.fixed.p);
  };

  it('takes a case from investigation to a conviction when every step is certain', () => {
    fresh();
    const brokers = w.agents.brokers.count;
    openCase(w, 0, 0, 0);
    expect(w.justice.cases.cols.stage[0]).toBe(CaseStage.investigation);
    expect(w.justice.cases.cols.evidence[0]).toBe(Evidence.notNeeded);
    advanceCases(w);
    expect(w.justice.cases.cols.stage[0]).toBe(CaseStage.prosecution);
    expect(w.agents.brokers.cols.active[0]).toBe(0);
    expect(w.agents.brokers.cols.arrestedAt[0]).toBe(0); // arrested in week 0, when prosecuted
    w.week.index = 1;
    advanceCases(w);
    expect(w.justice.cases.cols.stage[0]).toBe(CaseStage.closed);
    expect(w.agents.brokers.cols.active[0]).toBe(2);
    expect(w.agents.brokers.cols.arrestedAt[0]).toBe(0); // a conviction is no new arrest
    // Not replaced: whether someone takes the place is the broker market's (market.ts).
    expect(w.agents.brokers.count).toBe(brokers);
    w.rec.commit();
    for (const m of ['cases_opened', 'prosecutions', 'broker_arrests', 'convictions'] as const) expect(w.rec.series(M[m])[0], m).toBe(1);
    expect(w.rec.series(M.cases_collapsed)[0]).toBe(0);
    expect(w.rec.series(M.prosecutions_cross_border)[0]).toBe(0);
  });

  it('closes a cross-border case without prosecution when no evidence comes and the whole chance is lost without it', () => {
    fresh();
    openCase(w, 0, 1, 0);
    expect(w.justice.cases.cols.evidence[0]).toBe(Evidence.failed); // nothing can be sent for at coexistence
    advanceCases(w);
    expect(w.justice.cases.cols.stage[0]).toBe(CaseStage.closed);
    expect(w.agents.brokers.cols.active[0]).toBe(1);
  });

  it('waits for evidence sent for from Malaysia, then goes on with it', () => {
    fresh();
    w.week.cap = { ...w.week.cap, evidenceChance: 1, evidenceWeeks: 5 };
    openCase(w, 0, 1, 0);
    expect(w.justice.cases.cols.evidence[0]).toBe(Evidence.pending);
    const wait = w.justice.cases.cols.waitWeeks[0]!;
    expect(wait).toBeGreaterThanOrEqual(1);
    for (let k = 1; k < wait; k++) {
      advanceCases(w);
      expect(w.justice.cases.cols.stage[0]).toBe(CaseStage.investigation);
      expect(w.justice.cases.cols.evidence[0]).toBe(Evidence.pending);
    }
    advanceCases(w);
    expect(w.justice.cases.cols.evidence[0]).toBe(Evidence.arrived);
    expect(w.justice.cases.cols.stage[0]).toBe(CaseStage.prosecution); // the full chance, with the evidence
    expect(recorded(M.evidence_received)).toBe(1);
    expect(w.rec.series(M.prosecutions_cross_border)[0]).toBe(1);
  });

  it('brings a returned suspect back to investigation after the wait', () => {
    fresh();
    const k = w.justice.cases.add();
    w.justice.cases.cols.broker[k] = 3;
    w.justice.cases.cols.stage[k] = CaseStage.suspectAbroad;
    w.justice.cases.cols.evidence[k] = Evidence.notNeeded;
    w.justice.cases.cols.waitWeeks[k] = 2;
    advanceCases(w);
    expect(w.justice.cases.cols.stage[k]).toBe(CaseStage.suspectAbroad);
    advanceCases(w);
    // Returned, then investigated in the same week (completion is certain here).
    expect(w.justice.cases.cols.stage[k]).toBe(CaseStage.prosecution);
    expect(recorded(M.suspects_returned)).toBe(1);
  });

  it('prosecutes a broker arrested outside a victim’s case at once, without opening a case', () => {
    fresh();
    w.week.index = 7;
    expect(w.agents.brokers.cols.arrestedAt[2]).toBe(-1); // never arrested
    arrestBroker(w, 2);
    expect(w.agents.brokers.cols.active[2]).toBe(0);
    expect(w.agents.brokers.cols.arrestedAt[2]).toBe(7);
    expect(w.justice.cases.count).toBe(1);
    expect(w.justice.cases.cols.stage[0]).toBe(CaseStage.prosecution);
    expect(w.agents.brokers.cols.openCase[2]).toBe(0);
    // A victim of the same broker joins the open case.
    openCase(w, 2, 0, 1);
    expect(w.justice.cases.count).toBe(1);
    expect(w.justice.cases.cols.witness[0]).toBe(1);
    w.rec.commit();
    expect(w.rec.series(M.broker_arrests)[0]).toBe(1);
    expect(w.rec.series(M.prosecutions)[0]).toBe(1);
    expect(w.rec.series(M.cases_opened)[0]).toBe(0);
  });

  /**
   * openCase keeps one open case per broker (further victims join it). A broker under
   * investigation is still active, so the policing arrest draw can pick them: the arrest must
   * move the open case to prosecution, not open a second one (once a bug: both reached a verdict
   * and were counted twice).
   */
  it('keeps at most one open case per broker when a broker under investigation is arrested by policing', () => {
    fresh();
    w.week.cap = { ...w.week.cap, evidenceChance: 1, evidenceWeeks: 30 };
    openCase(w, 0, 1, 0); // waiting for evidence from Malaysia: under investigation, still active
    expect(w.agents.brokers.cols.active[0]).toBe(1);
    w.week.brokerArrestChance = 1;
    advanceCases(w);
    const open = Array.from({ length: w.justice.cases.count }, (_, k) => k).filter((k) => w.justice.cases.cols.broker[k] === 0 && w.justice.cases.cols.stage[k] !== CaseStage.closed);
    expect(open).toHaveLength(1);
  });

  it('a case waiting for evidence or for a suspect collapses when caseAttritionWeekly is 1, and never when it is 0', () => {
    fresh();
    w.week.cap = { ...w.week.cap, evidenceChance: 1, evidenceWeeks: 5 };
    openCase(w, 0, 1, 0); // waiting for evidence from Malaysia
    const fled = w.justice.cases.add();
    w.justice.cases.cols.broker[fled] = 3;
    w.justice.cases.cols.stage[fled] = CaseStage.suspectAbroad;
    w.justice.cases.cols.evidence[fled] = Evidence.notNeeded;
    w.justice.cases.cols.waitWeeks[fled] = 4;
    openCase(w, 5, 0, 0); // not waiting: goes on
    const going = w.agents.brokers.cols.openCase[5]!;
    expect(w.justice.cases.cols.waitWeeks[0]).toBeGreaterThan(1);
    setP(w, { caseAttritionWeekly: 1 });
    advanceCases(w);
    expect([w.justice.cases.cols.stage[0], w.justice.cases.cols.stage[fled]]).toEqual([CaseStage.closed, CaseStage.closed]);
    expect(w.justice.cases.cols.stage[going]).toBe(CaseStage.prosecution);
    // The broker under investigation stays free; nothing is prosecuted from a collapsed case.
    expect(w.agents.brokers.cols.active[0]).toBe(1);
    expect(recorded(M.cases_collapsed)).toBe(2);
    expect(w.rec.series(M.evidence_received)[0]).toBe(0);
    expect(w.rec.series(M.prosecutions)[0]).toBe(1);
    // At 0, the same waiting cases run their course.
    fresh();
    w.week.cap = { ...w.week.cap, evidenceChance: 1, evidenceWeeks: 5 };
    openCase(w, 0, 1, 0);
    setP(w, { caseAttritionWeekly: 0 });
    advanceCases(w);
    expect(w.justice.cases.cols.stage[0]).toBe(CaseStage.investigation);
    expect(recorded(M.cases_collapsed)).toBe(0);
  });

  it('a waiting case collapses in a week exactly when its draw of the week lies below caseAttritionWeekly', () => {
    fresh();
    w.week.cap = { ...w.week.cap, evidenceChance: 1, evidenceWeeks: 200 };
    const waiting = Array.from({ length: 60 }, (_, b) => {
      openCase(w, b, 1, 0);
      return w.agents.brokers.cols.openCase[b]!;
    });
    for (const k of waiting) w.justice.cases.cols.waitWeeks[k] = 50; // all still waiting after these weeks
    setP(w, { caseAttritionWeekly: 0.1 });
    let open = [...waiting];
    for (let t = 0; t < 4; t++) {
      w.week.index = t;
      const collapse = open.filter((k) => w.fixed.draws.caseAttrition.u(k, t) < 0.1);
      advanceCases(w);
      for (const k of waiting) expect(w.justice.cases.cols.stage[k], `case ${k} week ${t}`).toBe(open.includes(k) && !collapse.includes(k) ? CaseStage.investigation : CaseStage.closed);
      open = open.filter((k) => !collapse.includes(k));
    }
    expect(open.length).toBeLessThan(waiting.length - 5);
    expect(open.length).toBeGreaterThan(20);
  });

  it('arrests active brokers outside cases with the week’s arrest chance', () => {
    fresh();
    w.week.brokerArrestChance = 1;
    const active = Array.from(w.agents.brokers.cols.active.subarray(0, w.agents.brokers.count)).filter((a) => a === 1).length;
    advanceCases(w);
    expect(w.justice.cases.count).toBe(active);
    expect(Array.from(w.agents.brokers.cols.active.subarray(0, w.agents.brokers.count)).every((a) => a === 0)).toBe(true);
  });
});

describe('ngoIdentification', () => {
  it('identifies those NGOs reached and those who reported themselves, each counted by who found them, and opens cases against their brokers', async () => {
    const w = firstWeek(await scenarioWith(), { seed: 2 });
    const m = w.agents.migrants.cols;
    const ids = Array.from({ length: 10 }, (_, k) => k);
    for (const id of ids) {
      move(w, id, Status.exploited);
      m.victim[id] = 1;
      m.broker[id] = id < 3 ? 100 + id : NO_ID;
      (id < 6 ? w.queues.toIdentify : w.queues.selfReported).push(id);
    }
    ngoIdentification(w);
    for (const id of ids) {
      expect([m.status[id], m.victim[id], m.identifiedBefore[id], m.broker[id]]).toEqual([Status.identified, 0, 1, NO_ID]);
    }
    // A case against each of the three brokers (found in Malaysia: cross-border), and the co-victims' (scale − 1 each).
    for (const b of [100, 101, 102]) {
      const k = w.agents.brokers.cols.openCase[b]!;
      expect(k).not.toBe(NO_ID);
      expect([w.justice.cases.cols.broker[k], w.justice.cases.cols.crossBorder[k]]).toEqual([b, 1]);
    }
    const n = weekCounts(w);
    expect([n('identified_ngo'), n('identified_self'), n('identified')]).toEqual([6, 4, 10]);
    expect([w.queues.toIdentify.length, w.queues.selfReported.length]).toEqual([0, 0]);
  });
});
