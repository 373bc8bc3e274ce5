/**
 * The week's conditions: everything the phases read that does not belong to one agent — wages,
 * the push at each origin, and the levers the interventions move (patrol coverage, training,
 * identification chances, case delays, ...). They are set once at the start of each week: first
 * from the parameters, then every registered measure and event contributes to the levers it moves
 * (its `effects`), and each lever combines the contributions by its rule (LEVERS). Phases read
 * levers, never intervention levels, so a new intervention needs no phase edits.
 */
import { type Capabilities, noCapabilities, type Stage } from './cooperation.js';
import type { Params } from './parameters.js';

export interface Conditions {
  /** Week of the run, spin-up included: addresses draws and opening dates. */
  index: number;
  /** Week of the outputs (index − spin-up); negative during the spin-up, when nothing is reported. */
  out: number;
  date: string;
  stage: Stage;
  /** What the cross-border processes can do this week (cooperation.ts). */
  cap: Capabilities;
  /** Effective level 0..1 of each registered intervention this week, by kind (for outputs and the explorer). */
  levels: Record<string, number>;

  // push and pull
  destinationWageIdr: number;
  originWageIdr: Float64Array;
  /** Departure hazard of a resident with hazardFactor 1, per origin. */
  baseHazard: Float64Array;
  /** Multiplier on origin wages. */
  originWageFactor: number;
  /** Multiplier on origin unemployment rates. */
  unemploymentFactor: number;
  /** Added to every resident's awareness of safe channels (0..1). */
  awarenessBoost: number;
  /** Multiplier on the pull of jobs in Malaysia (departures, far-origin arrivals). */
  pullFactor: number;
  /** Employers' unmet demand for labour by state (0 Sarawak, 1 Sabah), relative to 2019: the dated series × employerDemand. */
  labourDemand: Float64Array;
  /** Share of procedural placement still open (a hiring freeze closes it). */
  proceduralOpen: number;
  /** Multiplier on Malaysian raid rates. */
  raidFactor: number;
  /** Each state's immigration enforcement effort (0 Sarawak, 1 Sabah), relative to 2019: the dated raid_effort_* series (1 where none). */
  raidEffort: Float64Array;
  /** Multiplier on the size of Sabah's deportation batches through Nunukan (0: suspended). Sarawak's were not suspended. */
  deportationFactorSabah: number;
  /** Multiplier on Malaysian patrol units on the informal segments. */
  myPatrolFactor: number;

  // channel choice and recruitment
  proceduralCostIdr: number;
  proceduralWaitWeeks: number;
  /** Chance a broker with access obtains fraudulent papers for a recruit. */
  fraudDocChance: number;

  // patrols
  /** Share of both sides' patrol units moved to where shared information says brokers cross. */
  patrolTargetShare: number;
  /** Patrol units of the joint patrol programme, both sides together. */
  jointUnits: number;
  /** Chance a broker whose group crosses a post is stopped by a shared watch list. */
  watchListHit: number;
  /** Detection probability on each informal crossing this week (set by the patrols phase). */
  detection: Float64Array;

  // officials
  trainedShare: number;
  /** Cut in collusion by trained officers. */
  trainedCollusionCut: number;
  /** Chance one colluding act is caught. */
  catchChance: number;
  /** Chance a caught colluder is removed (else sanctioned and kept on). */
  colluderRemoval: number;

  // identification and support
  idPatrol: number;
  idRaid: number;
  /** Weekly chance an NGO network reaches a victim at a workplace that is not isolated. */
  ngoOutreach: number;
  idDeportation: number;
  /** Cut in the chance an identified victim re-crosses through a broker. */
  reintegrationCut: number;

  // justice
  shelterWeeks: number;
  /** Multiplier on the weekly chance a case stage is completed. */
  caseSpeed: number;
  /** Multiplier on the time evidence from Malaysia takes to arrive. */
  evidenceWeeksFactor: number;
  /** Share of failed evidence requests that joint protocols recover. */
  evidenceGain: number;
  brokerArrestChance: number;
  /** Multiplier on the share of task-force cases the police records as trafficking reports (statistics.ts). */
  policeFiling: number;
}

/** Conditions before any intervention acts: the parameters' own values. */
export function baseConditions(p: Params, origins: number, crossings: number, start: string): Conditions {
  return {
    index: 0,
    out: 0,
    date: start,
    stage: 'coexistence',
    cap: noCapabilities(),
    levels: {},
    destinationWageIdr: 0,
    originWageIdr: new Float64Array(origins),
    baseHazard: new Float64Array(origins),
    originWageFactor: 1,
    unemploymentFactor: 1,
    awarenessBoost: 0,
    pullFactor: 1,
    labourDemand: new Float64Array(2).fill(1),
    proceduralOpen: 1,
    raidFactor: 1,
    raidEffort: new Float64Array(2).fill(1),
    deportationFactorSabah: 1,
    myPatrolFactor: 1,
    proceduralCostIdr: p.proceduralCostIdr,
    proceduralWaitWeeks: Math.max(1, p.proceduralWaitWeeks),
    fraudDocChance: p.docLoophole,
    patrolTargetShare: 0,
    jointUnits: 0,
    watchListHit: 0,
    detection: new Float64Array(crossings),
    trainedShare: p.trainedShare,
    trainedCollusionCut: 0,
    catchChance: 0,
    colluderRemoval: 0,
    idPatrol: p.idPatrol,
    idRaid: p.idRaid,
    ngoOutreach: p.ngoOutreach,
    idDeportation: p.idDeportation,
    reintegrationCut: 0,
    shelterWeeks: p.shelterWeeks,
    caseSpeed: 1,
    evidenceWeeksFactor: 1,
    evidenceGain: 0,
    brokerArrestChance: p.brokerArrestRate,
    policeFiling: 0,
  };
}

