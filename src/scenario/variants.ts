/**
 * Variants: named scenarios derived from a baseline. In a .ts scenario, `variant(base, meta,
 * draft => { ... })` derives one with immer; in .json/.yaml a variant is a `patch` deep-merged
 * into the baseline (objects merge, arrays replace) plus optional `addInterventions`, appended.
 * Every variant is validated like any scenario, its problems prefixed with its path.
 */
import { produce, type Draft } from 'immer';
import { z } from 'zod';
import { UserError } from '../core/errors.js';
import { formatPath, type IssuePath, ScenarioError, zodLines } from './errors.js';
import { layersOf, redactIssues } from './provenance.js';
import { MECHANISMS, type Mechanism, type Stage, stageOn } from '../model/cooperation.js';
import { deepMerge, parseScenario, type Scenario } from './parse.js';
import type { ScenarioInput } from './schema.js';

/**
 * A variant's name and optional description, as `variant()` takes them (or the name alone as a string). The name must be
 * unique in the scenario, not "baseline", and made of letters, digits and _ . + @ -.
 */
export interface VariantMeta {
  name: string;
  description?: string;
}

/** A variant as a .ts scenario lists it: the whole derived scenario. */
export interface DerivedVariant extends VariantMeta {
  scenario: ScenarioInput;
}

/** Derives a variant from a baseline with an immer recipe; the baseline is left untouched. */
export function variant(base: ScenarioInput, meta: VariantMeta | string, recipe: (draft: Draft<ScenarioInput>) => void): DerivedVariant {
  const m = typeof meta === 'string' ? { name: meta } : meta;
  const { variants: _drop, ...rest } = base;
  return { ...m, scenario: produce(rest as ScenarioInput, recipe) };
}

const variantEntry = z
  .object({
    name: z.string({ invalid_type_error: 'expected a variant name' }).regex(/^[A-Za-z0-9_.+@-]+$/, 'expected a name of letters, digits and _ . + @ -'),
    description: z.string().optional(),
    scenario: z.record(z.unknown()).optional(),
    patch: z.record(z.unknown()).optional(),
    addInterventions: z.array(z.unknown()).optional(),
  })
  .strict();

export interface ResolvedVariant {
  name: string;
  description: string;
  scenario: Scenario;
  /** The variant as plain data, before validation (for runs that change a parameter of it). */
  data: Record<string, unknown>;
  /** For the runs a decomposition adds: the variant with these mechanisms held at the reference's stage. */
  decomposes?: HeldRun;
}

/** A run a decomposition adds: `variant` with the mechanisms `held` pinned (`mechanismStages`) at `stage`. */
export interface HeldRun {
  variant: string;
  /** In the order of MECHANISMS. */
  held: Mechanism[];
  stage: Stage;
}

/** The variant with the mechanisms `held` pinned at `stage` (its own other pins kept). */
function heldRun(data: Record<string, unknown>, variant: string, held: Mechanism[], stage: Stage): ResolvedVariant {
  const pins = { ...((data.mechanismStages as Record<string, string> | undefined) ?? {}), ...Object.fromEntries(held.map((m) => [m, stage])) };
  const heldData = { ...data, mechanismStages: pins };
  return {
    name: heldName(variant, held, stage),
    description: `${variant} with ${held.join(', ')} held at the ${stage} stage`,
    scenario: parseScenario(heldData),
    data: heldData,
    decomposes: { variant, held, stage },
  };
}

/** Does a patch set the value at `path` (objects merge, anything else replaces)? */
function given(patch: unknown, path: IssuePath): boolean {
  if (patch === undefined) return false;
  let node: unknown = patch;
  for (const part of path) {
    if (node === null || typeof node !== 'object' || Array.isArray(node)) return true;
    if (!Object.hasOwn(node, part)) return false;
    node = (node as Record<string | number, unknown>)[part];
  }
  return true;
}

/**
 * Name of the run that holds some mechanisms of a variant at a stage: the variant, `~`, the held
 * mechanisms in the order of MECHANISMS joined by `+`, `@` and the stage, e.g.
 * `all@collaboration~patrols+justice@coexistence`. A variant's own name cannot hold `~`.
 */
