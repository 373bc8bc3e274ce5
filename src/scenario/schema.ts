/**
 * The scenario schema. Every scenario — .ts, .json or .yaml — is parsed here before anything
 * runs; problems come back as one line each, naming the exact path.
 */
import { z } from 'zod';
import { MECHANISMS, STAGES } from '../model/cooperation.js';
import { EVENTS } from '../model/events/index.js';
import { BUILTIN, type InterventionDefinition, type InterventionRegistry, isInterventionDefinition } from '../model/interventions/index.js';
import { CORE_PARAMS, CORE_PARAM_NAMES, type ParamKind } from '../model/parameters.js';
import { isRealDate } from './dates.js';
import { memo } from './memo.js';
import { checkReferences, MAX_ENTRIES } from './references.js';

export { MAX_ENTRIES } from './references.js';


/** Most persons one agent may stand for. */
export const MAX_SCALE = 1e6;

export const dateString = z
  .string({ invalid_type_error: 'expected a date as "YYYY-MM-DD"' })
  .refine(isRealDate, (s) => ({ message: `expected a date as "YYYY-MM-DD", got "${s}"` }));

const num = z.number({ invalid_type_error: 'expected a number' }).finite('expected a finite number');
export const probability = num.refine((v) => v >= 0 && v <= 1, (v) => ({
  message: `expected a probability between 0 and 1, got ${v}`,
}));
const nonnegative = num.refine((v) => v >= 0, (v) => ({ message: `expected a number >= 0, got ${v}` }));
/** A count or amount with a ceiling: far above anything real, low enough that a run's tables stay allocatable. */
const upTo = (max: number, unit: string) =>
  num.refine((v) => v >= 0 && v <= max, (v) => ({ message: v < 0 ? `expected a number >= 0, got ${v}` : `expected at most ${max} ${unit}, got ${v}` }));
const list = <T extends z.ZodTypeAny>(item: T, max: number, what: string) => z.array(item).max(max, `expected at most ${max} ${what}`);
/** Scenario and variant names: they name output folders, so no path separators and no leading dot. */
export const NAME_PATTERN = /^[A-Za-z0-9][A-Za-z0-9_.+@-]{0,99}$/;
export const NAME_RULE = 'expected a name of at most 100 letters, digits and _ . + @ -, starting with a letter or digit';
const positive = num.refine((v) => v > 0, (v) => ({ message: `expected a number > 0, got ${v}` }));
const id = z.string({ invalid_type_error: 'expected an id string' }).min(1, 'expected a non-empty id');
const source = z.string().optional();
/** A province as a place the sources count in (summary.json perPlace, targets): an id, or '' for none. */
const provinceId = z.string().regex(/^([a-z][a-z0-9_]*)?$/, 'expected a province id such as west_kalimantan (lower-case letters, digits and _)').default('');

const optionalId = z.string().optional().transform((s) => (s ? s : undefined));
const optionalDate = z
  .union([dateString, z.literal(''), z.null()])
  .optional()
  .transform((s) => (s ? s : undefined));

const lat = num.refine((v) => v >= -90 && v <= 90, (v) => ({ message: `expected a latitude in -90..90, got ${v}` }));
const lon = num.refine((v) => v >= -180 && v <= 180, (v) => ({ message: `expected a longitude in -180..180, got ${v}` }));

export const originSchema = z.object({
  id,
  name: z.string(),
  province: z.string(),
  lat,
  lon,
  population: upTo(1e9, 'persons'),
  far: z.boolean().default(false),
  inflowPerYear: upTo(1e8, 'persons a year').default(0),
  wageRegion: id,
  unemployment: probability,
  poverty: probability,
  kinShare: probability,
  awareness: probability,
  homePost: optionalId,
  visitRate: probability.default(0),
  hub: id,
  source,
}).strict();

export const hubSchema = z.object({
  id,
  name: z.string(),
  lat,
  lon,
  brokers: upTo(1e5, 'brokers'),
  traffickerShare: probability,
  province: provinceId,
  source,
}).strict();

export const crossingSchema = z.object({
  id,
  name: z.string(),
  kind: z.enum(['post', 'sea', 'informal'], {
    errorMap: () => ({ message: 'expected one of "post", "sea", "informal"' }),
  }),
  lat,
  lon,
  counterpart: z.string().optional(),
  twinOf: optionalId,
  opens: optionalDate,
  operating: z.boolean(),
  officers: upTo(1e5, 'officers'),
  patrolCoverage: nonnegative.default(0),
  patrolCoverageMY: nonnegative.optional(),
  terrain: nonnegative.default(1),
  province: provinceId,
  source,
})
  .strict()
  // Malaysia's patrol priorities default to Indonesia's where a table does not give them.
  .transform((c) => ({ ...c, patrolCoverageMY: c.patrolCoverageMY ?? c.patrolCoverage }));

