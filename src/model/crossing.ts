/**
 * Crossing, resolved for everyone who reached a crossing this week. At an official post an
 * officer inspects: valid papers pass; a broker's group meets a colluding officer or is
 * checked; fraudulent papers may go unnoticed; a trained officer may recognise a victim; a
 * shared watch list may stop the broker. On informal paths and water crossings the patrols on
 * that segment may intercept. How a person crossed decides their legal status in Malaysia:
 * only a procedural migrant inspected on a valid passport arrives with it.
 */
import { definePhase } from './phase.js';
import { Channel, Docs, IDENTIFIED_SLOT, NO_ID, Outcome, Place, Status } from './codes.js';
import { MAX_TIED_CROSSINGS } from './draws.js';
import { CrossingKind } from './geography.js';
import { M } from './metrics.js';
import { bribe, deliveryRevenue, labourDemandOf, recruitDebt } from './market.js';
import { collusionChance, expectedCatch, isTrained, onDuty } from './officials.js';
import { leakKept } from './patrols.js';
import { countAt, draw, geometricWeeks, type World } from './state.js';
import { arrestBroker } from './justice.js';
import { identify, move, turnBack } from './transitions.js';

/** Crossings are resolved: checks, collusion, interception; what networks see. */
export const crossingPhase = definePhase('crossing', { reads: ['fixed', 'week'], writes: ['agents', 'beliefs', 'queues', 'rec'] }, resolveCrossings);

