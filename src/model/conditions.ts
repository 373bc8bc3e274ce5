/**
 * The week's conditions: everything the phases read that does not belong to one agent — wages,
 * the push at each origin, and the levers the interventions move (patrol coverage, training,
 * identification chances, case delays, ...). They are set once at the start of each week: first
 * from the parameters, then each registered intervention's hook moves its levers by its level.
 * Phases read levers, never intervention levels, so a new intervention needs no phase edits.
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
  /** Share of procedural placement still open (a hiring freeze closes it). */
  proceduralOpen: number;
  /** Multiplier on Malaysian raid rates. */
  raidFactor: number;
  /** Multiplier on the size of deportation batches (0: deportations suspended). */
  deportationFactor: number;
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
    proceduralOpen: 1,
    raidFactor: 1,
    deportationFactor: 1,
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
  };
}

/** Puts the levers back to their base values at the start of a week (arrays are kept). */
export function resetLevers(c: Conditions, base: Conditions): void {
  const { originWageIdr, baseHazard, detection, levels, index, out, date, stage, cap } = c;
  Object.assign(c, base, { originWageIdr, baseHazard, detection, levels, index, out, date, stage, cap });
}