export const destinationSchema = z.object({
  id,
  name: z.string(),
  state: z.enum(['Sarawak', 'Sabah'], { errorMap: () => ({ message: 'expected "Sarawak" or "Sabah"' }) }),
  lat,
  lon,
  demand: nonnegative,
  exploitShare: probability,
  isolation: probability.default(0),
  source,
}).strict();

export const routeSchema = z.object({
  from: id,
  to: id,
  mode: z.enum(['road', 'river', 'sea', 'path'], {
    errorMap: () => ({ message: 'expected one of "road", "river", "sea", "path"' }),
  }),
  km: positive.refine((v) => v <= 1e5, (v) => ({ message: `expected at most 100000 km, got ${v}` })),
  hours: positive.refine((v) => v <= 1e5, (v) => ({ message: `expected at most 100000 hours, got ${v}` })),
  costIdr: upTo(1e15, 'rupiah'),
  inspection: z.boolean(),
  source,
}).strict();

const stepSchema = z
  .object({ date: dateString, value: positive.refine((v) => v <= 1e15, (v) => ({ message: `expected at most 1e15, got ${v}` })), source })
  .strict();

const paramValue = (kind: ParamKind) => {
  const base = kind === 'probability' ? probability : kind === 'positive' ? positive : kind === 'nonnegative' ? nonnegative : num;
  const range = z
    .tuple([num, num], { invalid_type_error: 'expected a range [lo, hi]' })
    .refine(([lo, hi]) => lo <= hi, ([lo, hi]) => ({ message: `expected lo <= hi, got [${lo}, ${hi}]` }));
  const sourced = z
    .object({ value: base, source: z.string().min(1, 'expected a source note'), range: range.optional() })
    // A value may lie outside its plausible range (a sweep, a what-if): the range is for priors.
    .strict();
  return z.union([base, sourced], {
    errorMap: (issue, ctx) =>
      issue.code === 'invalid_union'
        ? { message: ctx.data === undefined ? 'required, expected a number or { value, source }' : 'expected a number or { value, source }' }
        : { message: ctx.defaultError },
  });
};

/** Parameters: the model's own are required; each intervention's may be set, else its default holds. */
const paramsSchemaFor = (registry: InterventionRegistry) =>
  z
    .object({
      ...Object.fromEntries(CORE_PARAM_NAMES.map((n) => [n, paramValue(CORE_PARAMS[n].kind)])),
      ...Object.fromEntries([...registry.params, ...EVENTS.params].map(([n, spec]) => [n, paramValue(spec.kind).optional()])),
    } as Record<string, ReturnType<typeof paramValue>>)
    .strict();

const interventionSchemaFor = (registry: InterventionRegistry) =>
  z
    .object({
      kind: z.enum(registry.kinds as [string, ...string[]], {
        errorMap: () => ({ message: `expected one of ${registry.kinds.map((k) => `"${k}"`).join(', ')}` }),
      }),
      start: dateString,
      end: optionalDate,
      intensity: probability,
      costPerYearIdr: nonnegative.optional(),
      note: z.string().optional(),
    })
    .strict();

const stageEnum = z.enum(STAGES, { errorMap: () => ({ message: `expected one of ${STAGES.map((s) => `"${s}"`).join(', ')}` }) });
const mechanismEnum = z.enum(MECHANISMS, { errorMap: () => ({ message: `expected one of ${MECHANISMS.map((m) => `"${m}"`).join(', ')}` }) });

export const stageSchema = z.object({
  date: dateString,
  stage: stageEnum,
  source,
}).strict();

export const closureSchema = z.object({
  crossing: id,
  from: dateString,
  to: dateString,
  deportations: z.boolean().default(false),
  reason: z.string().optional(),
  source,
}).strict();

/** A .ts scenario's own interventions: definitions made with defineIntervention (code, so never from .json/.yaml). */
export const extensionsSchema = z.array(
  z.custom<InterventionDefinition>(isInterventionDefinition, 'expected an intervention definition made with defineIntervention()'),
);

/**
 * The scenario schema for a registry of interventions (its kinds and parameters). The large
 * sections are memoised (memo.ts): variants and sweep points parse only what they change.
 */
