/**
 * Brokers ("calo") take on those who seek them, then approach residents in their reach with the
 * capacity left. A trafficking broker may deceive (false job, hidden debt); a broker with access
 * supplies fraudulent papers through the non-resident ID loophole.
 */
import { power } from '../core/power.js';
import { definePhase } from './phase.js';
import { Channel, Docs, Status } from './codes.js';
import { M } from './metrics.js';
import type { Params } from './parameters.js';
import { MAX_APPROACHES } from './draws.js';
import { labourDemandOf, networkReach } from './market.js';
import { draw, roundStochastic, type World } from './state.js';
import { move, startTimer } from './transitions.js';

/** Brokers take on seekers, then approach residents with the capacity left. */
export const recruitmentPhase = definePhase('recruitment', { reads: ['fixed', 'week'], writes: ['agents', 'queues', 'rec'] }, recruit);

/**
 * Active broker ids at each hub, traffickers first, each group in id order. A recruit picks a
 * broker by a draw of its own along this list, so when an arrest or a conviction removes one
 * broker, the others' recruits mostly keep a broker of the same intent: comparisons stay paired.
 */
function activeByHub(w: World): number[][] {
  const b = w.agents.brokers.cols;
  const out: number[][] = w.fixed.geo.hubIds.map(() => []);
  for (const intent of [1, 0]) for (let id = 0; id < w.agents.brokers.count; id++) if (b.active[id] === 1 && b.trafficker[id] === intent) out[b.hub[id]!]!.push(id);
  return out;
}

/** What is left of the acceptance of broker offers when residents are approached `perResidentYearly` times a year: 1 / (1 + that / outreachSaturation). */
export function outreachSaturation(p: Params, perResidentYearly: number): number {
  return 1 / (1 + perResidentYearly / p.outreachSaturation);
}

/** Employers' unmet demand for labour where a hub's paths lead (1 = as in 2019): the states weighted by the hub's paths to them. */
function hubDemand(w: World, hub: number): number {
  const paths = w.fixed.geo.pathsFromHub[hub]!;
  if (!paths.length) return 1;
  let sum = 0;
  for (const pa of paths) sum += labourDemandOf(w, pa.destination);
  return sum / paths.length;
}

/** Hub whose brokers serve a migrant: the hub of its origin, or the hub it is stranded at. */
function hubOf(w: World, id: number): number {
  const m = w.agents.migrants.cols;
  return m.start[id] === 1 ? m.startNode[id]! : w.fixed.geo.originHub[m.origin[id]!]!;
}

/** Terms of a broker's deal: deception, debt, papers. */
function engage(w: World, id: number, broker: number): void {
  const m = w.agents.migrants.cols;
  const b = w.agents.brokers.cols;
  const p = w.fixed.p;
  const wk = w.week;
  const o = m.origin[id]!;
  const a = Math.min(1, m.awareness[id]! + wk.awarenessBoost);
  m.broker[id] = broker;
  m.channel[id] = Channel.broker;
  // Moving a person costs the broker now; it is paid when the person is delivered (crossing.ts).
  b.earned[broker]! -= p.brokerCostPerRecruitIdr * w.fixed.scale;
  move(w, id, Status.recruited);
  // Uniform around the mean wait: brokerWaitWeeks · U(1 − spread, 1 + spread).
  startTimer(w, id, Math.max(1, Math.round(p.brokerWaitWeeks * (1 - p.brokerWaitSpread + 2 * p.brokerWaitSpread * draw(w, 'recruitWait', id)))));
  const deceived = b.trafficker[broker] === 1 && draw(w, 'deception', id) < p.deceptionSkill * (1 - a);
  m.deceived[id] = deceived ? 1 : 0;
  if (deceived) w.rec.add(M.deceived);
  // Debt in months of origin wage; a deceiving broker hides a larger one.
  const debtIdr = p.brokerDebtIdr * (deceived ? p.deceptionDebtMultiplier : 1);
  m.debt[id] = m.debt[id]! + debtIdr / wk.originWageIdr[o]!;
  if (m.docs[id] !== Docs.passport && b.fraudAccess[broker] === 1 && draw(w, 'documents', id) < wk.fraudDocChance) {
    m.docs[id] = Docs.fraudulent;
    w.rec.add(M.fraudulent_documents);
  }
  // Channel counts are of departures from home; deportees re-crossing are counted as re_crossings.
  if (m.start[id] === 0) {
    w.rec.add(M.channel_broker);
    if (w.fixed.input.origins[o]!.far) w.rec.add(M.channel_broker_far);
  }
}

