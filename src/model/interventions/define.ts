/**
 * What an intervention is: a kind, a plain label and meaning in the readers' languages, whether
 * it needs both countries (bilateral), the parameters it brings (each with unit, meaning, default
 * value and source), its illustrative cost, and its effects: what it does to the week's levers at
 * its level, as contributions that each lever combines by its own rule (conditions.ts, LEVERS) —
 * so the result does not depend on the order the measures are listed in. Nothing else in the model
 * names an intervention.
 */
import type { Capabilities, Stage } from '../cooperation.js';
import type { Lever } from '../conditions.js';
import type { ParamSpec, Params } from '../parameters.js';

/** Text in each language lintas speaks: English, Bahasa Indonesia, Malay. */
export interface Localized {
  en: string;
  id: string;
  ms: string;
}

/** Text as a definition gives it: in the three languages, or one string (English) for a study's own. */
export type Text = string | Localized;

/** The text in a language (English where only English is given). */
export const textIn = (text: Text, lang: keyof Localized = 'en'): string => (typeof text === 'string' ? text : text[lang]);

/** A parameter an intervention brings, with the value used when a scenario does not set it. */
export interface InterventionParam extends ParamSpec {
  value: number;
  source: string;
  /** The range it plausibly takes (for sensitivity analysis and calibration). */
  range?: readonly [number, number];
}

/** One scheduled entry of an intervention (or event): from `start`, to `end` if given, at `intensity`. */
export interface InterventionEntry {
  readonly kind: string;
  readonly start: string;
  readonly end?: string;
  /** 0..1; entries of one kind in force together add up, capped at 1. */
  readonly intensity: number;
  /** Programme cost per year in force (IDR); the definition's own when absent. */
  readonly costPerYearIdr?: number;
  readonly note?: string;
}

/**
 * What an intervention's `effects` is given besides its level: the parameters (its own and the
 * model's, as numbers), how long it has been in force, the week's cooperation stage and what it
 * lets cross-border processes do, and the levers' base values (before any measure acts).
 */
export interface HookContext<P extends string> {
  /** This intervention's own parameters and the model's (read-only). */
  p: Readonly<Record<P, number>> & Params;
  /** Intensity-weighted years the intervention has been in force up to this week. */
  yearsActive: number;
  stage: Stage;
  /** What the cross-border processes can do this week (cooperation.ts). */
  cap: Capabilities;
  /** Each lever's value before any measure acts this week. */
  base: Readonly<Record<Lever, number>>;
}

/**
 * A contribution to one lever: `add` is added to its base value, `factor` multiplies it. A lever's
 * value is (base + every add) × every factor, within its bounds (conditions.ts, LEVERS).
 */
export interface Effect {
  add?: number;
  factor?: number;
}

/** What a measure does to the week's levers: a contribution per lever it moves. */
export type Effects = Partial<Record<Lever, Effect>>;

/**
 * A kind of intervention, as defineIntervention takes it. A .ts scenario lists its own in
 * `extensions` and schedules them in `interventions` by `kind`; a built-in one is its file under
 * src/model/interventions/ plus one line in index.ts.
 */
export interface InterventionDefinition<P extends string = string> {
  kind: string;
  /** What a person reads: a policy officer, a teacher (in en, id and ms for a built-in measure). */
  label: Text;
  /** Needs both countries; how much of it works depends on the cooperation stage. */
  bilateral: boolean;
  /** What it moves in the model, in one line. */
  meaning: Text;
  /** Where the measure comes from (Oktavian et al. section, model brief). */
  source: string;
  params: Readonly<Record<P, InterventionParam>>;
  /**
   * Its illustrative yearly programme cost at full intensity (IDR) and where that figure comes
   * from: what an entry costs when it gives no costPerYearIdr.
   */
  costPerYearIdr?: { value: number; source: string };
  /**
   * What it does to the week's levers at `level` (0–1). Called every week for every registered
   * intervention, level 0 included (an effect may outlast the measure, e.g. awareness built by past
   * campaigns); at level 0 it must leave every lever as it is (no contribution, add 0 or factor 1)
   * unless the effect outlasts it.
   */
  effects(level: number, ctx: HookContext<P>): Effects;
}

/** Identity helper that gives a definition its types (parameter names checked in `effects`). */
export function defineIntervention<K extends string, P extends string>(def: InterventionDefinition<P> & { kind: K }): InterventionDefinition<P> & { kind: K } {
  return def;
}
