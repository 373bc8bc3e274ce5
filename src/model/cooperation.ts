/**
 * Polner's five stages of bilateral cooperation, as the cross-border processes each one makes
 * possible (model brief, "Cooperation stage as processes"). A stage never scales an intervention:
 * it decides how the processes that cross the line work —
 *
 * - patrols: at coexistence, communication and cooperation each side patrols its own side and a
 *   joint patrol programme runs in parallel; coordination allocates the programme's units without
 *   gaps and hands crossers over at the line; collaboration runs joint teams across it;
 * - information: none shared at coexistence; lagged and partial from communication; near real
 *   time, with watch lists at the posts, from coordination;
 * - justice: suspects who cross the line escape and evidence stays in Malaysia at coexistence;
 *   informal requests from communication, mutual legal assistance from cooperation, joint
 *   investigations and the return of suspects at collaboration;
 * - victims: identified in Malaysia, they are deported as offenders until cooperation, when some
 *   are referred to protection and heard as witnesses; most are at collaboration;
 * - training and protocols: from cooperation, joint training reaches Malaysian enforcement and
 *   joint protocols cover the cross-border steps of a case.
 *
 * Each mechanism reads the stage in force unless the input pins it to another stage
 * (`mechanismStages`), which is how the change between two stages is decomposed.
 */
import { fastObject } from '../core/shape.js';
import type { Params } from './parameters.js';

export const STAGES = ['coexistence', 'communication', 'cooperation', 'coordination', 'collaboration'] as const;
export type Stage = (typeof STAGES)[number];

/** The stage in force from a date on. */
export interface StageEntry {
  readonly date: string;
  readonly stage: Stage;
}

export const MECHANISMS = ['patrols', 'information', 'justice', 'victims', 'training', 'protocols'] as const;
export type Mechanism = (typeof MECHANISMS)[number];

export const MECHANISM_LABELS: Record<Mechanism, string> = {
  patrols: 'who patrols where (parallel, coordinated or joint teams)',
  information: 'shared route and trafficker information (lag, accuracy, watch lists)',
  justice: 'justice across the line (evidence transfer, return of suspects)',
  victims: 'victims across the line (referral to protection, testimony)',
  training: 'joint training reaching Malaysian enforcement',
  protocols: 'joint protocols for the cross-border steps of a case',
};

/** How the joint patrol programme's units work. */
export const PatrolMode = { parallel: 0, coordinated: 1, joint: 2 } as const;

/** What the cross-border processes can do this week. */
export interface Capabilities {
  patrolMode: number;
  /** Share of the true broker flows and trafficker list that reaches the other side (0: nothing shared). */
  infoAccuracy: number;
  /** Weeks before shared information arrives. */
  infoLagWeeks: number;
  /** Shared watch lists of brokers checked at the posts. */
  watchLists: boolean;
  /** Chance the evidence held in Malaysia reaches a case in Indonesia, and the weeks it takes. */
  evidenceChance: number;
  evidenceWeeks: number;
  /** Chance a suspect who fled across the line is returned, and the weeks it takes. */
  suspectReturn: number;
  returnWeeks: number;
  /** Share of victims identified in Malaysia referred to protection rather than deported as offenders. */
  referral: number;
  /** Joint training reaches Malaysian enforcement. */
  commonTraining: boolean;
  /** Joint protocols cover the cross-border steps of a case. */
  commonProtocols: boolean;
}

/** The stage in force on a date: the last entry on or before it (the first entry before any). */
export function stageOn(stages: readonly StageEntry[], date: string): Stage {
  let stage: Stage = stages[0]!.stage;
  for (const st of stages) if (st.date <= date) stage = st.stage;
  return stage;
}

const at = (stage: Stage, from: Stage) => STAGES.indexOf(stage) >= STAGES.indexOf(from);

/** What each mechanism can do, each at its own stage. */
export function capabilities(stageOf: (m: Mechanism) => Stage, p: Params): Capabilities {
  const patrols = stageOf('patrols');
  const info = stageOf('information');
  const justice = stageOf('justice');
  const victims = stageOf('victims');

  const [infoAccuracy, infoLagWeeks] = at(info, 'collaboration')
    ? [p.infoAccuracyCollaboration, 0]
    : at(info, 'coordination')
      ? [p.infoAccuracyCoordination, p.infoLagCoordination]
      : at(info, 'communication')
        ? [p.infoAccuracyCommunication, p.infoLagCommunication]
        : [0, 0];

  const [evidenceChance, evidenceWeeks] = at(justice, 'collaboration')
    ? [p.evidenceJoint, p.jointInvestigationWeeks]
    : at(justice, 'cooperation')
      ? [p.evidenceMla, p.mlaWeeks]
      : at(justice, 'communication')
        ? [p.evidenceInformal, p.mlaWeeks]
        : [0, 0];

  return Object.assign(noCapabilities(), {
    patrolMode: at(patrols, 'collaboration') ? PatrolMode.joint : at(patrols, 'coordination') ? PatrolMode.coordinated : PatrolMode.parallel,
    infoAccuracy,
    infoLagWeeks,
    watchLists: at(info, 'coordination'),
    evidenceChance,
    evidenceWeeks,
    suspectReturn: at(justice, 'collaboration') ? p.suspectReturn : 0,
    returnWeeks: p.extraditionWeeks,
    referral: at(victims, 'collaboration') ? p.referralCollaboration : at(victims, 'cooperation') ? p.referralCooperation : 0,
    commonTraining: at(stageOf('training'), 'cooperation'),
    commonProtocols: at(stageOf('protocols'), 'cooperation'),
  });
}

/**
 * Nothing shared: the capabilities before any cooperation. Every Capabilities the model holds is
 * a copy of this one object, so all have its hidden class (number fields as doubles: core/shape.ts).
 */
const NONE: Capabilities = fastObject<Capabilities>({
  patrolMode: 0,
  infoAccuracy: 0,
  infoLagWeeks: 0,
  watchLists: false,
  evidenceChance: 0,
  evidenceWeeks: 0,
  suspectReturn: 0,
  returnWeeks: 0,
  referral: 0,
  commonTraining: false,
  commonProtocols: false,
});
export const noCapabilities = (): Capabilities => ({ ...NONE });
