/**
 * Brokers ("calo"): recruitment of those who seek them and outreach into their origins,
 * deception and debt, fraudulent papers through the non-resident ID loophole, route choice for
 * everyone about to travel (Flee-style weights with learnt risk), the networks' learning, and
 * arrests outside the case pipeline.
 */
import { Channel, Docs, NO_ID, Status } from './codes.js';
import { CrossingKind, type Path } from './geography.js';
import { addBroker } from './population.js';
import { turnBack } from './migrants.js';
import { keyedUniform } from '../core/rng.js';
import { draw, drawsFor, geometricWeeks, roundStochastic, type World } from './world.js';

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
  const a = Math.min(1, m.awareness[id]! + wk.awarenessBoost[o]!);
  m.broker[id] = broker;
  m.channel[id] = Channel.broker;
  m.status[id] = Status.recruited;
  m.weeksLeft[id] = Math.max(1, Math.round(p.brokerWaitWeeks * (0.5 + draw(w, 'recruitWait', id))));
  const deceived = b.trafficker[broker] === 1 && draw(w, 'deception', id) < p.deceptionSkill * (1 - a);
  m.deceived[id] = deceived ? 1 : 0;
  if (deceived) w.rec.add('deceived');
  // Debt in months of origin wage; a deceiving broker hides a larger one.
  const debtIdr = p.brokerDebtIdr * (deceived ? p.deceptionDebtMultiplier : 1);
  m.debt[id] = m.debt[id]! + debtIdr / wk.originWageIdr[o]!;
  if (m.docs[id] !== Docs.passport && b.fraudAccess[broker] === 1 && draw(w, 'documents', id) < wk.fraudDocChance) {
    m.docs[id] = Docs.fraudulent;
    w.rec.add('fraudulent_documents');
  }
  // Channel counts are of departures from home; deportees re-crossing are counted as re_crossings.
  if (m.start[id] === 0) {
    w.rec.add('channel_broker');
    if (w.scenario.origins[o]!.far) w.rec.add('channel_broker_far');
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
    let k = pool.length ? Math.floor(drawsFor(w, 'brokerPick', hub)(t) * pool.length) : 0;
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
          m.status[id] = Status.preparing;
          w.q.ready.push(id);
          if (m.start[id] === 0) {
            w.rec.add('channel_kin');
            if (w.scenario.origins[m.origin[id]!]!.far) w.rec.add('channel_kin_far');
          }
        } else {
          m.status[id] = Status.home;
          m.channel[id] = Channel.none;
          w.rec.add('no_broker_found');
        }
        continue;
      }
      b.credit[found]! -= 1;
      engage(w, id, found);
    }
  });

  // Outreach: each broker approaches residents of the origins its hub serves.
  const origins = w.scenario.origins;
  const wk = w.week;
  byHub.forEach((pool, hub) => {
    const reach = origins.map((_, oi) => oi).filter((oi) => w.geo.originHub[oi] === hub && w.originCount[oi]! > 0);
    if (!reach.length) return;
    const weights = reach.map((oi) => w.originCount[oi]!);
    const total = weights.reduce((s, x) => s + x, 0);
    for (const broker of pool) {
      // Keyed by (broker, week, approach): the same broker knocks on the same doors in every variant.
      const u = drawsFor(w, 'outreach', broker);
      const base = t * 1024;
      const approaches = Math.min(300, roundStochastic(Math.min(b.credit[broker]!, p.brokerOutreachPerWeek), u(base)));
      for (let k = 0; k < approaches; k++) {
        let x = u(base + 1 + 3 * k) * total;
        let j = 0;
        while (x >= weights[j]! && j < reach.length - 1) x -= weights[j++]!;
        const oi = reach[j]!;
        const id = w.originFirst[oi]! + Math.floor(u(base + 2 + 3 * k) * w.originCount[oi]!);
        if (m.status[id] !== Status.home) continue;
        const a = Math.min(1, m.awareness[id]! + wk.awarenessBoost[oi]!);
        const lure = b.trafficker[broker] === 1 ? 1 + p.deceptionInflation * (1 - a) : 1;
        if (u(base + 3 + 3 * k) < Math.min(1, p.offerAcceptance * (1 - a) * lure)) {
          m.start[id] = 0;
          m.startNode[id] = oi;
          engage(w, id, broker);
          b.credit[broker]! -= 1;
          w.rec.add('departures');
          w.rec.add('recruited_by_outreach');
        }
      }
    }
  });
}

/** Crossings a traveller may use: papers, channel and a broker's contacts decide. */
function allowed(w: World, id: number, c: number): boolean {
  const geo = w.geo;
  const C = geo.crossingIds.length;
  if (geo.open[w.week.index * C + c] !== 1) return false;
  const m = w.migrants.cols;
  const kind = geo.crossingKind[c]!;
  if (kind === CrossingKind.informal) return m.channel[id] !== Channel.procedural;
  const docs = m.docs[id]!;
  if (docs === Docs.passport || docs === Docs.fraudulent) return true;
  if (docs === Docs.borderPass) return kind === CrossingKind.post && m.channel[id] === Channel.kin;
  const b = m.broker[id]!;
  return b !== NO_ID && c < 32 && (w.brokers.cols.ties[b]! & (1 << c)) !== 0;
}

