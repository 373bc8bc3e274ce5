/**
 * Identification and the task-force case pipeline. An identified victim goes to a shelter and
 * home; the case against the broker who brought them runs investigation → prosecution →
 * verdict, each stage with a geometric delay and a chance to go on. Evidence in Malaysia lowers
 * the chance of prosecution unless joint protocols bridge it. Convicted brokers are removed
 * and partly replaced by their networks; the acquitted go back to work.
 */
import { NO_ID, Status } from './codes.js';
import { arrestBrokers, replaceBroker } from './brokers.js';
import { draw, drawsFor, geometricWeeks, type World } from './world.js';

export type IdentifiedBy = 'identified_official' | 'identified_patrol' | 'identified_ngo' | 'identified_raid' | 'identified_deportation';

/** Records a victim as identified, sends them to a shelter and opens a case against their broker. */
export function identify(w: World, id: number, by: IdentifiedBy, inMalaysia: boolean): void {
  const m = w.migrants.cols;
  m.status[id] = Status.identified;
  m.weeksLeft[id] = geometricWeeks(w.p.shelterWeeks * (1 - w.p.protocolDelayCut * w.week.levels.operationalProtocols), draw(w, 'shelter', id));
  m.victim[id] = 0;
  m.identifiedBefore[id] = 1;
  w.rec.add('identified');
  w.rec.add(by);
  const broker = m.broker[id]!;
  if (broker !== NO_ID) openCase(w, broker, inMalaysia ? 1 : 0, 0);
  m.broker[id] = NO_ID;
}

function openCase(w: World, broker: number, crossBorder: number, stage: number): void {
  const k = w.cases.add();
  w.cases.cols.broker[k] = broker;
  w.cases.cols.stage[k] = stage;
  w.cases.cols.crossBorder[k] = crossBorder;
  w.rec.add('cases_opened');
}

/** Victims identified by NGOs and community networks in Malaysia this week. */
export function ngoIdentification(w: World): void {
  const q = w.q.toIdentify;
  for (let i = 0; i < q.length; i++) identify(w, q.ids[i]!, 'identified_ngo', true);
  q.clear();
}

export function advanceCases(w: World): void {
  const p = w.p;
  const L = w.week.levels;
  const cols = w.cases.cols;
  const b = w.brokers.cols;
  const speed = 1 / (1 - p.protocolDelayCut * L.operationalProtocols);
  const doneInvestigation = Math.min(1, speed / p.investigationWeeks);
  const doneProsecution = Math.min(1, speed / (p.prosecutionWeeks + p.trialWeeks));
  const penalty = p.crossBorderPenalty * (1 - p.protocolCrossBorderGain * L.operationalProtocols);
  const n = w.cases.count;
  for (let k = 0; k < n; k++) {
    const stage = cols.stage[k]!;
    if (stage === 2) continue;
    const broker = cols.broker[k]!;
    const u = drawsFor(w, 'justice', k);
    const t = w.week.index * 2;
    if (stage === 0) {
      if (u(t) >= doneInvestigation) continue;
      const chance = p.pProsecute * (cols.crossBorder[k] === 1 ? 1 - penalty : 1);
      if (u(t + 1) < chance) {
        cols.stage[k] = 1;
        w.rec.add('prosecutions');
        if (b.active[broker] === 1) {
          b.active[broker] = 0;
          w.rec.add('broker_arrests');
        }
      } else cols.stage[k] = 2;
    } else {
      if (u(t) >= doneProsecution) continue;
      cols.stage[k] = 2;
      if (u(t + 1) < p.pConvict) {
        w.rec.add('convictions');
        if (b.active[broker] !== 2) {
          b.active[broker] = 2; // 2: convicted, removed for good
          replaceBroker(w, broker);
        }
      } else {
        w.rec.add('acquittals');
        if (b.active[broker] === 0) b.active[broker] = 1;
      }
    }
  }
  // Arrests from policing and intelligence go straight to prosecution.
  for (const broker of arrestBrokers(w)) {
    w.rec.add('broker_arrests');
    w.rec.add('prosecutions');
    openCaseAtProsecution(w, broker);
  }
}

function openCaseAtProsecution(w: World, broker: number): void {
  const k = w.cases.add();
  w.cases.cols.broker[k] = broker;
  w.cases.cols.stage[k] = 1;
  w.cases.cols.crossBorder[k] = 0;
}
