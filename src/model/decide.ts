/**
 * The decide pass: every migrant once, in id order — residents at home first (they weigh leaving:
 * push and pull, kin, debt), then everyone else, who advance the clock of their status; then
 * short visits per origin.
 * Events found here go to queues that the resolving phases take in a fixed order.
 */
import { definePhase } from './phase.js';
import { Status, VISIT_SLOT } from './codes.js';
import type { IdList } from '../core/idlist.js';
import { keyedBits } from '../core/rng.js';
import { M } from './metrics.js';
import { countAt, geometricWeeks, roundStochastic, type World } from './state.js';
import { handOn, move, startTimer } from './transitions.js';

/** Every person decides or advances the clock of their status; short visits per origin. */
export const sweepPhase = definePhase('sweep', { reads: ['fixed', 'week'], writes: ['agents', 'queues', 'rec'] }, sweep);

/**
 * The week's largest departure hazard in 32-bit units, for homeDecisions: rounding is monotone,
 * so no one's min(cap, base × factor) exceeds the product of the largest base and factor.
 */
export function departureBound(cap: number, baseHazard: Float64Array, hazardFactorMax: number): number {
  let baseMax = 0;
  for (const b of baseHazard) if (b > baseMax) baseMax = b;
  return Math.min(cap, baseMax * hazardFactorMax) * 4294967296;
}

/**
 * Residents at home weigh leaving: one keyed draw a week each, so the same person meets the same
 * luck in every variant. This is most of the sweep's work, so it is done for everyone at once:
 * `candidates` are the ids whose draw this week is below the week's largest hazard
 * (departureBound; DrawProcess.below finishes the draws from each person's kept half of the hash,
 * four at a time). A draw at or above the bound leaves no one, so only these few — about one
 * person in a thousand — are weighed here against their own capped hazard and status. Running
 * it before the other statuses changes nothing: no status change below makes anyone else home.
 */
export function homeDecisions(
  candidates: Int32Array,
  status: Uint8Array,
  origin: Uint8Array,
  hazardFactor: Float32Array,
  baseHazard: Float64Array,
  cap: number,
  key: number,
  term: number,
  departing: IdList,
): void {
  for (let k = 0; k < candidates.length; k++) {
    const id = candidates[k]!;
    if (status[id] === Status.home && keyedBits(key, id, term) < Math.min(cap, baseHazard[origin[id]!]! * hazardFactor[id]!) * 4294967296) departing.push(id);
  }
}

/**
 * Everyone not at home whose status has something to do this week, in id order: a timer running
 * out (the calendar, World.timers), a status acted on every week (crossed, deported: on the
 * calendar too), or a raid or NGO contact — whose keyed draws are finished only for those exposed
 * to them (World.exposed) and kept where below the week's largest chance. Everyone else away
 * would do nothing this week but wait, and a timer held as the sweep it runs out at needs no
 * counting down: so only these few are visited, and each decides exactly as if all were. A
 * person's own status change here does not change what anyone else does. The keyed draws are
 * compared in 32-bit units (u < p exactly when bits < p · 2^32).
 */