/** Puts the levers back to their base values at the start of a week (arrays are kept). */
export function resetLevers(c: Conditions, base: Conditions): void {
  const { originWageIdr, baseHazard, detection, labourDemand, raidEffort, levels, index, out, date, stage, cap } = c;
  Object.assign(c, base, { originWageIdr, baseHazard, detection, labourDemand, raidEffort, levels, index, out, date, stage, cap });
}

/**
 * How a lever combines what measures and events contribute: (base + every `add`) × every
 * `factor`, then kept within [min, max]. Adds are summed and factors multiplied in the order of
 * the contributors' kinds (sorted), so the value is the same whatever order the measures are
 * registered or listed in.
 */
export interface LeverRule {
  readonly min?: number;
  readonly max?: number;
  /** What the lever is, in a line. */
  readonly meaning: string;
}

const share = (meaning: string): LeverRule => ({ min: 0, max: 1, meaning });
const multiplier = (meaning: string): LeverRule => ({ min: 0, meaning });

/** Every lever measures and events may move, with its bounds. */
export const LEVERS = {
  originWageFactor: multiplier('multiplier on origin wages'),
  unemploymentFactor: multiplier('multiplier on origin unemployment rates'),
  awarenessBoost: share('added to every resident\'s awareness of safe channels'),
  pullFactor: multiplier('multiplier on the pull of jobs in Malaysia'),
  proceduralOpen: share('share of procedural placement still open'),
  raidFactor: multiplier('multiplier on Malaysian raid rates'),
  deportationFactorSabah: multiplier('multiplier on the size of Sabah\'s deportation batches'),
  myPatrolFactor: multiplier('multiplier on Malaysian patrol units on the informal segments'),
  proceduralCostIdr: { min: 0, meaning: 'cost of procedural placement (IDR)' },
  proceduralWaitWeeks: { min: 1, meaning: 'weeks procedural placement takes' },
  fraudDocChance: share('chance a broker with access obtains fraudulent papers'),
  patrolTargetShare: share('share of patrol units moved to where shared information says brokers cross'),
  jointUnits: { min: 0, meaning: 'patrol units of the joint programme' },
  watchListHit: share('chance a listed broker crossing a post is stopped'),
  trainedShare: share('share of officers trained'),
  trainedCollusionCut: share('cut in collusion by trained officers'),
  catchChance: share('chance one colluding act is caught'),
  colluderRemoval: share('chance a caught colluder is removed'),
  idPatrol: share('chance a patrol identifies a victim in a group it stops'),
  idRaid: share('chance a raid identifies a victim it finds'),
  ngoOutreach: share('weekly chance NGO networks reach a victim'),
  idDeportation: share('chance screening at deportation identifies a victim'),
  reintegrationCut: share('cut in the chance an identified victim re-crosses through a broker'),
  shelterWeeks: { min: 1, meaning: 'weeks in shelter' },
  caseSpeed: multiplier('multiplier on the weekly chance a case stage is completed'),
  evidenceWeeksFactor: multiplier('multiplier on the time evidence from Malaysia takes'),
  evidenceGain: share('share of failed evidence requests that joint protocols recover'),
  brokerArrestChance: share('weekly chance a broker is arrested'),
  policeFiling: share('share of the cases not otherwise reported that a campaign files as trafficking reports'),
} as const satisfies Record<string, LeverRule>;

/** A lever measures and events may move. */
export type Lever = keyof typeof LEVERS & keyof Conditions;

/** The levers, in declaration order. */
export const LEVER_NAMES = Object.keys(LEVERS) as Lever[];

/** A measure's contribution to a lever, and whose it is. */
export interface Contribution {
  kind: string;
  add?: number;
  factor?: number;
}

/**
 * Sets each lever from its base value and the contributions to it: the adds, then the factors,
 * each in the order of the contributors' kinds, then the lever's bounds.
 */
export function combineLevers(c: Conditions, base: Readonly<Record<Lever, number>>, contributions: ReadonlyMap<Lever, Contribution[]>): void {
  for (const [lever, list] of contributions) {
    const sorted = [...list].sort((a, b) => (a.kind < b.kind ? -1 : a.kind > b.kind ? 1 : 0));
    let v = base[lever];
    for (const x of sorted) if (x.add !== undefined) v += x.add;
    for (const x of sorted) if (x.factor !== undefined) v *= x.factor;
    const rule: LeverRule = LEVERS[lever];
    if (rule.min !== undefined && v < rule.min) v = rule.min;
    if (rule.max !== undefined && v > rule.max) v = rule.max;
    c[lever] = v;
  }
}
