/**
 * Identification by NGOs and the task-force case pipeline. The case against the broker of an
 * identified victim runs investigation → prosecution → verdict, each stage with a geometric
 * delay and a chance to go on. Evidence in Malaysia lowers the chance of prosecution. Convicted
 * brokers are removed and partly replaced by their networks; the acquitted go back to work.
 * Brokers are also arrested outside the victim pipeline (policing, intelligence).
 */
import { addBroker } from './agents.js';
import { M } from './metrics.js';
import type { World } from './state.js';
import { identify, openCase } from './transitions.js';

/** Victims identified by NGOs and community networks in Malaysia this week. */
export function ngoIdentification(w: World): void {
  const q = w.q.toIdentify;
  for (let i = 0; i < q.length; i++) identify(w, q.ids[i]!, 'identified_ngo', true);
  q.clear();
}

/** Weekly chance a case stage with mean delay `weeks` completes, at a given speed. */
export function stageCompletion(speed: number, weeks: number): number {
  return Math.min(1, speed / weeks);
}

export function advanceCases(w: World): void {
  const p = w.p;
  const wk = w.week;
  const cols = w.cases.cols;
  const b = w.brokers.cols;
  const doneInvestigation = stageCompletion(wk.caseSpeed, p.investigationWeeks);
  const doneProsecution = stageCompletion(wk.caseSpeed, p.prosecutionWeeks + p.trialWeeks);
  const penalty = wk.crossBorderPenalty;
  const n = w.cases.count;
  for (let k = 0; k < n; k++) {
    const stage = cols.stage[k]!;
    if (stage === 2) continue;
    const broker = cols.broker[k]!;
    const u = (slot: number) => w.draws.justice.u(k, wk.index, slot);
    if (stage === 0) {
      if (u(0) >= doneInvestigation) continue;
      const chance = p.pProsecute * (cols.crossBorder[k] === 1 ? 1 - penalty : 1);
      if (u(1) < chance) {
        cols.stage[k] = 1;
        w.rec.add(M.prosecutions);
        if (b.active[broker] === 1) {
          b.active[broker] = 0;
          w.rec.add(M.broker_arrests);
        }
      } else cols.stage[k] = 2;
    } else {
      if (u(0) >= doneProsecution) continue;
      cols.stage[k] = 2;
      if (u(1) < p.pConvict) {
        w.rec.add(M.convictions);
        if (b.active[broker] !== 2) {
          b.active[broker] = 2; // 2: convicted, removed for good
          replaceBroker(w, broker);
        }
      } else {
        w.rec.add(M.acquittals);
        if (b.active[broker] === 0) b.active[broker] = 1;
      }
    }
  }
  // Arrests from policing and intelligence go straight to prosecution.
  for (const broker of arrestBrokers(w)) {
    w.rec.add(M.broker_arrests);
    w.rec.add(M.prosecutions);
    openCase(w, broker, 0, 1);
  }
}

/** Arrests outside the victim-case pipeline (policing, intelligence). */
function arrestBrokers(w: World): number[] {
  const b = w.brokers.cols;
  const chance = w.week.brokerArrestChance;
  const arrested: number[] = [];
  const n = w.brokers.count;
  for (let id = 0; id < n; id++) {
    if (b.active[id] === 1 && w.draws.arrest.u(id, w.week.index) < chance) {
      b.active[id] = 0;
      arrested.push(id);
    }
  }
  return arrested;
}

/** A network replaces a convicted broker with the given chance: a new id, never a reused one. */
function replaceBroker(w: World, removed: number): void {
  if (w.draws.replacement.once(removed) < w.p.brokerReplacement) {
    const b = w.brokers.cols;
    addBroker(w, b.hub[removed]!, b.trafficker[removed]!);
    w.rec.add(M.brokers_replaced);
  }
}