export function resolveCrossings(w: World): void {
  const m = w.agents.migrants.cols;
  const p = w.fixed.p;
  const geo = w.fixed.geo;
  const C = geo.crossingIds.length;
  const H = geo.hubIds.length;
  const wk = w.week;
  const q = w.queues.arriving;
  const trainedCut = wk.trainedCollusionCut;
  const idPatrol = wk.idPatrol;
  for (let i = 0; i < q.length; i++) {
    const id = q.ids[i]!;
    const c = m.crossing[id]!;
    const b = m.broker[id]!;
    const network = b !== NO_ID ? w.agents.brokers.cols.hub[b]! : H;
    const indicators = m.deceived[id] === 1 || (b !== NO_ID && m.debt[id]! > p.indebtedMonths);
    let outcome: number;
    let byPatrol = false;
    if (geo.open[wk.index * C + c] !== 1) {
      // Closed while travelling: turned back.
      outcome = Outcome.intercepted;
    } else if (geo.crossingKind[c] === CrossingKind.informal) {
      outcome = draw(w, 'detection', id) < wk.detection[c]! ? Outcome.intercepted : Outcome.informal;
      byPatrol = true;
      if (outcome === Outcome.intercepted && indicators && draw(w, 'identifyPatrol', id) < idPatrol) {
        record(w, c, network, outcome, b);
        w.rec.add(M.interceptions_patrol);
        countAt(w, c, IDENTIFIED_SLOT);
        identify(w, id, 'identified_patrol', Place.border);
        continue;
      }
    } else {
      const officer = onDuty(w, c, draw(w, 'duty', id));
      const trained = officer >= 0 && isTrained(w, officer);
      const docs = m.docs[id]!;
      outcome = Outcome.regular;
      if (docs === Docs.none || docs === Docs.fraudulent) {
        const tie = hasTie(w, b, c);
        const offer = tie && officer >= 0 ? bribe(p, labourDemandOf(w, m.destination[id]!), recruitDebt(p, m.deceived[id] === 1)) : 0;
        const colludes =
          offer > 0 &&
          draw(w, 'collusion', id) <
            collusionChance(w.agents.officials.cols.propensity[officer]!, offer, expectedCatch(wk.catchChance, w.beliefs.postRisk[c]!), p.officerSanctionIdr, p.collusionSensitivity, trained ? trainedCut : 0);
        if (colludes) {
          outcome = Outcome.colluded;
          w.agents.officials.cols.colludedThisWeek[officer]!++;
          w.agents.brokers.cols.earned[b]! -= offer * w.fixed.scale;
          w.rec.add(M.collusion_events);
        } else if (docs === Docs.none || draw(w, 'fraudCheck', id) < p.fraudDetection) {
          outcome = Outcome.intercepted;
        }
      }
      // An officer who inspects (not one who waves a group through) may see the signs of trafficking.
      if (outcome !== Outcome.colluded && indicators && draw(w, 'identifyPost', id) < (trained ? p.idTrained : p.idUntrained)) {
        record(w, c, network, Outcome.intercepted, b);
        w.rec.add(M.interceptions_post);
        countAt(w, c, IDENTIFIED_SLOT);
        identify(w, id, 'identified_official', Place.border);
        continue;
      }
      // A broker on the shared watch list is stopped when a group of theirs comes through.
      if (b !== NO_ID && wk.watchListHit > 0 && draw(w, 'watchList', id) < wk.watchListHit * leakKept(p.infoLeak, w.beliefs.colludingShare) && w.agents.brokers.cols.active[b] === 1) {
        arrestBroker(w, b);
        w.rec.add(M.watch_list_arrests);
      }
      if (outcome === Outcome.regular && docs === Docs.fraudulent) w.rec.add(M.crossings_fraud_undetected);
    }
    record(w, c, network, outcome, b);
    if (outcome === Outcome.intercepted) {
      w.rec.add(byPatrol ? M.interceptions_patrol : M.interceptions_post);
      turnBack(w, id, geometricWeeks(p.returnCooldownWeeks * p.turnBackCooldownShare, draw(w, 'cooldown', id)));
    } else {
      move(w, id, Status.crossed);
      m.crossings[id]!++;
      // The broker is paid for a person delivered: the fee, the employer's fee, the debt it will recover.
      if (b !== NO_ID) {
        const brokers = w.agents.brokers.cols;
        brokers.earned[b]! += deliveryRevenue(p, labourDemandOf(w, m.destination[id]!), recruitDebt(p, m.deceived[id] === 1)) * w.fixed.scale;
        brokers.moved[b]! += w.fixed.scale;
      }
      if (m.channel[id] === Channel.none) m.channel[id] = Channel.kin;
      // Legal status in Malaysia: only a procedural migrant inspected on a valid passport has it.
      const legal = outcome === Outcome.regular && m.docs[id] === Docs.passport && m.channel[id] === Channel.procedural;
      m.irregular[id] = legal ? 0 : 1;
      // Fraudulent papers stay with the broker who supplied them, and the identity with them; a
      // broker who bought a group's passage through a colluding officer often keeps the stamped papers.
      m.papersHeld[id] = m.docs[id] === Docs.fraudulent || (outcome === Outcome.colluded && draw(w, 'papers', id) < p.colludedPapersHeld) ? 1 : 0;
      if (!legal) w.rec.add(M.arrivals_irregular);
    }
  }
  q.clear();
}

/** Whether broker b (or none) has a colluding contact at crossing c. */
export function hasTie(w: World, b: number, c: number): boolean {
  return b !== NO_ID && c < MAX_TIED_CROSSINGS && (w.agents.brokers.cols.ties[b]! & (1 << c)) !== 0;
}

/** Counts one attempt at crossing c by its outcome, and feeds the learning of its network (and of brokers tied to the post). */
function record(w: World, c: number, network: number, outcome: number, broker: number): void {
  const C = w.fixed.geo.crossingIds.length;
  countAt(w, c, outcome);
  w.beliefs.attempts[network * C + c]!++;
  const tied = hasTie(w, broker, c);
  if (tied) w.beliefs.tiedAttempts[c]!++;
  if (outcome === Outcome.intercepted) {
    w.beliefs.intercepts[network * C + c]!++;
    if (tied) w.beliefs.tiedIntercepts[c]!++;
    w.rec.add(M.interceptions);
  } else if (outcome === Outcome.regular) w.rec.add(M.crossings_regular);
  else if (outcome === Outcome.colluded) w.rec.add(M.crossings_colluded);
  else w.rec.add(M.crossings_informal);
}
