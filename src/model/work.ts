/**
 * Arrivals take work; stays end and people go home. Trafficked = brought by a broker (act) +
 * deceived or indebted (means) + placed with an exploitative employer (purpose).
 */
import { Channel, NO_ID, Status } from './codes.js';
import { M } from './metrics.js';
import { draw, geometricWeeks, type World } from './state.js';
import { move, sendHome } from './transitions.js';

export function takeWork(w: World): void {
  const m = w.migrants.cols;
  const p = w.p;
  const q = w.q.jobSeekers;
  for (let i = 0; i < q.length; i++) {
    const id = q.ids[i]!;
    const b = m.broker[id]!;
    const trafficker = b !== NO_ID && w.brokers.cols.trafficker[b] === 1;
    const exploitChance = trafficker ? p.traffickerExploitPlacement : w.input.destinations[m.destination[id]!]!.exploitShare;
    const exploitative = draw(w, 'exploit', id) < exploitChance;
    const means = m.deceived[id] === 1 || m.debt[id]! > p.indebtedMonths;
    if (exploitative && b !== NO_ID && means) {
      move(w, id, Status.exploited);
      m.victim[id] = 1;
      m.weeksLeft[id] = geometricWeeks(p.exploitationWeeks, draw(w, 'stay', id));
      w.rec.add(M.trafficked);
      if (m.traffickedBefore[id] === 1) w.rec.add(M.re_trafficked);
      m.traffickedBefore[id] = 1;
    } else {
      move(w, id, m.channel[id] === Channel.procedural ? Status.workingRegular : Status.workingIrregular);
      m.weeksLeft[id] = geometricWeeks(p.contractWeeks, draw(w, 'stay', id));
    }
  }
  q.clear();
}

/** Workers whose stay ended, and repatriated victims, go home; debts are settled from wages. */
export function goHome(w: World): void {
  const q = w.q.returning;
  for (let i = 0; i < q.length; i++) {
    const id = q.ids[i]!;
    sendHome(w, id, draw(w, 'cooldown', id));
    w.rec.add(M.returns_home);
  }
  q.clear();
}