/**
 * Brokers take on those who seek them, then approach residents in their reach with the capacity
 * left. Capacity is pooled per hub (all active brokers there) and counted in agents — a broker's
 * capacity in persons divided by the scale — so results do not depend on the scale.
 */
export function recruit(w: World): void {
  const m = w.agents.migrants.cols;
  const b = w.agents.brokers.cols;
  const p = w.fixed.p;
  const t = w.week.index;
  const wk = w.week;
  const byHub = activeByHub(w);

  const seekers = w.queues.seekers;
  const pending: number[][] = w.fixed.geo.hubIds.map(() => []);
  for (let i = 0; i < seekers.length; i++) pending[hubOf(w, seekers.ids[i]!)]!.push(seekers.ids[i]!);
  seekers.clear();

  const origins = w.fixed.input.origins;
  byHub.forEach((pool, hub) => {
    // Employers short of workers pay brokers to move more and to reach further.
    const demand = power(hubDemand(w, hub), p.demandReachElasticity);
    const weekly = (p.brokerCapacityPerMonth * 12 * demand) / 52 / w.fixed.scale;
    const capacity = pool.length * weekly;
    let slots = roundStochastic(capacity, w.fixed.draws.brokerCapacity.u(hub, t));
    for (const id of pending[hub]!) {
      if (slots === 0) {
        // No broker free: go with kin if there are any, else stay home this time.
        if (m.kin[id] === 1 || m.start[id] === 1) {
          m.channel[id] = Channel.kin;
          move(w, id, Status.preparing);
          w.queues.ready.push(id);
          if (m.start[id] === 0) {
            w.rec.add(M.channel_kin);
            if (origins[m.origin[id]!]!.far) w.rec.add(M.channel_kin_far);
          }
        } else {
          move(w, id, Status.home);
          m.channel[id] = Channel.none;
          w.rec.add(M.no_broker_found);
        }
        continue;
      }
      slots--;
      engage(w, id, pool[Math.floor(draw(w, 'brokerPick', id) * pool.length)]!);
    }

    // Outreach with what is left: residents of the origins the hub serves are approached.
    const served = origins.map((_, oi) => oi).filter((oi) => w.fixed.geo.originHub[oi] === hub && w.agents.originCount[oi]! > 0);
    if (!served.length || !pool.length) return;
    const weights = served.map((oi) => w.agents.originCount[oi]!);
    const total = weights.reduce((s, x) => s + x, 0);
    // Keyed by (hub, week, approach): the same doors are knocked on in every variant.
    const u = (slot: number) => w.fixed.draws.outreach.u(hub, t, slot);
    // Each broker reaches further the more people it has moved (kin and village ties).
    let reach = 0;
    for (const broker of pool) reach += networkReach(p, b.moved[broker]!);
    const outreach = (reach * p.brokerOutreachPerWeek * demand) / w.fixed.scale;
    // Approaches are not recruits: a broker knocks on more doors than it can fill; the capacity left binds on those who accept.
    const approaches = Math.min(MAX_APPROACHES, roundStochastic(outreach, u(0)));
    let room = slots; // what the seekers left of the week's capacity
    // The same villages approached again and again yield less: acceptance falls with the approaches per resident a year.
    const saturation = outreachSaturation(p, (approaches * 52) / total);
    // Once the capacity is filled no approach can recruit; the draws are keyed, so stopping there changes nothing.
    for (let a = 0; a < approaches && room > 0; a++) {
      let x = u(1 + 4 * a) * total;
      let j = 0;
      while (x >= weights[j]! && j < served.length - 1) x -= weights[j++]!;
      const oi = served[j]!;
      const id = w.agents.originFirst[oi]! + Math.floor(u(2 + 4 * a) * w.agents.originCount[oi]!);
      if (m.status[id] !== Status.home) continue;
      const broker = pool[Math.floor(u(4 + 4 * a) * pool.length)]!;
      const aw = Math.min(1, m.awareness[id]! + wk.awarenessBoost);
      const lure = b.trafficker[broker] === 1 ? 1 + p.deceptionInflation * (1 - aw) : 1;
      if (u(3 + 4 * a) < Math.min(1, p.offerAcceptance * saturation * (1 - aw) * lure)) {
        room--;
        m.start[id] = 0;
        m.startNode[id] = oi;
        engage(w, id, broker);
        w.rec.add(M.departures);
        w.rec.add(M.recruited_by_outreach);
      }
    }
  });
}
