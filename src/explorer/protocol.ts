/**
 * Messages between the page and the simulation worker. The worker owns the model; the page only
 * ever sees these plain records, one per simulated week, so it can animate without touching
 * model state.
 */
import { Look, TRAVELLER_FIELDS } from '../model/observe.js';
import type { Stage } from '../model/cooperation.js';

/** What the controls set. Changing any of it means a fresh world. */
export interface RunConfig {
  seed: number;
  /** Persons per agent. */
  scale: number;
  /** Intensity (0–1) of each intervention the controls add from the scenario start; 0 adds nothing. */
  interventions: Partial<Record<string, number>>;
  /** The cooperation stage for the whole run, or null to keep the scenario's own stages. */
  stage: Stage | null;
}

/**
 * Fields of one sampled agent in WeekReport.agents, in this order. `look` is how the dot is
 * coloured: see LOOK in palette.ts.
 */
export const AGENT_FIELDS = ['id', 'status', 'start', 'startNode', 'crossing', 'destination', 'look'] as const;
export const AGENT_STRIDE = TRAVELLER_FIELDS;

/** Dot colour classes: procedural placement, kin-assisted or on their own, broker, broker with a deceptive offer. */
export { Look };

export interface WeekReport {
  run: number;
  /** Week index from 0. */
  week: number;
  date: string;
  /** Every metric of the week in persons (agents × scale; shares and officer counts unscaled), as `lintas run` reports them. */
  metrics: Record<string, number>;
  /** Persons per crossing and slot this week: [c * CROSSING_SLOTS + slot] (outcomes, then visits). */
  perCrossing: Float64Array;
  /** 1 when crossing c could be used this week. */
  open: Uint8Array;
  /** Sampled agents on the move (travelling to a crossing, or crossed this week): AGENT_STRIDE ints each. */
  agents: Int32Array;
  /** How many agents were on the move in all (the sample holds at most AGENT_SAMPLE of them). */
  moving: number;
}

export type ToWorker =
  | { type: 'init'; run: number; scenarioData: unknown; config: RunConfig }
  | { type: 'step'; run: number; count: number };

export type FromWorker =
  | { type: 'ready'; run: number; weeks: number; start: string }
  | ({ type: 'week' } & WeekReport)
  | { type: 'error'; run: number; message: string };
