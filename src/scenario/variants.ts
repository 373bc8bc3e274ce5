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
import { MECHANISMS, type Mechanism, stageOn } from '../model/cooperation.js';
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
  /** For the runs a decomposition adds: the variant with one mechanism held at the reference's stage. */
  decomposes?: { variant: string; against: string; mechanism: Mechanism };
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

/** Name of the run that holds one mechanism of a variant at the reference's stage. */
export const heldName = (variant: string, mechanism: Mechanism) => `${variant}~${mechanism}`;

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
  base.decompositions.forEach((d, i) => {
    const target = out.find((v) => v.name === d.variant);
    const reference = out.find((v) => v.name === d.against);
    if (!target) errors.push(`decompositions[${i}].variant: no variant named "${d.variant}"`);
    if (!reference) errors.push(`decompositions[${i}].against: no variant named "${d.against}"`);
    if (!target || !reference) return;
    // Each mechanism in turn is held at the stage the reference has when the variant starts.
    const held = stageOn(reference.scenario.stages, target.scenario.start);
    for (const mechanism of MECHANISMS) {
      const data = clean[d.variant]!;
      const pins = { ...((data.mechanismStages as Record<string, string> | undefined) ?? {}), [mechanism]: held };
      const heldData = { ...data, mechanismStages: pins };
      out.push({
        name: heldName(d.variant, mechanism),
        description: `${d.variant} with ${mechanism} held at the ${held} stage`,
        scenario: parseScenario(heldData),
        data: heldData,
        decomposes: { variant: d.variant, against: d.against, mechanism },
      });
    }
  });
  if (errors.length) throw new UserError(errors);
  return out;
}
