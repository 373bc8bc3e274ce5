/**
 * Officers at the posts: who is on duty, the collusion chance and training, then the officials'
 * side of learning — monitoring catches and removes or sanctions colluders, propensities drift up
 * while bribes go unpunished, and the perceived risk of being caught deters.
 */
import { power } from '../core/power.js';
import { definePhase } from './phase.js';
import { addOfficial } from './agents.js';
import { M } from './metrics.js';
import type { World } from './state.js';

/** Officers learn the risk of colluding from catches they see; monitoring removes some. */
export const officialLearningPhase = definePhase('officialLearning', { reads: ['fixed', 'week'], writes: ['agents', 'beliefs', 'rec'] }, monitorOfficials);

/**
 * An officer's choice to wave a broker's group through: the propensity (how willing the officer is,
 * c_official), scaled by how the bribe compares with the expected sanction — logistic in the gain
 * relative to the bribe, 1 when nothing can be lost — and cut by training for a trained officer.
 */
export function collusionChance(propensity: number, bribeIdr: number, caughtChance: number, sanctionIdr: number, sensitivity: number, trainedCut: number): number {
  if (bribeIdr <= 0) return 0;
  const gain = 1 - (caughtChance * sanctionIdr) / bribeIdr;
  const weigh = 1 / (1 + Math.exp(-sensitivity * gain)) / (1 / (1 + Math.exp(-sensitivity)));
  return Math.min(1, propensity * weigh * (1 - trainedCut));
}

/** The chance an officer expects of being caught for one person waved through: the announced monitoring, and the catches seen at the post. */
export function expectedCatch(catchChance: number, perceivedRisk: number): number {
  return 1 - (1 - catchChance) * (1 - perceivedRisk);
}

export function isTrained(w: World, official: number): boolean {
  return w.agents.officials.cols.trainDraw[official]! < w.week.trainedShare;
}

/** The officer on duty for one inspection at a post, picked by the uniform `u` (−1 if none). */
export function onDuty(w: World, post: number, u: number): number {
  const staff = w.agents.postOfficials[post]!;
  return staff.length ? staff[Math.floor(u * staff.length)]! : -1;
}

/** Chance an officer who colluded in `acts` acts (each standing for `scale` persons) is caught. */
export function caughtChance(catchChance: number, acts: number, scale: number): number {
  return 1 - power(1 - catchChance, acts * scale);
}

/**
 * Monitoring catches colluders, who are removed or sanctioned; unpunished bribes pay, so the
 * others' propensity drifts up. Officers at a post see the catches there and update their
 * perceived risk of being caught (an exponential moving average of the share of colluders caught).
 */
export function monitorOfficials(w: World): void {
  const o = w.agents.officials.cols;
  const p = w.fixed.p;
  const wk = w.week;
  const C = w.fixed.geo.crossingIds.length;
  const colludersAt = new Float64Array(C);
  w.beliefs.postCatches.fill(0);
  let colluders = 0, active = 0;
  const n = w.agents.officials.count;
  for (let id = 0; id < n; id++) {
    if (o.active[id] !== 1) continue;
    active++;
    const acts = o.colludedThisWeek[id]!;
    if (acts > 0) {
      colluders++;
      colludersAt[o.post[id]!]!++;
      const caught = w.fixed.draws.monitoring.u(id, wk.index, 0) < caughtChance(wk.catchChance, acts, w.fixed.scale);
      if (caught) w.beliefs.postCatches[o.post[id]!]!++;
      if (caught && w.fixed.draws.monitoring.u(id, wk.index, 1) < wk.colluderRemoval) {
        o.active[id] = 0;
        const staff = w.agents.postOfficials[o.post[id]!]!;
        staff.splice(staff.indexOf(id), 1);
        addOfficial(w, o.post[id]!);
        w.rec.add(M.officials_removed);
      } else if (caught) {
        // Caught and sanctioned but kept on: less willing next time.
        o.propensity[id] = o.propensity[id]! * (1 - p.sanctionEffect);
      } else {
        // Unpunished bribes pay: more willing next time, the more the more persons were waved
        // through (acts × scale persons: the same drift at every scale).
        const drift = 1 - power(1 - p.collusionDrift, acts * w.fixed.scale);
        o.propensity[id] = o.propensity[id]! + drift * (1 - o.propensity[id]!);
      }
    }
    o.colludedThisWeek[id] = 0;
  }
  for (let c = 0; c < C; c++) {
    if (colludersAt[c]! > 0) w.beliefs.postRisk[c] = (1 - p.riskLearning) * w.beliefs.postRisk[c]! + p.riskLearning * (w.beliefs.postCatches[c]! / colludersAt[c]!);
  }
  w.rec.set(M.officials_colluding_share, active ? colluders / active : 0);
  w.beliefs.colludingShare = active ? colluders / active : 0;
}
