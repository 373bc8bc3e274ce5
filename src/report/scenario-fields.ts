/**
 * What each field of a scenario means, its unit and an example: the words of docs/scenarios.md
 * and of the JSON Schema's descriptions. Types, bounds and defaults come from the schema itself
 * (scenario-schema.ts); a test checks that every field of the schema is described here.
 */
import { MECHANISMS } from '../model/cooperation.js';
import { EVENTS } from '../model/events/index.js';
import { BUILTIN } from '../model/interventions/index.js';
import { CORE_PARAMS, CORE_PARAM_NAMES } from '../model/parameters.js';

export interface FieldDoc {
  description: string;
  unit?: string;
  example?: unknown;
}

const SOURCE: FieldDoc = { description: 'where the row\'s figures come from: an entry of docs/sources.md, or "assumption: why"', example: 'border facts §2: opened 1989-10-01' };
const ID: FieldDoc = { description: 'identifier that other tables and paths use (letters, digits, _)' };
const LAT: FieldDoc = { description: 'latitude', unit: 'degrees north', example: 1.0 };
const LON: FieldDoc = { description: 'longitude', unit: 'degrees east', example: 110.36 };
const INTERVENTION = (what: string): Record<string, FieldDoc> => ({
  [`${what}[].kind`]: { description: `which ${what === 'events' ? 'event' : 'measure'} (see docs/parameters.md for each kind and its parameters)` },
  [`${what}[].start`]: { description: 'first day in force', unit: 'date YYYY-MM-DD', example: '2020-01-06' },
  [`${what}[].end`]: { description: 'last day in force (open-ended if absent)', unit: 'date YYYY-MM-DD' },
  [`${what}[].intensity`]: { description: 'how fully it is in force; entries of one kind in force together add up, capped at 1', unit: 'share 0–1', example: 1 },
  [`${what}[].costPerYearIdr`]: { description: 'programme cost while in force, for the cost per case averted', unit: 'IDR a year', example: 40_000_000_000 },
  [`${what}[].note`]: { description: 'what the entry stands for, and its source' },
});

const params: Record<string, FieldDoc> = Object.fromEntries([
  ...CORE_PARAM_NAMES.map((n) => [`params.${n}`, { description: CORE_PARAMS[n].meaning, unit: CORE_PARAMS[n].unit }]),
  ...[...BUILTIN.params, ...EVENTS.params].map(([n, spec]) => [`params.${n}`, { description: `${spec.meaning} (${spec.intervention})`, unit: spec.unit }]),
]);