export const heldName = (variant: string, held: readonly Mechanism[], stage: Stage) => `${variant}~${sortMechanisms(held).join('+')}@${stage}`;

const sortMechanisms = (ms: readonly Mechanism[]) => MECHANISMS.filter((m) => ms.includes(m));

/** A player of a decomposition: one listed mechanism, or every mechanism the decomposition leaves out, moving together. */
export interface Player {
  /** The mechanism, or "others" for the unlisted mechanisms together. */
  name: Mechanism | 'others';
  /** The mechanisms that move with this player, in the order of MECHANISMS. */
  mechanisms: Mechanism[];
}

/**
 * How a decomposition is computed: its players and the run of every coalition of them. A coalition
 * S (a bitmask: bit i set when player i is in it) is the variant with the mechanisms of the players
 * NOT in S held at the reference's stage: the full coalition is the variant itself, the empty one
 * holds every mechanism.
 */
export interface DecompositionPlan {
  variant: string;
  against: string;
  /** The stage the held mechanisms keep: the reference's on the variant's start date. */
  stage: Stage;
  /** The listed mechanisms in the order of MECHANISMS, then "others" when the list leaves some out. */
  players: Player[];
  /** The run of each coalition, by bitmask: runs[2^n − 1] is the variant, runs[0] the empty coalition. */
  runs: string[];
  /**
   * The empty coalition is the reference itself: the two variants differ in nothing but their
   * stages, and the reference keeps the held stage throughout (runs[0] is then `against`).
   * Otherwise runs[0] is a run of its own and the reference's difference from it is not the stage.
   */
  emptyIsReference: boolean;
}

/** Scenario fields the model never reads (as model/fork.ts), and the stages, which the pins replace. */
const NOT_COMPARED = new Set(['name', 'description', 'variants', 'decompositions', 'paramSources', 'paramRanges', 'stages', 'mechanismStages']);

/** JSON with the keys of every object sorted: equal for equal data, whatever the order keys were set in. */
const canonical = (x: unknown) =>
  JSON.stringify(x, (_k, v: unknown) =>
    v !== null && typeof v === 'object' && !Array.isArray(v) ? Object.fromEntries(Object.entries(v).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) : v,
  );

/**
 * Is the variant with every mechanism held at `stage` the reference itself? Only if the two agree
 * in everything the model reads but the stages, the reference is at `stage` on every date (every
 * mechanism, pins included), and neither brings interventions of its own (code that may read the
 * stage in force, not only what the mechanisms can do).
 */
export function differsOnlyInStage(target: Scenario, reference: Scenario, stage: Stage): boolean {
  if (target.extensions?.length || reference.extensions?.length) return false;
  if (reference.stages.some((s) => s.stage !== stage)) return false;
  if (Object.values(reference.mechanismStages ?? {}).some((s) => s !== stage)) return false;
  const read = (s: Scenario) => canonical(Object.fromEntries(Object.entries(s).filter(([k]) => !NOT_COMPARED.has(k))));
  return read(target) === read(reference);
}

/** The players and coalition runs of one decomposition of `target` against `reference`. */
export function planDecomposition(entry: { variant: string; against: string; mechanisms?: readonly Mechanism[] }, target: Scenario, reference: Scenario): DecompositionPlan {
  const stage = stageOn(reference.stages, target.start);
  const listed = sortMechanisms(entry.mechanisms ?? MECHANISMS);
  const rest = MECHANISMS.filter((m) => !listed.includes(m));
  const players: Player[] = [...listed.map((m) => ({ name: m, mechanisms: [m] })), ...(rest.length ? [{ name: 'others' as const, mechanisms: rest }] : [])];
  const full = 2 ** players.length - 1;
  const emptyIsReference = differsOnlyInStage(target, reference, stage);
  const runs = Array.from({ length: full + 1 }, (_, mask) => {
    if (mask === full) return entry.variant;
    if (mask === 0 && emptyIsReference) return entry.against;
    return heldName(entry.variant, heldBy(players, mask), stage);
  });
  return { variant: entry.variant, against: entry.against, stage, players, runs, emptyIsReference };
}