export const scenarioSchemaFor = (registry: InterventionRegistry) =>
  z
  .object({
    name: z.string().regex(NAME_PATTERN, NAME_RULE),
    description: z.string().optional(),
    start: dateString,
    end: dateString,
    spinUpWeeks: z.number().int('expected a whole number of weeks').min(0, 'expected weeks >= 0').max(1040, 'expected at most 1040 weeks (20 years) of spin-up').default(0),
    seed: z.number().int('expected an integer seed').nonnegative('expected a seed >= 0').max(Number.MAX_SAFE_INTEGER, 'expected a seed at most 2^53 - 1').default(1),
    scale: num.refine((v) => v >= 1 && v <= MAX_SCALE, (v) => ({ message: `expected a scale from 1 to ${MAX_SCALE} (persons per agent), got ${v}` })).default(1),
    origins: memo(list(originSchema, MAX_ENTRIES.origins, 'origins').min(1, 'expected at least one origin')),
    hubs: memo(list(hubSchema, MAX_ENTRIES.hubs, 'hubs').min(1, 'expected at least one hub')),
    crossings: memo(list(crossingSchema, MAX_ENTRIES.crossings, 'crossings').min(1, 'expected at least one crossing')),
    destinations: memo(list(destinationSchema, MAX_ENTRIES.destinations, 'destinations').min(1, 'expected at least one destination')),
    routes: memo(list(routeSchema, MAX_ENTRIES.routes, 'routes').min(1, 'expected at least one route')),
    series: memo(
      z
        .record(list(stepSchema, MAX_ENTRIES.steps, 'dated values').min(1, 'expected at least one dated value'))
        .refine((r) => Object.keys(r).length <= MAX_ENTRIES.series, `expected at most ${MAX_ENTRIES.series} series`),
    ),
    closures: memo(list(closureSchema, MAX_ENTRIES.list, 'closures').default([])),
    params: memo(paramsSchemaFor(registry)),
    stages: list(stageSchema, MAX_ENTRIES.list, 'stages').min(1, 'expected the cooperation stage at the start'),
    mechanismStages: z
      .object(Object.fromEntries(MECHANISMS.map((m) => [m, stageEnum.optional()])) as Record<(typeof MECHANISMS)[number], z.ZodOptional<typeof stageEnum>>)
      .strict()
      .optional(),
    interventions: list(interventionSchemaFor(registry), MAX_ENTRIES.list, 'interventions').default([]),
    events: memo(list(interventionSchemaFor(EVENTS), MAX_ENTRIES.list, 'events').default([])),
    variants: list(z.unknown(), 1000, 'variants').default([]),
    /** Changes of cooperation stage between two variants to decompose into the mechanisms (compare): Shapley values over `mechanisms` (default all). */
    decompositions: z
      .array(
        z
          .object({
            variant: z.string({ invalid_type_error: 'expected a variant name' }),
            against: z.string({ invalid_type_error: 'expected a variant name' }),
            mechanisms: z
              .array(mechanismEnum)
              .min(1, 'expected at least one mechanism')
              .refine((ms) => new Set(ms).size === ms.length, 'expected each mechanism once')
              .optional(),
          })
          .strict(),
      )
      .default([]),
    extensions: extensionsSchema.optional(),
  })
  .strict()
  .superRefine(checkReferences);

export const scenarioSchema = scenarioSchemaFor(BUILTIN);

/**
 * A scenario as a .ts file writes it (defineScenario, variant), before validation and defaults: optional fields may be
 * left out. docs/scenarios.md lists every field; `extends`, `append` and `set` belong to .json/.yaml files only.
 */
export type ScenarioInput = z.input<typeof scenarioSchema>;
export type ParsedScenario = z.output<typeof scenarioSchema>;
/**
 * One entry of a scenario's `origins`, after validation: a border regency or far origin that migrants leave from, with
 * its working-age population (persons), shares 0–1 (unemployment, poverty, kin across, awareness), wage region and hub.
 */
export type Origin = z.output<typeof originSchema>;
/** One entry of `hubs`, after validation: a recruiting or transit town, its brokers at the start and the share who traffic. */
export type Hub = z.output<typeof hubSchema>;
/**
 * One entry of `crossings`, after validation: an official land post, the sea route, or an informal crossing beside a post,
 * with its officers, opening date and patrol priority; `patrolCoverageMY` defaults to `patrolCoverage`.
 */
export type Crossing = z.output<typeof crossingSchema>;
/**
 * One entry of `destinations`, after validation: where migrants work in Sarawak or Sabah, with its relative demand for
 * Indonesian workers, the share of employers who exploit, and its isolation (0–1).
 */
export type Destination = z.output<typeof destinationSchema>;
/**
 * One entry of `routes`, after validation: a leg between two places or crossings (by id), its mode, length (km), travel
 * time (hours), cost (IDR) and whether it passes an inspection.
 */
export type Route = z.output<typeof routeSchema>;
/**
 * One entry of `interventions` (or `events`), after validation: a measure of some kind, in force from `start` to `end`
 * (open-ended if absent) at an intensity 0–1, with an optional programme cost in IDR a year.
 */
export type Intervention = z.output<ReturnType<typeof interventionSchemaFor>>;
