/**
 * Migrants' own decisions. The weekly sweep walks every agent once in id order: residents at
 * home weigh leaving (push and pull, kin, debt) or make a short visit; everyone else advances
 * the clock of their status. Events found in the sweep go to queues that later phases resolve.
 * Channel choice, taking work, going home and re-crossing after deportation live here too.
 */
import { CROSSING_SLOTS, Channel, Docs, NO_ID, Status, VISIT_SLOT } from './codes.js';
import { CrossingKind } from './geography.js';
import { keyedUniform } from '../core/rng.js';
import { initPerson, updateHazardFactor } from './population.js';
import { draw, geometricWeeks, roundStochastic, type World } from './world.js';

/** The decide pass over all agents. */
export function sweep(w: World): void {
  const m = w.migrants.cols;
  const { status, weeksLeft, origin, hazardFactor, destination } = m;
  const q = w.q;
  const wk = w.week;
  const p = w.p;
  const geo = w.geo;
  const C = geo.crossingIds.length;
  // Keyed draws: each agent's weekly draw is the same in every variant (common random numbers).
  const t = wk.index;
  const kDep = w.keys.departure, kRaid = w.keys.raids, kNgo = w.keys.ngo, kEscape = w.keys.escape;
  const cap = p.hazardCap;
  const baseHazard = wk.baseHazard;
  const visitRate = Float64Array.from(w.scenario.origins, (o, oi) => {
    const post = geo.originHomePost[oi]!;
    // visitRate is calibrated to the post's counted volume; footpath visits come on top of it.
    return post >= 0 ? o.visitRate / (1 - Math.min(0.95, p.visitInformalShare)) : 0;
  });
  const visits = new Float64Array(w.scenario.origins.length);
  const raidRate = [p.raidRateSarawak, p.raidRateSabah];
  const idNgo = Math.min(1, p.idNgo * (1 + p.ngoIdGain * wk.levels.ngoCooperation));
  const n = w.migrants.count;

  for (let id = 0; id < n; id++) {
    switch (status[id]) {
      case Status.home: {
        const o = origin[id]!;
        const h = Math.min(cap, baseHazard[o]! * hazardFactor[id]!);
        const u = keyedUniform(kDep, id, t);
        if (u < h) q.departing.push(id);
        else if (u < h + visitRate[o]!) visits[o]!++;
        break;
      }
      case Status.returned:
        if (--weeksLeft[id]! === 0) status[id] = Status.home;
        break;
      case Status.preparing:
      case Status.recruited:
        if (--weeksLeft[id]! === 0) q.ready.push(id);
        break;
      case Status.travelling:
        if (--weeksLeft[id]! === 0) q.arriving.push(id);
        break;
      case Status.crossed:
        q.jobSeekers.push(id);
        break;
      case Status.workingRegular:
        if (--weeksLeft[id]! === 0) q.returning.push(id);
        break;
      case Status.workingIrregular:
        if (keyedUniform(kRaid, id, t) < raidRate[geo.destinationSabah[destination[id]!]!]!) q.raided.push(id);
        else if (--weeksLeft[id]! === 0) q.returning.push(id);
        break;
      case Status.exploited:
        if (keyedUniform(kNgo, id, t) < idNgo) q.toIdentify.push(id);
        else if (keyedUniform(kRaid, id, t) < raidRate[geo.destinationSabah[destination[id]!]!]!) q.raided.push(id);
        else if (--weeksLeft[id]! === 0) {
          // Escaped or released: still irregular, still a victim until identified or home.
          status[id] = Status.workingIrregular;
          weeksLeft[id] = geometricWeeks(p.contractWeeks / 2, keyedUniform(kEscape, id, t));
        }
        break;
      case Status.identified:
        if (--weeksLeft[id]! === 0) q.returning.push(id);
        break;
      case Status.detained:
        if (--weeksLeft[id]! === 0) q.deporting.push(id);
        break;
      case Status.deported:
        q.deportees.push(id);
        break;
    }
  }

  // Short visits by border-pass holders and neighbours: through the home post when open, else footpaths.
  let total = 0;
  for (let oi = 0; oi < visits.length; oi++) {
    if (!visits[oi]) continue;
    total += visits[oi]!;
    const post = geo.originHomePost[oi]!;
    const openPost = geo.open[wk.index * C + post]! === 1;
    const informal = openPost ? Math.round(visits[oi]! * p.visitInformalShare) : visits[oi]!;
    const formal = visits[oi]! - informal;
    w.perCrossing[(wk.index * C + post) * CROSSING_SLOTS + VISIT_SLOT]! += formal;
    const twin = geo.twinOf.indexOf(post);
    if (twin >= 0) w.perCrossing[(wk.index * C + twin) * CROSSING_SLOTS + VISIT_SLOT]! += informal;
  }
  w.rec.add('visits', total);
}

