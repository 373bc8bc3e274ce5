/**
 * Employers in Malaysia, one group per destination (a state's plantation belt or its towns): their
 * demand for labour over time (the workforce they had at the start, times employers' unmet demand in
 * their state: labour_demand_* series, employerDemand) and two choices. Whether to take on a worker
 * who has no legal status: yes where they are short of workers, less where the expected fine weighs
 * against what hiring irregularly saves. And whether to exploit a worker: more where the worker is
 * without papers, in debt to the broker or without their documents, less where raids are more
 * frequent than usual (work.ts, exploitationChance).
 */
import { Status } from './codes.js';
import type { Params } from './parameters.js';
import type { World } from './state.js';

/** Statuses in which a person holds a job (or is held at one): what employers count as their workforce. */
export const isEmployed = (status: number): boolean => status === Status.workingRegular || status === Status.workingIrregular || status === Status.exploited;

/** An employer group's unfilled demand as a share of its demand: positive when short of workers, negative with more than it needs. */
export function vacancyRate(demand: number, employed: number): number {
  return demand > 0 ? (demand - employed) / demand : 0;
}

/** The fine an employer expects a year for a worker without legal status, as a share of what hiring irregularly saves. */
export function sanctionRatio(p: Params, weeklyRaidChance: number): number {
  return p.irregularSavingIdr > 0 ? (weeklyRaidChance * 52 * p.employerProsecution * p.employerFineIdr) / p.irregularSavingIdr : 0;
}

/** The chance an employer takes on a worker without legal status: logistic in its vacancy rate and the relative sanction. */
export function hireChance(p: Params, vacancy: number, sanction: number): number {
  return 1 / (1 + Math.exp(-(p.irregularHireLogit + p.hireVacancyWeight * vacancy - p.hireSanctionWeight * sanction)));
}

/**
 * Destination d's employers' vacancy rate this week: their demand is the workforce they had when the
 * population was made (employers.ts, demandBase) times unmet demand in their state this week.
 */
export function vacancyAt(w: World, destination: number): number {
  const demand = w.agents.demandBase[destination]! * w.week.labourDemand[w.fixed.geo.destinationSabah[destination]!]!;
  return vacancyRate(demand, w.agents.employed[destination]!);
}
