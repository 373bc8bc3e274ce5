/**
 * Patrols on the informal segments. Each side spreads its own units over the open segments by
 * its own priorities (`patrolCoverage` for Indonesia, `patrolCoverageMY` for Malaysia), and a
 * patrol on one side loses the crossers it spots at the line (`lineGap`). Shared information may
 * move a share of both sides' units to where brokers are known to cross. A joint patrol
 * programme adds units whose work depends on the cooperation stage (cooperation.ts):
 *   parallel    — each side's half on its own side, by its own priorities, losing the line gap;
 *   coordinated — allocated where the two sides leave gaps, handing crossers over at the line;
 *   joint       — joint teams, allocated as coordinated, working across the line.
 * Detection on a segment: p = 1 − exp(−κ · technology · terrain · effective coverage).
 */
import { definePhase } from './phase.js';
import { PatrolMode } from './cooperation.js';
import { CrossingKind } from './geography.js';
import type { World } from './state.js';

/** Places the week's patrol units and sets detection on each informal crossing. */
export const patrolsPhase = definePhase('patrols', { reads: ['fixed', 'beliefs'], writes: ['week'] }, assignPatrols);

/** Detection probability on a segment for a given effective coverage (units net of the line gap). */
export function detectionProbability(kappa: number, technology: number, terrain: number, effectiveCoverage: number): number {
  return 1 - Math.exp(-kappa * technology * terrain * effectiveCoverage);
}

/** Shares of a weight vector (uniform when all weights are zero). */
export function shares(weights: readonly number[]): number[] {
  const total = weights.reduce((s, x) => s + x, 0);
  return total > 0 ? weights.map((x) => x / total) : weights.map(() => 1 / weights.length);
}

/**
 * Where coordinated units go: to the segments whose coverage falls furthest short of the two
 * sides' combined priorities, in proportion to the shortfall.
 */
export function gapFilling(units: number, own: readonly number[], priority: readonly number[]): number[] {
  const total = units + own.reduce((s, x) => s + x, 0);
  const shortfall = priority.map((w, i) => Math.max(0, w * total - own[i]!));
  return shares(shortfall).map((s) => s * units);
}

/** Broker flows per segment as the shared information shows them: lagged, and only partly accurate. */
export function sharedFlows(w: World, segments: readonly number[]): number[] | null {
  const cap = w.week.cap;
  const lag = Math.round(cap.infoLagWeeks);
  if (cap.infoAccuracy <= 0 || w.week.index - 1 - lag < 0) return null;
  const history = w.beliefs.flowHistory;
  const rows = history.length / w.fixed.geo.crossingIds.length;
  const row = (w.week.index - 1 - lag) % rows;
  const C = w.fixed.geo.crossingIds.length;
  const flows = segments.map((c) => history[row * C + c]!);
  const total = flows.reduce((s, x) => s + x, 0);
  if (total <= 0) return null;
  // What is not known accurately is as good as no information: spread evenly.
  return flows.map((f) => cap.infoAccuracy * (f / total) + (1 - cap.infoAccuracy) / segments.length);
}

/** What is left of shared information once some leaks to brokers through colluding officers: 1 − leak · colluding share. */
export function leakKept(leak: number, colludingShare: number): number {
  return Math.max(0, 1 - leak * colludingShare);
}

export function assignPatrols(w: World): void {
  const geo = w.fixed.geo;
  const p = w.fixed.p;
  const wk = w.week;
  const C = geo.crossingIds.length;
  const segments: number[] = [];
  geo.crossingKind.forEach((k, c) => {
    if (k === CrossingKind.informal && geo.open[wk.index * C + c] === 1) segments.push(c);
  });
  w.week.coverage.fill(0);
  if (!segments.length) return;
  const wID = shares(segments.map((c) => w.fixed.input.crossings[c]!.patrolCoverage));
  const wMY = shares(segments.map((c) => w.fixed.input.crossings[c]!.patrolCoverageMY));
  const known = wk.patrolTargetShare > 0 ? sharedFlows(w, segments) : null;
  // Shared routes leak to brokers through colluding officers: they avoid what is targeted.
  const targeted = known ? wk.patrolTargetShare * leakKept(p.infoLeak, w.beliefs.colludingShare) : 0;
  const alloc = (own: number[], i: number) => (1 - targeted) * own[i]! + (known ? targeted * known[i]! : 0);
  // The joint programme's units are partly taken from each side's own.
  const J = wk.jointUnits;
  const diverted = (J / 2) * p.patrolDiversion;
  const id = segments.map((_, i) => Math.max(0, p.patrolUnits - diverted) * alloc(wID, i));
  const my = segments.map((_, i) => Math.max(0, p.malaysianPatrolUnits * wk.myPatrolFactor - diverted) * alloc(wMY, i));

  // The joint programme's units and the detection they keep at the line.
  const mode = wk.cap.patrolMode;
  let joint: number[];
  let jointGap: number;
  if (mode === PatrolMode.parallel) {
    joint = segments.map((_, i) => (J / 2) * alloc(wID, i) + (J / 2) * alloc(wMY, i));
    jointGap = p.lineGap;
  } else {
    const priority = segments.map((_, i) => (wID[i]! + wMY[i]!) / 2);
    joint = gapFilling(J, segments.map((_, i) => id[i]! + my[i]!), priority);
    jointGap = mode === PatrolMode.joint ? 0 : p.lineGap * (1 - p.handoverGapCut);
  }

  segments.forEach((c, i) => {
    w.week.coverage[c * 3] = id[i]!;
    w.week.coverage[c * 3 + 1] = my[i]!;
    w.week.coverage[c * 3 + 2] = joint[i]!;
    const effective = (id[i]! + my[i]!) * (1 - p.lineGap) + joint[i]! * (1 - jointGap);
    wk.detection[c] = detectionProbability(p.patrolKappa, p.patrolTechnology, w.fixed.input.crossings[c]!.terrain, effective);
  });
}