export const FIELD_DOCS: Record<string, FieldDoc> = {
  extends: { description: 'a scenario this one starts from (a .json/.yaml file, or a built-in scenario: baseline, paper-interventions); objects merge, arrays replace', example: 'baseline' },
  append: { description: 'with extends: entries added to the lists the scenario inherits (lists given as fields replace the inherited ones)', example: { closures: [{ crossing: 'aruk', from: '2023-01-02', to: '2023-03-31', reason: 'flood' }] } },
  set: { description: 'with extends: single values changed by path, the rest inherited: a parameter (params.patrolKappa, a number or { value, source }), an entry by id or index (crossings.entikong_informal.terrain, closures[0].to)', example: { 'crossings.entikong_informal.terrain': 0.5 } },
  name: { description: 'scenario name; names the output folder', example: 'stronger-patrols' },
  description: { description: 'what the scenario is, in a sentence' },
  start: { description: 'first reported week (the Monday of that week)', unit: 'date YYYY-MM-DD', example: '2019-01-07' },
  end: { description: 'last reported week', unit: 'date YYYY-MM-DD', example: '2024-12-30' },
  spinUpWeeks: { description: 'weeks simulated on the same rules before start and not reported, so that the start is a settled state', unit: 'weeks', example: 156 },
  seed: { description: 'random seed (a run is a pure function of scenario and seed)', example: 1 },
  scale: { description: 'persons one agent stands for (20 gives a fast run with the same patterns)', unit: 'persons per agent', example: 20 },
  origins: { description: 'where migrants come from: the border regencies and far origins' },
  'origins[].id': ID,
  'origins[].name': { description: 'plain name', example: 'Sambas' },
  'origins[].province': { description: 'province', example: 'West Kalimantan' },
  'origins[].lat': LAT,
  'origins[].lon': LON,
  'origins[].population': { description: 'working-age residents', unit: 'persons', example: 428_400 },
  'origins[].far': { description: 'a far origin (Sulawesi, Nusa Tenggara, Java): its people arrive at a hub already set on leaving' },
  'origins[].inflowPerYear': { description: 'far-origin migrants arriving a year at base conditions', unit: 'persons a year' },
  'origins[].wageRegion': { description: 'which wage series applies (series `wage_<region>`)', example: 'kalbar' },
  'origins[].unemployment': { description: 'open unemployment rate', unit: 'share 0–1', example: 0.0511 },
  'origins[].poverty': { description: 'share of residents below the poverty line', unit: 'share 0–1', example: 0.0819 },
  'origins[].kinShare': { description: 'share of households with kin across the border', unit: 'share 0–1', example: 0.45 },
  'origins[].awareness': { description: 'awareness of safe migration channels', unit: 'share 0–1', example: 0.35 },
  'origins[].homePost': { description: 'the crossing residents use for short visits (crossing id)', example: 'aruk' },
  'origins[].visitRate': { description: 'short visits across the border a resident makes a week', unit: 'per person per week', example: 0.01144 },
  'origins[].hub': { description: 'the broker hub that recruits here (hub id)', example: 'sambas_town' },
  'origins[].source': SOURCE,
  hubs: { description: 'recruiting and transit towns where brokers work' },
  'hubs[].id': ID,
  'hubs[].name': { description: 'plain name', example: 'Nunukan town' },
  'hubs[].lat': LAT,
  'hubs[].lon': LON,
  'hubs[].brokers': { description: 'active brokers at the start (kept at full count at every scale)', unit: 'brokers', example: 150 },
  'hubs[].traffickerShare': { description: 'share of brokers who place recruits into exploitation', unit: 'share 0–1', example: 0.35 },
  'hubs[].province': { description: 'the Indonesian province the hub is in: cases against its brokers are counted there (summary.json perPlace)', unit: 'id', example: 'west_kalimantan' },
  'hubs[].source': SOURCE,
  crossings: { description: 'official posts, the sea route, and the footpaths and water crossings beside them' },
  'crossings[].id': ID,
  'crossings[].name': { description: 'plain name', example: 'PLBN Entikong' },
  'crossings[].kind': { description: 'post (official land post), sea (official sea route) or informal (footpaths, unregulated boats)' },
  'crossings[].lat': LAT,
  'crossings[].lon': LON,
  'crossings[].counterpart': { description: 'the Malaysian post facing it', example: 'Tebedu ICQS' },
  'crossings[].twinOf': { description: 'for an informal crossing: the post it lies beside (crossing id)', example: 'entikong' },
  'crossings[].opens': { description: 'date the post opened (absent: not open)', unit: 'date YYYY-MM-DD', example: '1989-10-01' },
  'crossings[].operating': { description: 'whether the post operates at all' },
  'crossings[].officers': { description: 'immigration officers at the post', unit: 'officers', example: 40 },
  'crossings[].patrolCoverage': { description: 'Indonesian patrol priority on this crossing (informal crossings)', unit: 'relative weight', example: 1 },
  'crossings[].patrolCoverageMY': { description: 'Malaysian patrol priority (default: the Indonesian one)', unit: 'relative weight' },
  'crossings[].terrain': { description: 'how hard the terrain makes detection and the journey', unit: 'multiplier', example: 1 },
  'crossings[].province': { description: 'the Indonesian province the crossing is in: victims identified and people deported through it are counted there (summary.json perPlace)', unit: 'id', example: 'north_kalimantan' },
  'crossings[].source': SOURCE,
  destinations: { description: 'where migrants work in Sarawak and Sabah' },
  'destinations[].id': ID,
  'destinations[].name': { description: 'plain name', example: 'Kuching' },
  'destinations[].state': { description: 'Malaysian state: Sarawak or Sabah' },
  'destinations[].lat': LAT,
  'destinations[].lon': LON,
  'destinations[].demand': { description: 'relative demand for Indonesian workers', unit: 'relative weight', example: 50 },
  'destinations[].exploitShare': { description: 'share of employers who exploit, for workers without a broker', unit: 'share 0–1', example: 0.25 },
  'destinations[].isolation': { description: 'how cut off workers are (remote estates): lowers NGO identification and exit', unit: 'share 0–1', example: 0.7 },
  'destinations[].source': SOURCE,
  routes: { description: 'legs of the journey between places and crossings' },
  'routes[].from': { description: 'origin, hub, crossing or destination id', example: 'sanggau' },
  'routes[].to': { description: 'origin, hub, crossing or destination id', example: 'entikong_town' },
  'routes[].mode': { description: 'road, river, sea or path' },
  'routes[].km': { description: 'length', unit: 'km', example: 130 },
  'routes[].hours': { description: 'travel time', unit: 'hours', example: 3 },
  'routes[].costIdr': { description: 'fare or cost of the leg', unit: 'IDR', example: 80_000 },
  'routes[].inspection': { description: 'whether the leg passes an inspection' },
  'routes[].source': SOURCE,
  series: { description: 'dated step series by name: fx_idr_per_myr (IDR per ringgit), my_min_wage_myr (Malaysian minimum wage, RM a month), wage_<region> (provincial minimum wage, IDR a month)' },
  'series.*': { description: 'the steps of one series, in rising date order; each value holds from its date to the next' },
  'series.*[].date': { description: 'from this date', unit: 'date YYYY-MM-DD', example: '2022-05-01' },
  'series.*[].value': { description: 'the value from that date, in the series\' unit', example: 1500 },
  'series.*[].source': SOURCE,
  closures: { description: 'dated closures of crossings (COVID-19 and others)' },
  'closures[].crossing': { description: 'crossing id', example: 'entikong' },
  'closures[].from': { description: 'first day closed', unit: 'date YYYY-MM-DD', example: '2020-03-18' },
  'closures[].to': { description: 'last day closed', unit: 'date YYYY-MM-DD', example: '2022-03-31' },
  'closures[].deportations': { description: 'whether deportations still pass while closed' },
  'closures[].reason': { description: 'why it closed' },
  'closures[].source': SOURCE,
  params: { description: 'coefficients: a number, or { value, source, range }; every one is listed with its unit, range and source in docs/parameters.md. The model\'s own are required in a scenario that extends nothing; an intervention\'s own default when absent' },
  ...params,
  stages: { description: 'the stage of bilateral cooperation from each date (Polner\'s five stages)' },
  'stages[].date': { description: 'from this date', unit: 'date YYYY-MM-DD', example: '2019-01-01' },
  'stages[].stage': { description: 'coexistence, communication, cooperation, coordination or collaboration', example: 'coexistence' },
  'stages[].source': SOURCE,
  mechanismStages: { description: 'pins one cooperation mechanism to a stage whatever the stage in force (for decompositions and what-ifs)' },
  ...Object.fromEntries(MECHANISMS.map((m) => [`mechanismStages.${m}`, { description: `the stage the ${m} mechanism acts at` }])),
  interventions: { description: 'dated policy measures (see the README\'s table of kinds)' },
  ...INTERVENTION('interventions'),
  events: { description: 'dated shocks that are not policy choices (COVID-19 movement control, hiring freeze, crackdowns)' },
  ...INTERVENTION('events'),
  variants: { description: 'named variants for lintas compare, each the scenario with a patch (objects merge, arrays replace) and/or added interventions' },
  decompositions: { description: 'changes of cooperation stage to break down by mechanism, by Shapley values (lintas compare)' },
  'decompositions[].variant': { description: 'the variant at the later stage', example: 'all@collaboration' },
  'decompositions[].against': { description: 'the variant at the earlier stage', example: 'all@coexistence' },
  'decompositions[].mechanisms': {
    description:
      'the mechanisms to give a Shapley value each (default: all six); the ones left out move together as one more player. Each coalition of them is a run',
    example: ['protocols', 'justice'],
  },
};

/** The fields of a variant entry in .json/.yaml (src/scenario/variants.ts), with their JSON Schema. */
export const VARIANT_FIELDS: Record<string, FieldDoc & { schema: Record<string, unknown> }> = {
  name: { description: 'variant name (letters, digits and _ . + @ -)', schema: { type: 'string', pattern: '^[A-Za-z0-9_.+@-]+$' }, example: 'collaboration' },
  description: { description: 'what the variant is, in a sentence', schema: { type: 'string' } },
  patch: { description: 'fields merged into the scenario (objects merge, arrays replace)', schema: { type: 'object' }, example: { stages: [{ date: '2019-01-01', stage: 'collaboration' }] } },
  addInterventions: { description: 'interventions appended to the scenario\'s own', schema: { type: 'array', items: { type: 'object' } } },
  scenario: { description: 'a whole scenario instead of a patch', schema: { type: 'object' } },
};
