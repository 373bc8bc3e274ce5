/**
 * What an intervention is: a kind, a plain label, whether it needs both countries (bilateral),
 * the parameters it brings (each with unit, meaning, default value and source), how its cost
 * is counted, and the hook through which it acts — it moves levers of the week's conditions by
 * its level. Nothing else in the model names an intervention.
 */
import type { Conditions } from '../conditions.js';
import type { InterventionEntry, ModelInput } from '../input.js';
import type { ParamSpec, Params } from '../parameters.js';

/** A parameter an intervention brings, with the value used when a scenario does not set it. */
export interface InterventionParam extends ParamSpec {
  value: number;
  source: string;
  /** The range it plausibly takes (for sensitivity analysis and calibration). */
  range?: readonly [number, number];
}

/**
 * What an intervention's `apply` is given besides the week's conditions and its level: the parameters (its own and the
 * model's, as numbers), the model input (the resolved scenario), and how long it has been in force.
 */
export interface HookContext<P extends string> {
  /** This intervention's own parameters and the model's (read-only). */
  p: Readonly<Record<P, number>> & Params;
  input: ModelInput;
  /** Intensity-weighted years the intervention has been in force up to this week. */
  yearsActive: number;
}

/**
 * A kind of intervention, as defineIntervention takes it: label, meaning, source, whether it is bilateral, its parameters
 * (each with unit, default value and source), an optional cost model, and `apply`, which moves the week's levers by its
 * level (0–1). A .ts scenario lists its own in `extensions` and schedules them in `interventions` by `kind`.
 */
export interface InterventionDefinition<P extends string = string> {
  kind: string;
  /** What a person reads: a policy officer, a teacher. */
  label: string;
  /** Needs both countries; how much of it works depends on the cooperation stage. */
  bilateral: boolean;
  /** What it moves in the model, in one line. */
  meaning: string;
  /** Where the measure comes from (Oktavian et al. section, model brief). */
  source: string;
  params: Readonly<Record<P, InterventionParam>>;
  /** Cost of one scheduled entry for the years it is in force (default: its costPerYearIdr × years). */
  cost?: (entry: InterventionEntry, years: number) => number;
  /**
   * Moves the week's levers. Called every week for every registered intervention, level 0
   * included (an effect may outlast the measure, e.g. awareness built by past campaigns).
   */
  apply(c: Conditions, level: number, ctx: HookContext<P>): void;
}

/** Identity helper that gives a definition its types (parameter names checked in `apply`). */
export function defineIntervention<K extends string, P extends string>(def: InterventionDefinition<P> & { kind: K }): InterventionDefinition<P> & { kind: K } {
  return def;
}
