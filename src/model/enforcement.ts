/**
 * Malaysian enforcement and return: raids detain irregular and exploited workers (a raid may
 * recognise a victim), detention ends in deportation through Nunukan (from Sabah) or Entikong
 * (from Sarawak), where screening may identify victims the raids missed.
 */
import { CROSSING_SLOTS, DEPORTED_SLOT, Status } from './codes.js';
import { identify } from './justice.js';
import { draw, geometricWeeks, type World } from './world.js';

export function raids(w: World): void {
  const m = w.migrants.cols;
  const p = w.p;
  const q = w.q.raided;
  for (let i = 0; i < q.length; i++) {
    const id = q.ids[i]!;
    if (m.victim[id] === 1 && draw(w, 'identification', id, 2) < p.idRaid) {
      identify(w, id, 'identified_raid', true);
      continue;
    }
    m.status[id] = Status.detained;
    m.weeksLeft[id] = geometricWeeks(p.detentionWeeks, draw(w, 'detention', id));
    w.rec.add('raids_detained');
  }
  q.clear();
}

export function deport(w: World): void {
  const m = w.migrants.cols;
  const geo = w.geo;
  const q = w.q.deporting;
  const idDeport = Math.min(1, w.p.idDeportation * (1 + w.p.ngoIdGain * w.week.levels.ngoCooperation));
  for (let i = 0; i < q.length; i++) {
    const id = q.ids[i]!;
    const sabah = geo.destinationSabah[m.destination[id]!]! as 0 | 1;
    w.rec.add('deportations');
    w.rec.add(sabah ? 'deportations_nunukan' : 'deportations_entikong');
    m.crossing[id] = geo.deportationCrossing[sabah];
    w.perCrossing[(w.week.index * geo.crossingIds.length + m.crossing[id]!) * CROSSING_SLOTS + DEPORTED_SLOT]!++;
    if (m.victim[id] === 1 && draw(w, 'identification', id, 3) < idDeport) {
      identify(w, id, 'identified_deportation', true);
      continue;
    }
    m.status[id] = Status.deported;
    m.start[id] = 1;
    m.startNode[id] = geo.deportationHub[sabah];
  }
  q.clear();
}
