/**
 * Malaysian enforcement and return: raids detain irregular and exploited workers. A raid may
 * recognise a victim, who is referred to protection only as far as the cooperation stage allows
 * (cooperation.ts); otherwise the victim is detained and deported as an offender. Detention ends
 * in deportation through Nunukan (from Sabah) or Entikong (from Sarawak), where screening may
 * identify victims the raids missed; many deportees cross again at once ("deported in the
 * morning, drinking coffee by evening").
 */
import { CROSSING_SLOTS, Channel, DEPORTED_SLOT, NO_ID, Place, Status } from './codes.js';
import { M } from './metrics.js';
import { draw, geometricWeeks, type World } from './state.js';
import { identify, move, sendHome } from './transitions.js';

export function raids(w: World): void {
  const m = w.migrants.cols;
  const p = w.p;
  const q = w.q.raided;
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
    m.weeksLeft[id] = geometricWeeks(p.detentionWeeks, draw(w, 'detention', id));
    w.rec.add(M.raids_detained);
  }
  q.clear();
}

export function deport(w: World): void {
  const m = w.migrants.cols;
  const geo = w.geo;
  const q = w.q.deporting;
  const idDeport = w.week.idDeportation;
  for (let i = 0; i < q.length; i++) {
    const id = q.ids[i]!;
    const sabah = geo.destinationSabah[m.destination[id]!]! as 0 | 1;
    w.rec.add(M.deportations);
    w.rec.add(sabah ? M.deportations_nunukan : M.deportations_entikong);
    m.crossing[id] = geo.deportationCrossing[sabah];
    w.perCrossing[(w.week.index * geo.crossingIds.length + m.crossing[id]!) * CROSSING_SLOTS + DEPORTED_SLOT]!++;
    if (m.victim[id] === 1 && draw(w, 'identifyDeportation', id) < idDeport) {
      identify(w, id, 'identified_deportation', Place.deportation);
      continue;
    }
    move(w, id, Status.deported);
    m.start[id] = 1;
    m.startNode[id] = geo.deportationHub[sabah];
  }
  q.clear();
}

/** Deportees at Nunukan or Entikong: many re-cross at once, some through a broker; the rest go home. */
export function reenter(w: World): void {
  const m = w.migrants.cols;
  const p = w.p;
  const q = w.q.deportees;
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
        w.q.seekers.push(id);
      } else {
        m.channel[id] = Channel.kin;
        move(w, id, Status.preparing);
        w.q.ready.push(id);
      }
      w.rec.add(M.re_crossings);
    } else {
      sendHome(w, id, draw(w, 'cooldown', id));
    }
  }
  q.clear();
}