function awayDecisions(w: World): void {
  const { status, due, destination, irregular, papersHeld } = w.agents.migrants.cols;
  const q = w.queues;
  const p = w.fixed.p;
  const wk = w.week;
  const t = wk.index;
  // NGO networks reach victims where workplaces are not cut off, less often where documents are held.
  const reach = Float64Array.from(w.fixed.input.destinations, (d) => wk.ngoOutreach * (1 - d.isolation));
  const reachHeld = p.papersHeldIsolation;
  const reportLegal = p.selfReport;
  const reportIrregular = p.selfReport * p.selfReportIrregular;
  const sabah = w.fixed.geo.destinationSabah;
  const { raid, ngoContact, escape: escapeStay, selfReport } = w.fixed.draws;
  const raidKey = raid.key;
  const raidTerm = raid.term(t);
  const contactKey = ngoContact.key;
  const contactTerm = ngoContact.term(t);
  const raidBits = [p.raidRateSarawak * wk.raidFactor * wk.raidEffort[0]! * 4294967296, p.raidRateSabah * wk.raidFactor * wk.raidEffort[1]! * 4294967296];
  let reachMax = 0;
  for (const r of reach) reachMax = Math.max(reachMax, r * Math.max(1, reachHeld));

  // Who may act: the calendar's entries for this sweep and the draws that fall low enough, marked
  // in a bit set (which also drops repeats) and walked in id order.
  const events = w.agents.acting;
  events.clear();
  const calendar = w.agents.timers[t];
  if (calendar) {
    events.pushAll(calendar.ids, calendar.length);
    calendar.ids = new Int32Array(0); // read once: its memory goes back
    calendar.clear();
  }
  w.agents.exposed.raid.below(raidTerm, Math.max(raidBits[0]!, raidBits[1]!), events);
  w.agents.exposed.contact.below(contactTerm, reachMax * 4294967296, events);
  const marked = w.agents.actingSet;
  for (let k = 0; k < events.length; k++) {
    const id = events.ids[k]!;
    marked[id >>> 5]! |= 1 << (id & 31);
  }
  const words = (w.agents.migrants.count + 31) >>> 5;
  for (let word = 0; word < words; word++) {
    let bits = marked[word]!;
    if (bits === 0) continue;
    marked[word] = 0;
    for (; bits !== 0; ) {
      const lowest = bits & -bits;
      bits ^= lowest;
      const id = (word << 5) | (31 - Math.clz32(lowest));
      const ends = due[id] === t;
      switch (status[id]) {
        case Status.returned:
          if (ends) move(w, id, Status.home);
          break;
        case Status.preparing:
        case Status.recruited:
          if (ends) q.ready.push(id);
          break;
        case Status.travelling:
          if (ends) q.arriving.push(id);
          break;
        case Status.crossed:
          q.jobSeekers.push(id);
          handOn(w, id);
          break;
        case Status.workingRegular:
          if (ends) q.returning.push(id);
          break;
        case Status.workingIrregular:
          if (keyedBits(raidKey, id, raidTerm) < raidBits[sabah[destination[id]!]!]!) q.raided.push(id);
          else if (ends) q.returning.push(id);
          break;
        case Status.exploited: {
          const d = destination[id]!;
          if (keyedBits(contactKey, id, contactTerm) < reach[d]! * (papersHeld[id] === 1 ? reachHeld : 1) * 4294967296) q.toIdentify.push(id);
          else if (irregular[id] === 1 && keyedBits(raidKey, id, raidTerm) < raidBits[sabah[d]!]!) q.raided.push(id);
          else if (ends) {
            // Out of the employer's hands: some report what happened; the others work on, irregular
            // (a work permit is tied to its employer), still victims until identified or home.
            if (selfReport.u(id, t) < (irregular[id] === 1 ? reportIrregular : reportLegal)) q.selfReported.push(id);
            else {
              move(w, id, Status.workingIrregular);
              irregular[id] = 1;
              startTimer(w, id, geometricWeeks(p.contractWeeks * p.escapeStayShare, escapeStay.u(id, t)));
            }
          }
          break;
        }
        case Status.identified:
          if (ends) q.returning.push(id);
          break;
        // Detained: processed for deportation once the timer runs out (enforcement.ts reads it).
        case Status.deported:
          q.deportees.push(id);
          handOn(w, id);
          break;
      }
    }
  }
}

export function sweep(w: World): void {
  w.agents.transitions.fill(0); // the week's status changes start here: none happen before the sweep
  w.agents.sweeps = w.week.index + 1; // timers started from here on count from the next sweep
  const { status, origin, hazardFactor } = w.agents.migrants.cols;
  const wk = w.week;
  const p = w.fixed.p;
  const geo = w.fixed.geo;
  const C = geo.crossingIds.length;
  // Keyed draws: each agent's weekly draw is the same in every variant (common random numbers).
  const t = wk.index;
  const departure = w.fixed.draws.departure;
  const cap = p.hazardCap;
  const baseHazard = wk.baseHazard;
  const visitRate = Float64Array.from(w.fixed.input.origins, (o, oi) => {
    const post = geo.originHomePost[oi]!;
    // visitRate is calibrated to the post's counted volume; footpath visits come on top of it.
    return post >= 0 ? o.visitRate / (1 - Math.min(0.95, p.visitInformalShare)) : 0;
  });
  const n = w.agents.migrants.count;
  const term = departure.term(t);
  const candidates = departure.below(n, term, departureBound(cap, baseHazard, w.agents.hazardFactorMax));
  homeDecisions(candidates, status, origin, hazardFactor, baseHazard, cap, departure.key, term, w.queues.departing);
  awayDecisions(w);

  // Short visits by border-pass holders and neighbours (the residents at home, in expectation):
  // through the home post when open, else footpaths.
  let total = 0;
  for (let oi = 0; oi < visitRate.length; oi++) {
    const visits = roundStochastic(w.agents.homeByOrigin[oi]! * visitRate[oi]!, w.fixed.draws.visits.u(oi, t));
    if (!visits) continue;
    total += visits;
    const post = geo.originHomePost[oi]!;
    const openPost = geo.open[t * C + post]! === 1;
    const informal = openPost ? Math.round(visits * p.visitInformalShare) : visits;
    const formal = visits - informal;
    countAt(w, post, VISIT_SLOT, formal);
    const twin = geo.twinOf.indexOf(post);
    if (twin >= 0) countAt(w, twin, VISIT_SLOT, informal);
  }
  w.rec.add(M.visits, total);
}
