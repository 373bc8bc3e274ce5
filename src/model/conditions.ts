/**
 * The week's conditions: everything the phases read that does not belong to one agent — wages,
 * the push at each origin, and the levers the interventions move (patrol coverage, training,
 * identification chances, case delays, ...). They are set once at the start of each week: first
 * from the parameters, then each registered intervention's hook moves its levers by its level.
 * Phases read levers, never intervention levels, so a new intervention needs no phase edits.
 */
import type { Stage } from './cooperation.js';
import type { Params } from './parameters.js';

export interface Conditions {
  index: number;
  date: string;
  stage: Stage;
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

  // channel choice and recruitment
  proceduralCostIdr: number;
  proceduralWaitWeeks: number;
  /** Chance a broker with access obtains fraudulent papers for a recruit. */
  fraudDocChance: number;

  // patrols
  /** Share of patrol effort moved to where brokers crossed last week. */
  patrolTargetShare: number;
  /** Coverage units added on each informal segment on top of both sides' own. */
  jointCoverage: number;
  /** Share of detection lost at the line. */
  lineGap: number;
  /** Detection probability on each informal crossing this week (set by the patrols phase). */
  detection: Float64Array;

  // officials
  trainedShare: number;
  /** Cut in collusion by trained officers. */
  trainedCollusionCut: number;
  /** Intensity of monitoring of officials, 0..1. */
  monitoring: number;
  /** Chance one colluding act is caught. */
  catchChance: number;
  /** Chance a caught colluder is removed (else sanctioned and kept on). */
  colluderRemoval: number;

  // identification and support
  idPatrol: number;
  idNgo: number;
  idDeportation: number;
  /** Cut in the chance an identified victim re-crosses through a broker. */
  reintegrationCut: number;

  // justice
  shelterWeeks: number;
  /** Multiplier on the weekly chance a case stage is completed. */
  caseSpeed: number;
  crossBorderPenalty: number;
  brokerArrestChance: number;
}

/** Conditions before any intervention acts: the parameters' own values. */
export function baseConditions(p: Params, origins: number, crossings: number, start: string): Conditions {
  return {
    index: 0,
    date: start,
    stage: 'coexistence',
    levels: {},
    destinationWageIdr: 0,
    originWageIdr: new Float64Array(origins),
    baseHazard: new Float64Array(origins),
    originWageFactor: 1,
    unemploymentFactor: 1,
    awarenessBoost: 0,
    proceduralCostIdr: p.proceduralCostIdr,
    proceduralWaitWeeks: Math.max(1, p.proceduralWaitWeeks),
    fraudDocChance: p.docLoophole,
    patrolTargetShare: 0,
    jointCoverage: 0,
    lineGap: p.lineGap,
    detection: new Float64Array(crossings),
    trainedShare: p.trainedShare,
    trainedCollusionCut: 0,
    monitoring: 0,
    catchChance: 0,
    colluderRemoval: 0,
    idPatrol: Math.min(1, p.idPatrol),
    idNgo: Math.min(1, p.idNgo),
    idDeportation: Math.min(1, p.idDeportation),
    reintegrationCut: 0,
    shelterWeeks: p.shelterWeeks,
    caseSpeed: 1,
    crossBorderPenalty: p.crossBorderPenalty,
    brokerArrestChance: p.brokerArrestRate,
  };
}

/** Puts the levers back to their base values at the start of a week (arrays are kept). */
export function resetLevers(c: Conditions, base: Conditions): void {
  const { originWageIdr, baseHazard, detection, levels, index, date, stage } = c;
  Object.assign(c, base, { originWageIdr, baseHazard, detection, levels, index, date, stage });
}