/** The mechanisms a coalition holds back: those of the players not in it. */
export const heldBy = (players: readonly Player[], mask: number): Mechanism[] =>
  sortMechanisms(players.flatMap((p, i) => (mask & (1 << i) ? [] : p.mechanisms)));

/** Every decomposition the baseline declares, planned on the resolved variants (which hold their runs). */
export function decompositionPlans(variants: readonly ResolvedVariant[]): DecompositionPlan[] {
  const byName = new Map(variants.map((v) => [v.name, v]));
  return variants[0]!.scenario.decompositions.map((d) => planDecomposition(d, byName.get(d.variant)!.scenario, byName.get(d.against)!.scenario));
}

/** The baseline (first, named "baseline") and every variant, validated. */
export function resolveVariants(data: unknown): ResolvedVariant[] {
  const base = parseScenario(data);
  const raw = (data as { variants?: unknown[] }).variants ?? [];
  const { variants: _v, ...baseData } = data as Record<string, unknown>;
  const clean: Record<string, Record<string, unknown>> = { baseline: { ...(baseData as Record<string, unknown>), variants: [], decompositions: [] } };
  const out: ResolvedVariant[] = [{ name: 'baseline', description: base.description ?? 'the scenario as given', scenario: base, data: clean.baseline! }];
  const errors: string[] = [];
  const names = new Set(['baseline']);
  raw.forEach((entry, i) => {
    const parsed = variantEntry.safeParse(entry);
    if (!parsed.success) {
      errors.push(...zodLines(parsed.error).map((l) => `${formatPath(['variants', i])}.${l}`));
      return;
    }
    const v = parsed.data;
    if (names.has(v.name)) {
      errors.push(`variants[${i}].name: duplicate variant name "${v.name}"`);
      return;
    }
    names.add(v.name);
    let derived: unknown = v.scenario ?? deepMerge(baseData, v.patch ?? {});
    if (v.addInterventions) {
      const d = derived as { interventions?: unknown[] };
      derived = { ...d, interventions: [...(d.interventions ?? []), ...v.addInterventions] };
    }
    try {
      const { variants: _inner, ...rest } = derived as Record<string, unknown>;
      clean[v.name] = { ...rest, variants: [], decompositions: [] };
      out.push({ name: v.name, description: v.description ?? '', scenario: parseScenario(clean[v.name]), data: clean[v.name]! });
    } catch (e) {
      if (!(e instanceof UserError)) throw e;
      // A value the variant sets lies under variants[i]; the rest is the baseline's (maybe inherited).
      const own = (path: IssuePath) => (v.scenario !== undefined || (path[0] === 'interventions' && v.addInterventions) || given(v.patch, path) ? ['variants', i, ...path] : path);
      const lines = e instanceof ScenarioError ? redactIssues(e.issues, layersOf(data), own).map((x) => x.line) : e.lines;
      errors.push(...lines.map((l) => `variants[${i}] (${v.name}): ${l}`));
    }
  });
  if (errors.length) throw new UserError(errors);
  const added = new Set<string>();
  base.decompositions.forEach((d, i) => {
    const target = out.find((v) => v.name === d.variant);
    const reference = out.find((v) => v.name === d.against);
    if (!target) errors.push(`decompositions[${i}].variant: no variant named "${d.variant}"`);
    if (!reference) errors.push(`decompositions[${i}].against: no variant named "${d.against}"`);
    if (!target || !reference) return;
    // A run for every coalition but the variant itself (and the reference, when it is the empty one);
    // two decompositions of one variant share the runs they both need (same name: same run).
    const plan = planDecomposition(d, target.scenario, reference.scenario);
    plan.runs.forEach((name, mask) => {
      if (name === d.variant || name === d.against || added.has(name)) return;
      added.add(name);
      out.push(heldRun(clean[d.variant]!, d.variant, heldBy(plan.players, mask), plan.stage));
    });
  });
  if (errors.length) throw new UserError(errors);
  return out;
}
