/**
 * Interventions as dated data. Each week every intervention kind has an effective level in
 * 0..1: the sum of the intensities of its active entries (capped at 1), multiplied — for the
 * bilateral measures — by how much the current cooperation stage lets take effect.
 */
import type { Scenario } from '../scenario/load.js';
import { INTERVENTIONS, INTERVENTION_KINDS, STAGES, type InterventionKind, type Params, type Stage } from './parameters.js';

export type Levels = Record<InterventionKind, number>;

export function stageMultiplier(stage: Stage, p: Params): number {
  switch (stage) {
    case 'coexistence':
      return p.stageCoexistence;
    case 'communication':
      return p.stageCommunication;
    case 'cooperation':
      return p.stageCooperation;
    case 'coordination':
      return p.stageCoordination;
    case 'collaboration':
      return p.stageCollaboration;
  }
}

export function stageOn(s: Scenario, date: string): Stage {
  let stage: Stage = s.stages[0]!.stage;
  for (const st of s.stages) if (st.date <= date) stage = st.stage;
  return stage;
}

/** Effective level of every intervention on a date. */
export function levelsOn(s: Scenario, date: string): Levels {
  const stageM = stageMultiplier(stageOn(s, date), s.params);
  const levels = {} as Levels;
  for (const kind of INTERVENTION_KINDS) levels[kind] = 0;
  for (const iv of s.interventions) {
    const kind = iv.kind as InterventionKind;
    if (iv.start <= date && (iv.end === undefined || date <= iv.end)) levels[kind] = Math.min(1, levels[kind] + iv.intensity);
  }
  for (const kind of INTERVENTION_KINDS) if (INTERVENTIONS[kind].bilateral) levels[kind] *= stageM;
  return levels;
}

/** Years an intervention kind has been active up to a date (for measures that build up, e.g. awareness). */
export function yearsActive(s: Scenario, kind: InterventionKind, date: string): number {
  const DAY = 86_400_000;
  let weighted = 0;
  for (const iv of s.interventions) {
    if (iv.kind !== kind || iv.start > date) continue;
    const until = iv.end !== undefined && iv.end < date ? iv.end : date;
    weighted += (iv.intensity * (Date.parse(until) - Date.parse(iv.start))) / (365.25 * DAY);
  }
  return weighted;
}

export { STAGES };