/** New arrivals from far origins (Sulawesi, Nusa Tenggara, Java) at their hub, already set on leaving. */
export function farInflow(w: World): void {
  const r = w.rng.inflow;
  w.scenario.origins.forEach((o, oi) => {
    if (!o.far || o.inflowPerYear <= 0) return;
    const k = roundStochastic(o.inflowPerYear / 52 / w.scale, r.next());
    if (k === 0) return;
    const first = w.migrants.add(k);
    for (let id = first; id < first + k; id++) {
      initPerson(w, id, oi);
      w.q.departing.push(id);
    }
    w.rec.add('arrivals_far', k);
  });
}

/** Multinomial logit over procedural placement, a broker, and (with kin across) kin-assisted crossing. */
export function chooseChannel(w: World): void {
  const m = w.migrants.cols;
  const p = w.p;
  const wk = w.week;
  const q = w.q;
  const informalRisk = meanInformalRisk(w);
  const far = w.scenario.origins.map((o) => o.far);
  for (let i = 0; i < q.departing.length; i++) {
    const id = q.departing.ids[i]!;
    const o = m.origin[id]!;
    const wealthIdr = Math.max(0.05, m.wealth[id]!) * wk.originWageIdr[o]!;
    const a = Math.min(1, m.awareness[id]! + wk.awarenessBoost[o]!);
    const tShare = w.scenario.hubs[w.geo.originHub[o]!]!.traffickerShare;
    const uProc = -p.costWeight * (wk.proceduralCostIdr / wealthIdr) - p.waitWeight * wk.proceduralWaitWeeks + p.awarenessBonus * a;
    const uBroker =
      -p.costWeight * (p.brokerFeeIdr / wealthIdr) - p.waitWeight * p.brokerWaitWeeks + p.brokerOfferBonus + p.deceptionInflation * (1 - a) * tShare;
    const hasKin = m.kin[id] === 1;
    const uKin = hasKin ? -p.costWeight * (p.kinCostIdr / wealthIdr) + p.kinBonus - p.riskWeight * informalRisk : -Infinity;
    const top = Math.max(uProc, uBroker, uKin);
    const eP = Math.exp(uProc - top), eB = Math.exp(uBroker - top), eK = hasKin ? Math.exp(uKin - top) : 0;
    const u = draw(w, 'channel', id) * (eP + eB + eK);
    m.status[id] = Status.preparing;
    m.start[id] = 0;
    m.startNode[id] = o;
    m.deceived[id] = 0;
    m.broker[id] = NO_ID;
    if (u < eP) {
      m.channel[id] = Channel.procedural;
      m.docs[id] = Docs.passport;
      m.weeksLeft[id] = geometricWeeks(wk.proceduralWaitWeeks, draw(w, 'channel', id, 1));
      w.rec.add('channel_procedural');
      if (far[o]) w.rec.add('channel_procedural_far');
    } else if (u < eP + eB) {
      m.channel[id] = Channel.broker;
      q.seekers.push(id);
    } else {
      m.channel[id] = Channel.kin;
      q.ready.push(id);
      w.rec.add('channel_kin');
      if (far[o]) w.rec.add('channel_kin_far');
    }
    w.rec.add('departures');
    if (far[o]) w.rec.add('departures_far');
  }
  q.departing.clear();
}

