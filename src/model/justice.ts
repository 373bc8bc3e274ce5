/**
 * Identification by NGOs and self-report, and the task-force case pipeline. The case against the
 * broker of an identified victim runs investigation → prosecution → verdict, each stage with a
 * geometric delay and a chance to go on. A cross-border case waits for the evidence held in
 * Malaysia when the stage allows it to be sent for, and loses part of its chance without it; a
 * suspect who fled waits to be returned; a victim's testimony raises the odds at prosecution and
 * at trial. Convicted brokers are removed and partly replaced by their networks; the acquitted go
 * back to work. Brokers are also arrested outside the victim pipeline (policing, intelligence).
 */
import { definePhase } from './phase.js';
import { CaseStage, Evidence, NO_ID, Place } from './codes.js';
import { M } from './metrics.js';
import type { World } from './state.js';
import { identify } from './transitions.js';
import { withOdds } from './work.js';

/** NGOs and self-reports identify victims; cases are opened against their brokers. */
export const ngoPhase = definePhase('ngoIdentification', { reads: ['fixed', 'week'], writes: ['agents', 'justice', 'queues', 'rec'] }, ngoIdentification);
/** Cases advance: investigation, evidence, prosecution, verdict. */
export const justicePhase = definePhase('justice', { reads: ['fixed', 'week'], writes: ['agents', 'justice', 'rec'] }, advanceCases);

/** Victims found by NGOs and community networks in Malaysia, and those who reported themselves on escaping. */
export function ngoIdentification(w: World): void {
  const q = w.queues.toIdentify;
  for (let i = 0; i < q.length; i++) identify(w, q.ids[i]!, 'identified_ngo', Place.malaysia);
  q.clear();
  const s = w.queues.selfReported;
  for (let i = 0; i < s.length; i++) identify(w, s.ids[i]!, 'identified_self', Place.malaysia);
  s.clear();
}

/** Weekly chance a case stage with mean delay `weeks` completes, at a given speed. */
export function stageCompletion(speed: number, weeks: number): number {
  return Math.min(1, speed / weeks);
}

/** Chance an investigated case is prosecuted: less without the foreign evidence, more with a witness. */
export function prosecutionChance(p: World['fixed']['p'], crossBorder: boolean, evidence: number, witness: boolean): number {
  const base = p.pProsecute * (crossBorder && evidence === Evidence.failed ? 1 - p.crossBorderPenalty : 1);
  return witness ? withOdds(base, p.testimonyGain) : base;
}

export function advanceCases(w: World): void {
  const p = w.fixed.p;
  const wk = w.week;
  const cols = w.justice.cases.cols;
  const b = w.agents.brokers.cols;
  const doneInvestigation = stageCompletion(wk.caseSpeed, p.investigationWeeks);
  const doneProsecution = stageCompletion(wk.caseSpeed, p.prosecutionWeeks + p.trialWeeks);
  const n = w.justice.cases.count;
  const draws = w.fixed.draws.justice;
  const t = wk.index;
  for (let k = 0; k < n; k++) {
    const stage = cols.stage[k]!;
    if (stage === CaseStage.closed) continue;
    // Waiting costs: a case waiting for evidence or a suspect may collapse (witnesses leave, trails go cold).
    if (cols.waitWeeks[k]! > 0 && w.fixed.draws.caseAttrition.u(k, t) < p.caseAttritionWeekly) {
      cols.stage[k] = CaseStage.closed;
      w.rec.add(M.cases_collapsed);
      continue;
    }
    if (cols.waitWeeks[k]! > 0 && --cols.waitWeeks[k]! === 0) {
      if (cols.evidence[k] === Evidence.pending) {
        cols.evidence[k] = Evidence.arrived;
        w.rec.add(M.evidence_received);
      }
      if (stage === CaseStage.suspectAbroad) {
        cols.stage[k] = CaseStage.investigation;
        w.rec.add(M.suspects_returned);
      }
    }
    if (cols.stage[k] === CaseStage.suspectAbroad || cols.evidence[k] === Evidence.pending) continue;
    const broker = cols.broker[k]!;
    const crossBorder = cols.crossBorder[k] === 1;
    const witness = cols.witness[k] === 1;
    if (cols.stage[k] === CaseStage.investigation) {
      if (draws.u(k, t, 0) >= doneInvestigation) continue;
      if (draws.u(k, t, 1) < prosecutionChance(p, crossBorder, cols.evidence[k]!, witness)) {
        cols.stage[k] = CaseStage.prosecution;
        w.rec.add(M.prosecutions);
        if (crossBorder) w.rec.add(M.prosecutions_cross_border);
        if (b.active[broker] === 1) {
          b.active[broker] = 0;
          b.arrestedAt[broker] = t;
          w.rec.add(M.broker_arrests);
        }
      } else cols.stage[k] = CaseStage.closed;
    } else {
      if (draws.u(k, t, 0) >= doneProsecution) continue;
      cols.stage[k] = CaseStage.closed;
      if (draws.u(k, t, 1) < (witness ? withOdds(p.pConvict, p.testimonyGain) : p.pConvict)) {
        w.rec.add(M.convictions);
        if (crossBorder) w.rec.add(M.convictions_cross_border);
        // 2: convicted, removed for good (whether someone takes the place is the market's: market.ts).
        b.active[broker] = 2;
      } else {
        w.rec.add(M.acquittals);
        if (b.active[broker] === 0) b.active[broker] = 1;
      }
    }
  }
  // Arrests from policing and shared trafficker lists go straight to prosecution.
  const chance = wk.brokerArrestChance;
  const nb = w.agents.brokers.count;
  for (let id = 0; id < nb; id++) if (b.active[id] === 1 && w.fixed.draws.arrest.u(id, wk.index) < chance) arrestBroker(w, id);
}

/**
 * A broker arrested outside a victim's case (policing, intelligence, a watch list): prosecuted at
 * once — in the case already open against them, if there is one.
 */
export function arrestBroker(w: World, broker: number): void {
  const c = w.justice.cases.cols;
  w.agents.brokers.cols.active[broker] = 0;
  w.agents.brokers.cols.arrestedAt[broker] = w.week.index;
  w.rec.add(M.broker_arrests);
  const open = w.agents.brokers.cols.openCase[broker]!;
  if (open !== NO_ID && c.stage[open] !== CaseStage.closed) {
    if (c.stage[open] !== CaseStage.prosecution) {
      c.stage[open] = CaseStage.prosecution;
      w.rec.add(M.prosecutions);
    }
    return;
  }
  w.rec.add(M.prosecutions);
  const k = w.justice.cases.add();
  w.agents.brokers.cols.openCase[broker] = k;
  c.broker[k] = broker;
  c.stage[k] = CaseStage.prosecution;
  c.crossBorder[k] = 0;
  c.evidence[k] = Evidence.notNeeded;
  c.witness[k] = 0;
  c.waitWeeks[k] = 0;
}
