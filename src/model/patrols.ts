/**
 * Patrols on the informal segments. Indonesian units are spread over the segments in
 * proportion to each segment's baseline coverage; Malaysian units likewise on their side.
 * Intelligence sharing moves a share of both to where brokers actually crossed last week
 * (which counters displacement); joint patrols add coverage on both sides and close the gap
 * at the line. Detection: p = 1 − exp(−κ · coverage · technology · terrain).
 */
import { CrossingKind } from './geography.js';
import type { World } from './world.js';

/** Detection probability on a segment for given coverage on each side. */
export function detectionProbability(kappa: number, technology: number, terrain: number, coverage: number, lineGap: number): number {
  return 1 - Math.exp(-kappa * technology * terrain * coverage * (1 - lineGap));
}

export function assignPatrols(w: World): void {
  const geo = w.geo;
  const p = w.p;
  const L = w.week.levels;
  const C = geo.crossingIds.length;
  const segments: number[] = [];
  geo.crossingKind.forEach((k, c) => {
    if (k === CrossingKind.informal && geo.open[w.week.index * C + c] === 1) segments.push(c);
  });
  const base = segments.map((c) => w.scenario.crossings[c]!.patrolCoverage);
  const baseTotal = base.reduce((s, x) => s + x, 0) || 1;
  const flows = segments.map((c) => w.brokerFlow[c]!);
  const flowTotal = flows.reduce((s, x) => s + x, 0);
  const targeted = flowTotal > 0 ? p.intelTargeting * L.intelligenceSharing : 0;
  w.coverage.fill(0);
  segments.forEach((c, i) => {
    const share = (1 - targeted) * (base[i]! / baseTotal) + (flowTotal > 0 ? (targeted * flows[i]!) / flowTotal : 0);
    w.coverage[c * 2] = p.patrolUnits * share;
    w.coverage[c * 2 + 1] = p.malaysianPatrolUnits * share + p.jointPatrolCoverage * L.jointPatrols;
    const cov = w.coverage[c * 2]! + w.coverage[c * 2 + 1]!;
    // Patrols acting on one side only lose part of the detection at the line; joint patrols close that gap.
    const gap = p.lineGap * (1 - L.jointPatrols);
    w.week.detection[c] = detectionProbability(p.patrolKappa, p.patrolTechnology, w.scenario.crossings[c]!.terrain, cov, gap);
  });
}