/** Flee's weight with risk: demand / (s + km)^p · exp(−λ·risk) · exp(−cost weight · cost). */
export function routeWeight(w: World, path: Path, risk: number): number {
  const p = w.p;
  const demand = w.scenario.destinations[path.destination]!.demand;
  return (
    (demand / Math.pow(p.routeDistanceOffset + path.km, p.routeDistancePower)) *
    Math.exp(-p.routeRiskWeight * risk - (p.routeCostWeight * path.costIdr) / 1e6)
  );
}

/** Everyone ready to travel picks a crossing and destination, then sets off. */
export function chooseRoutes(w: World): void {
  const m = w.migrants.cols;
  const geo = w.geo;
  const C = geo.crossingIds.length;
  const q = w.q.ready;
  // One weight per path; sized to the longest path list so any geography fits.
  const longest = Math.max(...geo.pathsFromOrigin.map((ps) => ps.length), ...geo.pathsFromHub.map((ps) => ps.length));
  const weights = new Float64Array(longest);
  for (let i = 0; i < q.length; i++) {
    const id = q.ids[i]!;
    const paths = m.start[id] === 1 ? geo.pathsFromHub[m.startNode[id]!]! : geo.pathsFromOrigin[m.startNode[id]!]!;
    const b = m.broker[id]!;
    const belief = b !== NO_ID ? w.brokerBelief.subarray(w.brokers.cols.hub[b]! * C, (w.brokers.cols.hub[b]! + 1) * C) : w.communityBelief;
    let total = 0;
    for (let k = 0; k < paths.length; k++) {
      const pa = paths[k]!;
      const wt = allowed(w, id, pa.crossing) ? routeWeight(w, pa, belief[pa.crossing]!) : 0;
      weights[k] = wt;
      total += wt;
    }
    if (total === 0) {
      // Nowhere open to this traveller this week: back home to try another time.
      turnBack(w, id, geometricWeeks(w.p.returnCooldownWeeks * w.p.turnBackCooldownShare, draw(w, 'cooldown', id)));
      continue;
    }
    let x = draw(w, 'route', id) * total;
    let k = 0;
    while (x >= weights[k]! && k < paths.length - 1) x -= weights[k++]!;
    const pa = paths[k]!;
    m.crossing[id] = pa.crossing;
    m.destination[id] = pa.destination;
    m.status[id] = Status.travelling;
    // Travel of under a week still takes this week: the crossing is resolved next week.
    m.weeksLeft[id] = Math.max(1, Math.ceil(pa.hours / 168));
  }
  q.clear();
}

/** Networks update their belief about each crossing from this week's interceptions (EMA). */
export function learnRoutes(w: World): void {
  const C = w.geo.crossingIds.length;
  const H = w.geo.hubIds.length;
  const alpha = w.p.learningRate;
  for (let h = 0; h <= H; h++) {
    const belief = h < H ? w.brokerBelief.subarray(h * C, (h + 1) * C) : w.communityBelief;
    for (let c = 0; c < C; c++) {
      const n = w.attempts[h * C + c]!;
      if (n > 0) belief[c] = (1 - alpha) * belief[c]! + (alpha * w.intercepts[h * C + c]!) / n;
    }
  }
  w.brokerFlow.fill(0);
  for (let h = 0; h < H; h++) for (let c = 0; c < C; c++) w.brokerFlow[c]! += w.attempts[h * C + c]!;
  w.attempts.fill(0);
  w.intercepts.fill(0);
}

/** Arrests outside the victim-case pipeline, raised by intelligence sharing; removed brokers are partly replaced. */
export function arrestBrokers(w: World): number[] {
  const b = w.brokers.cols;
  const chance = w.p.brokerArrestRate + w.p.intelArrestRate * w.week.levels.intelligenceSharing;
  const arrested: number[] = [];
  const n = w.brokers.count;
  for (let id = 0; id < n; id++) {
    if (b.active[id] === 1 && keyedUniform(w.keys.arrest, id, w.week.index) < chance) {
      b.active[id] = 0;
      arrested.push(id);
    }
  }
  return arrested;
}

/** A network replaces a convicted broker with the given chance: a new id, never a reused one. */
export function replaceBroker(w: World, removed: number): void {
  if (keyedUniform(w.keys.replace, removed, 0) < w.p.brokerReplacement) {
    const b = w.brokers.cols;
    addBroker(w, b.hub[removed]!, b.trafficker[removed]!);
    w.rec.add('brokers_replaced');
  }
}
