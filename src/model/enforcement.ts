/**
 * Malaysian enforcement and return: raids detain irregular and exploited workers. A raid may
 * recognise a victim, who is referred to protection only as far as the cooperation stage allows
 * (cooperation.ts); otherwise the victim is detained and deported as an offender. Detention ends
 * in deportation through Nunukan (from Sabah) or Entikong (from Sarawak), where screening may
 * identify victims the raids missed; many deportees cross again at once ("deported in the
 * morning, drinking coffee by evening").
 */
import { definePhase } from './phase.js';
import { Channel, DEPORTED_SLOT, NO_ID, Place, Status } from './codes.js';
import { M } from './metrics.js';
import { countAt, countInProvince, ProvinceSlot, draw, geometricWeeks, roundStochastic, type World } from './state.js';
import { identify, move, sendHome, startTimer, weeksLeft } from './transitions.js';

/** Deportees and those turned back try again, through a broker or alone. */
export const reentryPhase = definePhase('reentry', { reads: ['fixed', 'week'], writes: ['agents', 'queues', 'rec'] }, reenter);
/** Malaysian raids detain irregular workers and find victims. */
export const raidsPhase = definePhase('raids', { reads: ['fixed', 'week'], writes: ['agents', 'justice', 'queues', 'rec'] }, raids);
/** Depots send detainees home in batches, through the posts. */
export const deportationPhase = definePhase('deportation', { reads: ['fixed', 'week'], writes: ['agents', 'justice', 'rec'] }, deport);

export function raids(w: World): void {
  const m = w.agents.migrants.cols;
  const p = w.fixed.p;
  const q = w.queues.raided;
  for (let i = 0; i < q.length; i++) {
    const id = q.ids[i]!;
    if (m.victim[id] === 1 && draw(w, 'identifyRaid', id) < w.week.idRaid) {
      if (draw(w, 'referral', id) < w.week.cap.referral) {
        identify(w, id, 'identified_raid', Place.malaysia);
        w.rec.add(M.victims_referred);
        continue;
      }
      w.rec.add(M.victims_deported_as_offenders);
    }
    move(w, id, Status.detained);
    startTimer(w, id, geometricWeeks(p.detentionWeeks, draw(w, 'detention', id)));
    w.justice.detention[w.fixed.geo.destinationSabah[m.destination[id]!]!]!.push(id);
    w.rec.add(M.raids_detained);
  }
  q.clear();
}

/**
 * Deportation in batches: in a week when a state sends one (deportBatchChance), the detainees
 * whose processing is done leave in the order they were detained, up to the batch size (smaller
 * while deportations are slowed, none while suspended, and none through a crossing closed to
 * them). The rest wait in the depots: arrests and deportations differ by the backlog.
 */
export function deport(w: World): void {
  const m = w.agents.migrants.cols;
  const geo = w.fixed.geo;
  const p = w.fixed.p;
  const wk = w.week;
  const C = geo.crossingIds.length;
  const idDeport = wk.idDeportation;
  let backlog = 0;
  for (const state of [0, 1] as const) {
    const queue = w.justice.detention[state];
    const crossing = geo.deportationCrossing[state];
    const batch = w.fixed.draws.deportBatch.u(state, wk.index, 0) < p.deportBatchChance && geo.deportOpen[wk.index * C + crossing] === 1;
    const size = state === 1 ? p.deportBatchSabah : p.deportBatchSarawak;
    // Only Sabah suspended deportations under COVID-19 (enforcement facts): Sarawak's batches kept their size.
    const factor = state === 1 ? wk.deportationFactorSabah : 1;
    let room = batch ? roundStochastic((size / w.fixed.scale) * factor, w.fixed.draws.deportBatch.u(state, wk.index, 1)) : 0;
    let kept = 0;
    for (const id of queue) {
      const processing = weeksLeft(w, id) > 0;
      if (room === 0 || processing) {
        queue[kept++] = id;
        if (!processing) backlog++;
        continue;
      }
      room--;
      w.rec.add(M.deportations);
      w.rec.add(state ? M.deportations_sabah : M.deportations_sarawak);
      m.crossing[id] = crossing;
      countAt(w, crossing, DEPORTED_SLOT);
      countInProvince(w, geo.crossingProvince[crossing]!, ProvinceSlot.deported);
      if (m.victim[id] === 1 && draw(w, 'identifyDeportation', id) < idDeport) {
        identify(w, id, 'identified_deportation', Place.deportation);
        continue;
      }
      move(w, id, Status.deported);
      m.start[id] = 1;
      m.startNode[id] = geo.deportationHub[state];
    }
    queue.length = kept;
  }
  w.rec.set(M.detention_backlog, backlog);
}

/** Deportees at Nunukan or Entikong: many re-cross at once, some through a broker; the rest go home. */
export function reenter(w: World): void {
  const m = w.agents.migrants.cols;
  const p = w.fixed.p;
  const q = w.queues.deportees;
  const reintegrationCut = w.week.reintegrationCut;
  for (let i = 0; i < q.length; i++) {
    const id = q.ids[i]!;
    if (draw(w, 'reentry', id) < p.recrossProb) {
      m.start[id] = 1;
      m.deceived[id] = 0;
      m.broker[id] = NO_ID;
      m.victim[id] = 0;
      const supported = m.identifiedBefore[id] === 1 ? 1 - reintegrationCut : 1;
      if (draw(w, 'reentry', id, 1) < p.recrossBrokerShare * supported) {
        m.channel[id] = Channel.broker;
        w.queues.seekers.push(id);
      } else {
        m.channel[id] = Channel.kin;
        move(w, id, Status.preparing);
        w.queues.ready.push(id);
      }
      w.rec.add(M.re_crossings);
    } else {
      sendHome(w, id, draw(w, 'cooldown', id));
    }
  }
  q.clear();
}
