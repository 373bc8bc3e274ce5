/**
 * Plain labels for what a person reads: variants, crossings and metrics. Identifiers
 * (`all@collaboration`, `entikong_informal`, `crossings_informal`) stay in the data files and
 * tooltips; pages and charts show the words below.
 */
import { BUILTIN, textIn } from '../model/interventions/index.js';
import { METRIC_DEFS, type MetricDef } from '../model/metrics.js';
import { localize, type Locale } from '../i18n/index.js';

export interface VariantInfo {
  name: string;
  description: string;
  stages: { date: string; stage: string }[];
  interventions: { kind: string; start: string; intensity: number; costPerYearIdr?: number; note?: string }[];
}

const words = (n: number, loc: Locale) => loc.list('numberWords')[n] ?? loc.int(n);

/** The plain label of an intervention kind ("Joint patrols"), or the kind itself for one lintas does not know. */
export function measureLabel(kind: string, loc: Locale = localize()): string {
  const def = BUILTIN.byKind.get(kind);
  return def ? textIn(def.label, loc.lang) : kind;
}

/** A cooperation stage in the reader's language. */
export const stageLabel = (stage: string, loc: Locale = localize()) => loc.t(`stage.${stage}`, { defaultValue: stage });

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
export function variantLabel(v: VariantInfo, base: VariantInfo, loc: Locale = localize()): string {
  const { t } = loc;
  if (v === base || v.name === base.name) return t('label.baseline');
  const kinds = addedKinds(v, base);
  const stage = lastStage(v) !== lastStage(base) ? t('label.atStage', { stage: stageLabel(lastStage(v), loc) }) : '';
  // A variant that changes something else (parameters, geography) keeps the name its author gave it.
  if (!kinds.length && !stage) return v.name;
  const all = BUILTIN.definitions.length;
  const measures =
    kinds.length === 0
      ? t('label.noMeasure')
      : kinds.length === all && BUILTIN.definitions.every((d) => kinds.includes(d.kind))
        ? t('label.allMeasures', { n: words(all, loc) })
        : kinds.length > 3
          ? t('label.someMeasures', { N: words(kinds.length, loc).replace(/^./, (c) => c.toUpperCase()) })
          : kinds.map((k) => measureLabel(k, loc)).join(' + ');
  return `${measures}${stage}`;
}

/** What a variant is, in a sentence: the baseline as the baseline, a combination as a combination. */
export function variantDescription(v: VariantInfo, base: VariantInfo, loc: Locale = localize()): string {
  const { t } = loc;
  if (v === base || v.name === base.name) return t('label.baselineDescription', { stage: stageLabel(lastStage(base), loc) });
  const kinds = addedKinds(v, base);
  const stage = lastStage(v) !== lastStage(base) ? t('label.stageSet', { stage: stageLabel(lastStage(v), loc), base: stageLabel(lastStage(base), loc) }) : '';
  if (!kinds.length && !stage) return t('label.otherChanges', { description: v.description }).trim();
  const what =
    kinds.length === 0
      ? t('label.noAdded')
      : kinds.length === 1
        ? t('label.oneAdded', { measure: measureLabel(kinds[0]!, loc) })
        : t('label.manyAdded', { n: words(kinds.length, loc), measures: kinds.map((k) => measureLabel(k, loc)).join(', ') });
  return t('label.withWhat', { what, stage, description: v.description }).trim();
}

/** Plain labels of every variant, by name (variants the info does not hold keep their name). */
export function variantLabels(variants: readonly VariantInfo[], shown?: readonly string[], loc: Locale = localize()): (name: string) => string {
  const base = variants[0];
  const byName = new Map(base ? variants.filter((v) => !shown || shown.includes(v.name)).map((v) => [v.name, variantLabel(v, base, loc)]) : []);
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
export function metricLabel(name: string, loc: Locale = localize()): string {
  return loc.t(`metric.${name}`, { defaultValue: (METRIC_DEFS as Record<string, MetricDef>)[name]?.label ?? name.replace(/_/g, ' ') });
}
