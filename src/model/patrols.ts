/**
 * Patrols on the informal segments. Indonesian units are spread over the segments in
 * proportion to each segment's baseline coverage; Malaysian units likewise on their side. A
 * share of both may be moved to where brokers crossed last week (patrolTargetShare, which
 * counters displacement); extra coverage may be added on every segment (jointCoverage).
 * Detection: p = 1 − exp(−κ · coverage · technology · terrain · (1 − gap at the line)).
 */
import { CrossingKind } from './geography.js';
import type { World } from './state.js';

/** Detection probability on a segment for a given total coverage. */
export function detectionProbability(kappa: number, technology: number, terrain: number, coverage: number, lineGap: number): number {
  return 1 - Math.exp(-kappa * technology * terrain * coverage * (1 - lineGap));
}

export function assignPatrols(w: World): void {
  const geo = w.geo;
  const p = w.p;
  const wk = w.week;
  const C = geo.crossingIds.length;
  const segments: number[] = [];
  geo.crossingKind.forEach((k, c) => {
    if (k === CrossingKind.informal && geo.open[wk.index * C + c] === 1) segments.push(c);
  });
  const base = segments.map((c) => w.input.crossings[c]!.patrolCoverage);
  const baseTotal = base.reduce((s, x) => s + x, 0) || 1;
  const flows = segments.map((c) => w.beliefs.brokerFlow[c]!);
  const flowTotal = flows.reduce((s, x) => s + x, 0);
  const targeted = flowTotal > 0 ? wk.patrolTargetShare : 0;
  w.coverage.fill(0);
  segments.forEach((c, i) => {
    const share = (1 - targeted) * (base[i]! / baseTotal) + (flowTotal > 0 ? (targeted * flows[i]!) / flowTotal : 0);
    w.coverage[c * 2] = p.patrolUnits * share;
    w.coverage[c * 2 + 1] = p.malaysianPatrolUnits * share + wk.jointCoverage;
    const cov = w.coverage[c * 2]! + w.coverage[c * 2 + 1]!;
    wk.detection[c] = detectionProbability(p.patrolKappa, p.patrolTechnology, w.input.crossings[c]!.terrain, cov, wk.lineGap);
  });
}
