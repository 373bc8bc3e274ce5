/**
 * Plain labels for what a person reads: variants, crossings and metrics. Identifiers
 * (`all@collaboration`, `entikong_informal`, `crossings_informal`) stay in the data files and
 * tooltips; pages and charts show the words below.
 */
import { BUILTIN } from '../model/interventions/index.js';
import { METRIC_DEFS, type MetricDef } from '../model/metrics.js';

export interface VariantInfo {
  name: string;
  description: string;
  stages: { date: string; stage: string }[];
  interventions: { kind: string; start: string; intensity: number; costPerYearIdr?: number; note?: string }[];
}

const NUMBER_WORDS = ['no', 'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten', 'eleven', 'twelve'];
const words = (n: number) => NUMBER_WORDS[n] ?? String(n);

/** The plain label of an intervention kind ("Joint patrols"), or the kind itself for one lintas does not know. */
export function measureLabel(kind: string): string {
  return BUILTIN.definitions.find((d) => d.kind === kind)?.label ?? kind;
}

const key = (iv: VariantInfo['interventions'][number]) => JSON.stringify([iv.kind, iv.start, iv.intensity, iv.costPerYearIdr ?? null]);
const lastStage = (v: VariantInfo) => v.stages[v.stages.length - 1]?.stage ?? 'coexistence';

/** The entries a variant adds to the baseline's (a multiset difference). */
export function addedMeasures(v: VariantInfo, base: VariantInfo): VariantInfo['interventions'] {
  const left = new Map<string, number>();
  for (const iv of base.interventions) left.set(key(iv), (left.get(key(iv)) ?? 0) + 1);
  return v.interventions.filter((iv) => {
    const n = left.get(key(iv)) ?? 0;
    if (n > 0) left.set(key(iv), n - 1);
    return n === 0;
  });
}

/** The kinds a variant adds, in order, once each. */
export function addedKinds(v: VariantInfo, base: VariantInfo): string[] {
  return [...new Set(addedMeasures(v, base).map((iv) => iv.kind))];
}

/**
 * What a variant is, in words built from what it changes against the baseline: "Joint patrols",
 * "Joint patrols + Intelligence sharing", "All nine measures, at the collaboration stage".
 */
export function variantLabel(v: VariantInfo, base: VariantInfo): string {
  if (v === base || v.name === base.name) return 'Baseline';
  const kinds = addedKinds(v, base);
  const stage = lastStage(v) !== lastStage(base) ? `, at the ${lastStage(v)} stage` : '';
  // A variant that changes something else (parameters, geography) keeps the name its author gave it.
  if (!kinds.length && !stage) return v.name;
  const all = BUILTIN.definitions.length;
  const measures =
    kinds.length === 0
      ? 'No added measure'
      : kinds.length === all && BUILTIN.definitions.every((d) => kinds.includes(d.kind))
        ? `All ${words(all)} measures together`
        : kinds.length > 3
          ? `${words(kinds.length).replace(/^./, (c) => c.toUpperCase())} measures together`
          : kinds.map(measureLabel).join(' + ');
  return `${measures}${stage}`;
}

/** What a variant is, in a sentence: the baseline as the baseline, a combination as a combination. */
export function variantDescription(v: VariantInfo, base: VariantInfo): string {
  if (v === base || v.name === base.name) return `The baseline: the border as it is, at the ${lastStage(base)} stage of cooperation, with the scenario's own events and measures and nothing added.`;
  const kinds = addedKinds(v, base);
  const stage = lastStage(v) !== lastStage(base) ? ` and the cooperation stage set to ${lastStage(v)} (the baseline: ${lastStage(base)})` : '';
  if (!kinds.length && !stage) return `The baseline with other changes: ${v.description}`.trim();
  const what = kinds.length === 0 ? 'no added measure' : kinds.length === 1 ? `one measure added (${measureLabel(kinds[0]!)})` : `${words(kinds.length)} measures added together (${kinds.map(measureLabel).join(', ')})`;
  return `The baseline with ${what}${stage}. ${v.description}`.trim();
}

/** Plain labels of every variant, by name (variants the info does not hold keep their name). */
export function variantLabels(variants: readonly VariantInfo[], shown?: readonly string[]): (name: string) => string {
  const base = variants[0];
  const byName = new Map(base ? variants.filter((v) => !shown || shown.includes(v.name)).map((v) => [v.name, variantLabel(v, base)]) : []);
  // Two variants must never read the same: fall back to the name where labels collide.
  const seen = new Map<string, number>();
  for (const l of byName.values()) seen.set(l, (seen.get(l) ?? 0) + 1);
  return (name) => {
    const l = byName.get(name);
    return l && seen.get(l) === 1 ? l : name;
  };
}

/** Plain names of crossings by id ("PLBN Entikong"); unknown ids stay as they are. */
export function crossingNames(crossings: readonly { id: string; name: string }[]): (id: string) => string {
  const m = new Map(crossings.map((c) => [c.id, c.name]));
  return (id) => m.get(id) ?? id;
}

/** The registry's plain label of a metric, or the name with spaces for derived columns. */
export function metricLabel(name: string): string {
  return (METRIC_DEFS as Record<string, MetricDef>)[name]?.label ?? name.replace(/_/g, ' ');
}