/** Average believed risk of the informal crossings, as residents see it. */
function meanInformalRisk(w: World): number {
  let s = 0, n = 0;
  w.geo.crossingKind.forEach((k, c) => {
    if (k === CrossingKind.informal) {
      s += w.communityBelief[c]!;
      n++;
    }
  });
  return n ? s / n : 0;
}

/** Arrivals find work: trafficked = brought by a broker (act) + deceived or indebted (means) + exploitative employer (purpose). */
export function takeWork(w: World): void {
  const m = w.migrants.cols;
  const p = w.p;
  const q = w.q.jobSeekers;
  for (let i = 0; i < q.length; i++) {
    const id = q.ids[i]!;
    const b = m.broker[id]!;
    const trafficker = b !== NO_ID && w.brokers.cols.trafficker[b] === 1;
    const exploitChance = trafficker ? p.traffickerExploitPlacement : w.scenario.destinations[m.destination[id]!]!.exploitShare;
    const exploitative = draw(w, 'exploit', id) < exploitChance;
    const means = m.deceived[id] === 1 || m.debt[id]! > p.indebtedMonths;
    if (exploitative && b !== NO_ID && means) {
      m.status[id] = Status.exploited;
      m.victim[id] = 1;
      m.weeksLeft[id] = geometricWeeks(p.exploitationWeeks, draw(w, 'stay', id));
      w.rec.add('trafficked');
      if (m.traffickedBefore[id] === 1) w.rec.add('re_trafficked');
      m.traffickedBefore[id] = 1;
    } else {
      m.status[id] = m.channel[id] === Channel.procedural ? Status.workingRegular : Status.workingIrregular;
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
    w.rec.add('returns_home');
  }
  q.clear();
}

/** Home after a stay (or after deportation): as when turned back, and debts are settled from wages. */
export function sendHome(w: World, id: number, u: number): void {
  const m = w.migrants.cols;
  m.victim[id] = 0;
  m.debt[id] = 0;
  turnBack(w, id, geometricWeeks(w.p.returnCooldownWeeks, u));
}

/**
 * Sent back before reaching work (intercepted, or no crossing open to them): home for a while.
 * A broker's debt stays — it was incurred — and now weighs on the next decision; confiscated
 * fraudulent papers and the false promise are gone.
 */
export function turnBack(w: World, id: number, weeks: number): void {
  const m = w.migrants.cols;
  m.status[id] = Status.returned;
  m.weeksLeft[id] = weeks;
  m.broker[id] = NO_ID;
  m.deceived[id] = 0;
  m.startNode[id] = m.origin[id]!;
  m.start[id] = 0;
  if (m.docs[id] === Docs.fraudulent) m.docs[id] = Docs.none;
  updateHazardFactor(w, id);
}

/** Deportees at Nunukan or Entikong: many re-cross at once, some through a broker; the rest go home. */
export function reenter(w: World): void {
  const m = w.migrants.cols;
  const p = w.p;
  const q = w.q.deportees;
  for (let i = 0; i < q.length; i++) {
    const id = q.ids[i]!;
    if (draw(w, 'reentry', id) < p.recrossProb) {
      m.start[id] = 1;
      m.deceived[id] = 0;
      m.broker[id] = NO_ID;
      m.victim[id] = 0;
      const supported = m.identifiedBefore[id] === 1 ? 1 - p.ngoRetraffickCut * w.week.levels.ngoCooperation : 1;
      if (draw(w, 'reentry', id, 1) < p.recrossBrokerShare * supported) {
        m.channel[id] = Channel.broker;
        w.q.seekers.push(id);
      } else {
        m.channel[id] = Channel.kin;
        m.status[id] = Status.preparing;
        w.q.ready.push(id);
      }
      w.rec.add('re_crossings');
    } else {
      sendHome(w, id, draw(w, 'cooldown', id));
    }
  }
  q.clear();
}
