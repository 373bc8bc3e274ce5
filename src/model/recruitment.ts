/**
 * Brokers ("calo") take on those who seek them, then approach residents in their reach with the
 * capacity left. A trafficking broker may deceive (false job, hidden debt); a broker with access
 * supplies fraudulent papers through the non-resident ID loophole.
 */
import { Channel, Docs, NO_ID, Status } from './codes.js';
import { M } from './metrics.js';
import { MAX_APPROACHES } from './draws.js';
import { draw, roundStochastic, type World } from './state.js';
import { move } from './transitions.js';

/** Active broker ids at each hub, in id order. */
function activeByHub(w: World): number[][] {
  const b = w.brokers.cols;
  const out: number[][] = w.geo.hubIds.map(() => []);
  for (let id = 0; id < w.brokers.count; id++) if (b.active[id] === 1) out[b.hub[id]!]!.push(id);
  return out;
}

/** Hub whose brokers serve a migrant: the hub of its origin, or the hub it is stranded at. */
function hubOf(w: World, id: number): number {
  const m = w.migrants.cols;
  return m.start[id] === 1 ? m.startNode[id]! : w.geo.originHub[m.origin[id]!]!;
}

/** Terms of a broker's deal: deception, debt, papers. */
function engage(w: World, id: number, broker: number): void {
  const m = w.migrants.cols;
  const b = w.brokers.cols;
  const p = w.p;
  const wk = w.week;
  const o = m.origin[id]!;
  const a = Math.min(1, m.awareness[id]! + wk.awarenessBoost);
  m.broker[id] = broker;
  m.channel[id] = Channel.broker;
  move(w, id, Status.recruited);
  m.weeksLeft[id] = Math.max(1, Math.round(p.brokerWaitWeeks * (0.5 + draw(w, 'recruitWait', id))));
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
    if (w.input.origins[o]!.far) w.rec.add(M.channel_broker_far);
  }
}

/** Brokers take on those who seek them, then approach residents in their reach with what capacity is left. */
export function recruit(w: World): void {
  const m = w.migrants.cols;
  const b = w.brokers.cols;
  const p = w.p;
  const t = w.week.index;
  // A broker agent stands for `scale` brokers, so its capacity in agents equals one broker's in persons.
  const weekly = (p.brokerCapacityPerMonth * 12) / 52;
  const byHub = activeByHub(w);
  for (const ids of byHub) for (const id of ids) b.credit[id] = weekly;

  // Seekers, grouped by hub in queue order, go to brokers in a shuffled-by-stream order.
  const seekers = w.q.seekers;
  const pending: number[][] = w.geo.hubIds.map(() => []);
  for (let i = 0; i < seekers.length; i++) pending[hubOf(w, seekers.ids[i]!)]!.push(seekers.ids[i]!);
  seekers.clear();
  pending.forEach((list, hub) => {
    const pool = byHub[hub]!;
    let k = pool.length ? Math.floor(w.draws.brokerQueue.u(hub, t) * pool.length) : 0;
    for (const id of list) {
      let found = NO_ID;
      for (let tries = 0; tries < pool.length; tries++, k = (k + 1) % pool.length) {
        if (b.credit[pool[k]!]! >= 1 || draw(w, 'brokerPick', id) < b.credit[pool[k]!]!) {
          found = pool[k]!;
          k = (k + 1) % pool.length;
          break;
        }
      }
      if (found === NO_ID) {
        // No broker free: go with kin if there are any, else stay home this time.
        if (m.kin[id] === 1 || m.start[id] === 1) {
          m.channel[id] = Channel.kin;
          move(w, id, Status.preparing);
          w.q.ready.push(id);
          if (m.start[id] === 0) {
            w.rec.add(M.channel_kin);
            if (w.input.origins[m.origin[id]!]!.far) w.rec.add(M.channel_kin_far);
          }
        } else {
          move(w, id, Status.home);
          m.channel[id] = Channel.none;
          w.rec.add(M.no_broker_found);
        }
        continue;
      }
      b.credit[found]! -= 1;
      engage(w, id, found);
    }
  });

  // Outreach: each broker approaches residents of the origins its hub serves.
  const origins = w.input.origins;
  const wk = w.week;
  byHub.forEach((pool, hub) => {
    const reach = origins.map((_, oi) => oi).filter((oi) => w.geo.originHub[oi] === hub && w.originCount[oi]! > 0);
    if (!reach.length) return;
    const weights = reach.map((oi) => w.originCount[oi]!);
    const total = weights.reduce((s, x) => s + x, 0);
    for (const broker of pool) {
      // Keyed by (broker, week, approach): the same broker knocks on the same doors in every variant.
      const u = (slot: number) => w.draws.outreach.u(broker, t, slot);
      const approaches = Math.min(MAX_APPROACHES, roundStochastic(Math.min(b.credit[broker]!, p.brokerOutreachPerWeek), u(0)));
      for (let k = 0; k < approaches; k++) {
        let x = u(1 + 3 * k) * total;
        let j = 0;
        while (x >= weights[j]! && j < reach.length - 1) x -= weights[j++]!;
        const oi = reach[j]!;
        const id = w.originFirst[oi]! + Math.floor(u(2 + 3 * k) * w.originCount[oi]!);
        if (m.status[id] !== Status.home) continue;
        const a = Math.min(1, m.awareness[id]! + wk.awarenessBoost);
        const lure = b.trafficker[broker] === 1 ? 1 + p.deceptionInflation * (1 - a) : 1;
        if (u(3 + 3 * k) < Math.min(1, p.offerAcceptance * (1 - a) * lure)) {
          m.start[id] = 0;
          m.startNode[id] = oi;
          engage(w, id, broker);
          b.credit[broker]! -= 1;
          w.rec.add(M.departures);
          w.rec.add(M.recruited_by_outreach);
        }
      }
    }
  });
}
