/**
 * The registry of interventions a model knows. The built-in ones are listed here, one file
 * each; a caller may pass its own registry (a research extension, a test's dummy measure) to
 * the scenario parser and to createModel.
 */
import antiCollusion from './anti-collusion.js';
import type { InterventionDefinition, InterventionEntry, InterventionParam } from './define.js';
import documentAlignment from './document-alignment.js';
import economicDevelopment from './economic-development.js';
import intelligenceSharing from './intelligence-sharing.js';
import jointPatrols from './joint-patrols.js';
import jointTraining from './joint-training.js';
import ngoCooperation from './ngo-cooperation.js';
import operationalProtocols from './operational-protocols.js';
import placementReform from './placement-reform.js';

export type { Effect, Effects, HookContext, InterventionDefinition, InterventionEntry, InterventionParam, Localized, Text } from './define.js';
export { defineIntervention, textIn } from './define.js';

/**
 * Built-in interventions, one line each, in the order outputs list them. The order changes no
 * result: each lever combines the measures' contributions by its rule (conditions.ts, LEVERS).
 */
export const BUILTIN_INTERVENTIONS = [
  jointPatrols,
  intelligenceSharing,
  jointTraining,
  ngoCooperation,
  operationalProtocols,
  antiCollusion,
  documentAlignment,
  placementReform,
  economicDevelopment,
] as const satisfies readonly InterventionDefinition[];

/** The kinds of the built-in interventions. */
export type BuiltinKind = (typeof BUILTIN_INTERVENTIONS)[number]['kind'];

export class InterventionRegistry {
  readonly byKind: ReadonlyMap<string, InterventionDefinition>;
  readonly kinds: readonly string[];
  /** Every parameter the interventions bring, by name, with its default. */
  readonly params: ReadonlyMap<string, InterventionParam & { intervention: string }>;

  constructor(readonly definitions: readonly InterventionDefinition[]) {
    const byKind = new Map<string, InterventionDefinition>();
    const params = new Map<string, InterventionParam & { intervention: string }>();
    for (const d of definitions) {
      if (byKind.has(d.kind)) throw new Error(`intervention "${d.kind}" is registered twice`);
      byKind.set(d.kind, d);
      for (const [name, spec] of Object.entries(d.params) as [string, InterventionParam][]) {
        if (params.has(name)) throw new Error(`parameter "${name}" of intervention "${d.kind}" is already declared by "${params.get(name)!.intervention}"`);
        params.set(name, { ...spec, intervention: d.kind });
      }
    }
    this.byKind = byKind;
    this.kinds = definitions.map((d) => d.kind);
    this.params = params;
  }

  get(kind: string): InterventionDefinition {
    const d = this.byKind.get(kind);
    if (!d) throw new Error(`unknown intervention "${kind}"`);
    return d;
  }

  /** Cost of one entry in force for `years` years: its own yearly cost, else its definition's, × years. */
  cost(entry: InterventionEntry, years: number): number {
    return (entry.costPerYearIdr ?? this.get(entry.kind).costPerYearIdr?.value ?? 0) * years;
  }
}

export const BUILTIN = new InterventionRegistry(BUILTIN_INTERVENTIONS);

const extended = new WeakMap<readonly InterventionDefinition[], InterventionRegistry>();

/** The built-in interventions plus a scenario's own (the same registry for the same list). */
export function registryFor(extensions: readonly InterventionDefinition[] | undefined): InterventionRegistry {
  if (!extensions || extensions.length === 0) return BUILTIN;
  let r = extended.get(extensions);
  if (!r) extended.set(extensions, (r = new InterventionRegistry([...BUILTIN_INTERVENTIONS, ...extensions])));
  return r;
}

/** Loose check that a value is an intervention definition (for inputs that carry code). */
export function isInterventionDefinition(v: unknown): v is InterventionDefinition {
  const d = v as InterventionDefinition;
  return (
    typeof d === 'object' &&
    d !== null &&
    typeof d.kind === 'string' &&
    (typeof d.label === 'string' || (typeof d.label === 'object' && d.label !== null)) &&
    typeof d.effects === 'function' &&
    typeof d.params === 'object'
  );
}

/**
 * Sum of the intensities of a kind's entries in force on a date, capped at 1 (before the
 * cooperation stage acts).
 */
export function scheduledLevel(entries: readonly InterventionEntry[], kind: string, date: string): number {
  let level = 0;
  for (const iv of entries) {
    if (iv.kind === kind && iv.start <= date && (iv.end === undefined || date <= iv.end)) level = Math.min(1, level + iv.intensity);
  }
  return level;
}

const YEAR_MS = 365.25 * 86_400_000;

/** Intensity-weighted years a kind has been in force up to a date (for effects that build up). */
export function yearsActive(entries: readonly InterventionEntry[], kind: string, date: string): number {
  let weighted = 0;
  for (const iv of entries) {
    if (iv.kind !== kind || iv.start > date) continue;
    const until = iv.end !== undefined && iv.end < date ? iv.end : date;
    weighted += (iv.intensity * (Date.parse(until) - Date.parse(iv.start))) / YEAR_MS;
  }
  return weighted;
}
