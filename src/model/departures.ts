/**
 * Those set on leaving choose how: procedural placement, a broker, or (with kin across) a
 * kin-assisted crossing — a multinomial logit. Far-origin migrants arrive at their hub here too.
 */
import { definePhase } from './phase.js';
import { Channel, Docs, NO_ID, Status } from './codes.js';
import { CrossingKind } from './geography.js';
import { initPerson } from './agents.js';
import { M } from './metrics.js';
import { draw, geometricWeeks, roundStochastic, type World } from './state.js';
import { move, startTimer } from './transitions.js';

/** Arrivals from far origins, who come by sea through the hubs. */
export const farInflowPhase = definePhase('farInflow', { reads: ['fixed', 'week'], writes: ['agents', 'queues', 'rec'] }, farInflow);
/** Those leaving choose a channel: procedural placement, a broker, or kin. */
export const channelPhase = definePhase('channelChoice', { reads: ['fixed', 'beliefs', 'week'], writes: ['agents', 'queues', 'rec'] }, chooseChannel);

/** New arrivals from far origins (Sulawesi, Nusa Tenggara, Java) at their hub, already set on leaving. */
export function farInflow(w: World): void {
  w.fixed.input.origins.forEach((o, oi) => {
    if (!o.far || o.inflowPerYear <= 0) return;
    // Far-origin migrants respond to wages, unemployment and jobs in Malaysia as residents do.
    const response = w.week.refHazard[oi]! > 0 ? w.week.baseHazard[oi]! / w.week.refHazard[oi]! : 1;
    const k = roundStochastic((o.inflowPerYear / 52 / w.fixed.scale) * response, w.fixed.draws.inflow.u(oi, w.week.index));
    if (k === 0) return;
    const first = w.agents.migrants.add(k);
    for (let id = first; id < first + k; id++) {
      initPerson(w, id, oi);
      w.queues.departing.push(id);
    }
    w.rec.add(M.arrivals_far, k);
  });
}

/** Utilities of the three channels for one person (−Infinity for kin without kin across). */
export function channelUtilities(
  p: World['fixed']['p'],
  c: { proceduralCostIdr: number; proceduralWaitWeeks: number },
  wealthIdr: number,
  awareness: number,
  traffickerShare: number,
  hasKin: boolean,
  informalRisk: number,
): [procedural: number, broker: number, kin: number] {
  const uProc = -p.costWeight * (c.proceduralCostIdr / wealthIdr) - p.waitWeight * c.proceduralWaitWeeks + p.awarenessBonus * awareness;
  const uBroker =
    -p.costWeight * (p.brokerFeeIdr / wealthIdr) - p.waitWeight * p.brokerWaitWeeks + p.brokerOfferBonus + p.deceptionInflation * (1 - awareness) * traffickerShare;
  const uKin = hasKin ? -p.costWeight * (p.kinCostIdr / wealthIdr) + p.kinBonus - p.riskWeight * informalRisk : -Infinity;
  return [uProc, uBroker, uKin];
}

/** Multinomial logit over procedural placement, a broker, and (with kin across) kin-assisted crossing. */
export function chooseChannel(w: World): void {
  const m = w.agents.migrants.cols;
  const wk = w.week;
  const q = w.queues;
  const informalRisk = meanInformalRisk(w);
  const far = w.fixed.input.origins.map((o) => o.far);
  for (let i = 0; i < q.departing.length; i++) {
    const id = q.departing.ids[i]!;
    const o = m.origin[id]!;
    const wealthIdr = Math.max(0.05, m.wealth[id]!) * wk.originWageIdr[o]!;
    const a = Math.min(1, m.awareness[id]! + wk.awarenessBoost);
    const tShare = w.fixed.input.hubs[w.fixed.geo.originHub[o]!]!.traffickerShare;
    const hasKin = m.kin[id] === 1;
    const [uProc, uBroker, uKin] = channelUtilities(w.fixed.p, wk, wealthIdr, a, tShare, hasKin, informalRisk);
    const top = Math.max(uProc, uBroker, uKin);
    // A hiring freeze closes procedural placement (for a share of those who would ask).
    const procOpen = wk.proceduralOpen >= 1 || draw(w, 'channel', id, 2) < wk.proceduralOpen;
    const eP = procOpen ? Math.exp(uProc - top) : 0, eB = Math.exp(uBroker - top), eK = hasKin ? Math.exp(uKin - top) : 0;
    const u = draw(w, 'channel', id) * (eP + eB + eK);
    move(w, id, Status.preparing);
    m.start[id] = 0;
    m.startNode[id] = o;
    m.deceived[id] = 0;
    m.broker[id] = NO_ID;
    if (u < eP) {
      m.channel[id] = Channel.procedural;
      m.docs[id] = Docs.passport;
      startTimer(w, id, geometricWeeks(wk.proceduralWaitWeeks, draw(w, 'channel', id, 1)));
      w.rec.add(M.channel_procedural);
      if (far[o]) w.rec.add(M.channel_procedural_far);
    } else if (u < eP + eB) {
      m.channel[id] = Channel.broker;
      q.seekers.push(id);
    } else {
      m.channel[id] = Channel.kin;
      q.ready.push(id);
      w.rec.add(M.channel_kin);
      if (far[o]) w.rec.add(M.channel_kin_far);
    }
    w.rec.add(M.departures);
    if (far[o]) w.rec.add(M.departures_far);
  }
  q.departing.clear();
}

/** Average believed risk of the informal crossings, as residents see it. */
function meanInformalRisk(w: World): number {
  let s = 0, n = 0;
  w.fixed.geo.crossingKind.forEach((k, c) => {
    if (k === CrossingKind.informal) {
      s += w.beliefs.community[c]!;
      n++;
    }
  });
  return n ? s / n : 0;
}
