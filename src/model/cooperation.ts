/**
 * Polner's stages of bilateral cooperation. For now a stage scales how much of a bilateral
 * measure takes effect (stageCoexistence … stageCollaboration).
 */
import type { Params } from './parameters.js';

export const STAGES = ['coexistence', 'communication', 'cooperation', 'coordination', 'collaboration'] as const;
export type Stage = (typeof STAGES)[number];

/** The stage in force from a date on. */
export interface StageEntry {
  readonly date: string;
  readonly stage: Stage;
}

/** The stage in force on a date: the last entry on or before it (the first entry before any). */
export function stageOn(stages: readonly StageEntry[], date: string): Stage {
  let stage: Stage = stages[0]!.stage;
  for (const st of stages) if (st.date <= date) stage = st.stage;
  return stage;
}

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
