/**
 * Every output the model records, declared once: whether it is a flow (events in a week, summed
 * over weeks) or a stock (a head count at the end of a week), its plain label, unit, whether it
 * is multiplied by the scale (agents stand for `scale` persons) and its definition. How a chart
 * draws it (its colour) is the report's and the explorer's (report/palette.ts). Phases record
 * through `M.<name>` slots, never through strings; outputs,
 * docs/outputs.md, the report and the explorer read this table.
 */
import { STATUS_NAMES } from './codes.js';

/**
 * How a metric is defined: a flow (events in a week, summed over weeks) or a stock (a head count at the end of a week),
 * its label and unit, whether outputs multiply it by the scale, and its definition.
 */
export interface MetricDef {
  kind: 'flow' | 'stock';
  label: string;
  unit: string;
  /** Multiplied by scale in outputs (head counts); shares and officer counts are not. */
  scaled: boolean;
  definition: string;
}

const flow = (label: string, definition: string): MetricDef => ({ kind: 'flow', label, unit: 'persons', scaled: true, definition });
/** Justice counts: cases and the brokers they are against. Brokers are kept at full count, so these are not scaled. */
const justice = (unit: 'cases' | 'brokers', label: string, definition: string): MetricDef => ({ kind: 'flow', label, unit, scaled: false, definition });
const stock = (label: string, definition: string): MetricDef => ({ kind: 'stock', label, unit: 'persons', scaled: true, definition });

const STATUS_MEANING: Record<(typeof STATUS_NAMES)[number], string> = {
  home: 'at home and able to leave',
  preparing: 'preparing to leave (procedural placement or kin-assisted journey)',
  recruited: 'taken on by a broker, waiting to move',
  travelling: 'on the way to a crossing',
  crossed: 'across the border, looking for work',
  workingRegular: 'working in Malaysia with valid papers',
  workingIrregular: 'working in Malaysia without legal status',
  exploited: 'held in exploitation (trafficked)',
  identified: 'identified as a victim: in shelter or being repatriated',
  detained: 'in Malaysian immigration detention',
  deported: 'just deported to Nunukan or Entikong',
  returned: 'back home after a stay or a failed attempt, not yet ready to leave again',
};

const stockDefs = Object.fromEntries(
  STATUS_NAMES.map((s) => [`stock_${s}`, stock(`people ${STATUS_MEANING[s]}`, `agents whose status is ${s} at the end of the week`)]),
) as Record<`stock_${(typeof STATUS_NAMES)[number]}`, MetricDef>;

/** Every metric the model records, by name, with its definition; docs/outputs.md lists them. */
export const METRIC_DEFS = {
  departures: flow('departures', 'residents who set off this week (from border regencies and far origins)'),
  departures_far: flow('departures from far origins', 'departures of people from far origins (Sulawesi, Nusa Tenggara, Java)'),
  arrivals_far: flow('arrivals from far origins', 'far-origin migrants arriving at their hub, already set on leaving'),
  channel_procedural: flow('departures by procedural placement', 'departures that chose licensed placement'),
  channel_broker: flow('departures through a broker', 'departures that went with a broker (calo)'),
  channel_kin: flow('departures with kin', 'departures that crossed with help from kin or on their own'),
  channel_procedural_far: flow('far-origin departures by procedural placement', 'channel_procedural for far origins'),
  channel_broker_far: flow('far-origin departures through a broker', 'channel_broker for far origins'),
  channel_kin_far: flow('far-origin departures with kin', 'channel_kin for far origins'),
  recruited_by_outreach: flow('recruited by broker outreach', 'residents a broker approached who accepted the offer'),
  no_broker_found: flow('left without a broker', 'broker-seekers with no broker free and no kin across, who stayed home'),
  deceived: flow('given a deceptive offer', 'recruits a trafficking broker deceived (false job, hidden debt)'),
  fraudulent_documents: flow('given fraudulent papers', 'recruits given fraudulent identity papers through the non-resident ID loophole'),
  visits: flow('short border-resident visits', 'market, medical and family visits by border residents (not migrant crossings)'),
  crossings_regular: flow('regular crossings', 'migrant crossings inspected and passed at an official post'),
  crossings_colluded: flow('crossings waved through by colluding officers', 'migrant crossings let through unverified by a colluding officer'),
  crossings_informal: flow('informal crossings', 'migrant crossings on footpaths and unregulated water crossings'),
  arrivals_irregular: flow('arrivals without legal status', 'migrants who crossed informally, through a colluding officer, on fraudulent papers or on a border pass: without legal status in Malaysia'),
  crossings_fraud_undetected: flow('crossings on fraudulent papers not detected', 'regular crossings on fraudulent papers that passed inspection'),
  interceptions: flow('interceptions', 'crossing attempts stopped (at posts and by patrols)'),
  interceptions_post: flow('interceptions at posts', 'crossing attempts stopped at official posts'),
  interceptions_patrol: flow('interceptions by patrols', 'crossing attempts stopped by patrols on informal crossings'),
  trafficked: flow('people trafficked (true count)', 'people newly trafficked: placed with an exploitative employer and held by a means — deception, debt bondage to a broker, documents held, or the threat of denouncing a worker without legal status (Palermo)'),
  identified: flow('victims identified', 'victims identified by officers, patrols, NGOs, raids (where referred), screening at deportation or their own report (what official statistics see)'),
  identified_official: flow('victims identified by officers at posts', 'identified at inspection by an immigration officer'),
  identified_patrol: flow('victims identified by patrols', 'identified among a group a patrol intercepted'),
  identified_ngo: flow('victims identified by NGOs', 'identified in Malaysia by NGOs and community networks'),
  identified_raid: flow('victims identified in raids', 'identified by Malaysian enforcement in a raid'),
  identified_deportation: flow('victims identified at deportation', 'identified by screening at deportation'),
  identified_self: flow('victims who reported themselves', 'victims out of the employer\'s hands who reported to the consulate or an NGO'),
  victims_referred: flow('victims referred to protection in Malaysia', 'victims found in raids referred to protection instead of being deported'),
  victims_deported_as_offenders: flow('victims deported as offenders', 'victims recognised in raids but detained and deported as offenders (no referral)'),
  broker_arrests: justice('brokers', 'broker arrests', 'brokers arrested (from a case or from policing and intelligence)'),
  prosecutions: justice('cases', 'prosecutions', 'cases that reached prosecution'),
  prosecutions_cross_border: justice('cases', 'cross-border prosecutions', 'prosecutions of cases whose evidence lies in Malaysia'),
  convictions: justice('cases', 'convictions', 'prosecutions ending in conviction'),
  convictions_cross_border: justice('cases', 'cross-border convictions', 'convictions in cases whose evidence lies in Malaysia'),
  evidence_received: justice('cases', 'evidence received from Malaysia', 'cross-border cases whose evidence arrived from Malaysia'),
  watch_list_arrests: justice('brokers', 'brokers stopped by watch lists', 'brokers arrested when a group of theirs crossed a post holding a shared watch list'),
  suspects_fled: justice('brokers', 'suspects who fled across the line', 'brokers under investigation who fled to Malaysia'),
  suspects_escaped: justice('brokers', 'suspects who escaped justice', 'suspects who fled and were not returned: their cases closed'),
  suspects_returned: justice('brokers', 'suspects returned', 'suspects who fled and were returned for investigation'),
  acquittals: justice('cases', 'acquittals', 'prosecutions ending in acquittal'),
  cases_opened: justice('cases', 'cases opened', 'task-force cases opened against the broker of an identified victim (further victims of a broker join the open case)'),
  raids_detained: flow('detained in raids', 'irregular and exploited workers detained in Malaysian raids'),
  deportations: flow('deportations', 'people deported to Indonesia'),
  deportations_sabah: flow('deportations from Sabah', 'Indonesians deported from Sabah (returned through Nunukan)'),
  deportations_sarawak: flow('deportations from Sarawak', 'Indonesians deported from Sarawak (returned through Entikong)'),
  re_crossings: flow('re-crossings after deportation', 'deportees who turned round and crossed again'),
  re_trafficked: flow('people re-trafficked', 'of those trafficked, people trafficked before'),
  trafficked_via_broker: flow('people trafficked through a broker', 'of those trafficked, people a broker recruited'),
  trafficked_irregular: flow('people trafficked without legal status', 'of those trafficked, people without legal status in Malaysia'),
  contracts_substituted: flow('procedural placements with a substituted contract', 'licensed placements where the job and pay turned out other than the contract'),
  collusion_events: flow('collusion events', 'times an officer passed a broker group unverified'),
  officials_removed: { kind: 'flow', label: 'colluding officers removed', unit: 'officers', scaled: false, definition: 'colluding officers removed by monitoring (officers, not scaled)' },
  brokers_entered: justice('brokers', 'brokers entering the business', 'new brokers at the hubs, where brokering paid more than their other income (market)'),
  brokers_exited: justice('brokers', 'brokers giving up', 'active brokers who gave up, where brokering paid less than their other income (market)'),
  not_hired: flow('arrivals no employer took on', 'arrivals without legal status whom no employer would take on (no vacancy, or the fine weighed too much): they went home'),
  cases_collapsed: justice('cases', 'cases that collapsed while waiting', 'cases closed while waiting for evidence from Malaysia or for a suspect to be returned'),
  register_victims: flow('victims recorded in the national register', 'what the national victims register (SIMFONI-PPA) records nationally, as the model counts it: victims identified × the register\'s coverage that year ÷ the corridor\'s share (statistics.ts; expected counts)'),
  police_reports: { kind: 'flow', label: 'police trafficking reports', unit: 'cases', scaled: false, definition: 'national police trafficking reports, as the model counts them: cases opened × (policeReportShare + (1 − policeReportShare) × the week\'s policeFiling, which a crackdown raises) ÷ the corridor\'s share (statistics.ts; expected counts, not scaled)' },
  placements_recorded: flow('placements recorded by BP2MI', 'procedural departures from the border regencies × the share BP2MI counts as placements from the province (statistics.ts; expected counts)'),
  returns_home: flow('returns home', 'workers and repatriated victims going home'),
  ...stockDefs,
  brokers_active: { kind: 'stock', label: 'active brokers', unit: 'brokers', scaled: false, definition: 'brokers active at the end of the week (kept at full count at every scale, not scaled)' },
  detained_sarawak: stock('people held in Sarawak\'s depots', 'detainees in Sarawak\'s immigration depots at the end of the week, processed or not (deported through Entikong)'),
  detained_sabah: stock('people held in Sabah\'s depots', 'detainees in Sabah\'s immigration depots at the end of the week, processed or not (deported through Nunukan)'),
  detention_backlog: stock('detainees waiting for deportation', 'detainees in Malaysian depots whose processing is done, waiting for a deportation batch'),
  officials_colluding_share: { kind: 'stock', label: 'share of officers who colluded', unit: 'share', scaled: false, definition: 'share of active officers who passed a broker group unverified this week' },
  agents: stock('people simulated', 'all migrant agents in the run'),
} as const satisfies Record<string, MetricDef>;

/** The name of a recorded metric (a key of METRIC_DEFS), e.g. `trafficked`, `identified`, `stock_exploited`. */
export type MetricName = keyof typeof METRIC_DEFS;
/** Every metric name in recording order: the columns of timeseries.csv after week and date. */
export const METRICS = Object.keys(METRIC_DEFS) as MetricName[];

/** Recorder column of each metric: `rec.add(M.trafficked)`. */
export const M = Object.fromEntries(METRICS.map((m, i) => [m, i])) as { readonly [K in MetricName]: number };

/** The flow metrics (events in a week), in METRICS order: summary.json gives their totals over the run and per year. */
export const FLOW_METRICS = METRICS.filter((m) => METRIC_DEFS[m].kind === 'flow');
/** The stock metrics (head counts at the end of a week), in METRICS order: summary.json gives their value in the final week. */
export const STOCK_METRICS = METRICS.filter((m) => METRIC_DEFS[m].kind === 'stock');

export const isStock = (m: string): boolean => (METRIC_DEFS as Record<string, MetricDef>)[m]?.kind === 'stock';
export const isScaled = (m: string): boolean => (METRIC_DEFS as Record<string, MetricDef>)[m]?.scaled ?? true;

/** Recorder columns of the status stocks, in Status code order. */
export const STOCK_SLOTS = STATUS_NAMES.map((s) => M[`stock_${s}`]);

/** Who identified a victim: the metric counting it. */
export type IdentifiedBy = 'identified_official' | 'identified_patrol' | 'identified_ngo' | 'identified_raid' | 'identified_deportation' | 'identified_self';

/**
 * An output derived from recorded metrics, declared with its definition: the metrics it is
 * computed from and how, on any aggregate of them (a week's values, or totals over a run).
 */
export interface DerivedDef {
  label: string;
  unit: string;
  definition: string;
  of: readonly MetricName[];
  value(m: Readonly<Record<string, number>>): number;
}

/** Outputs derived from the recorded metrics; Model.series, Model.observe and `--outputs` accept their names. */
export const DERIVED_METRICS = {
  identification_rate: {
    label: 'share of the trafficked who are identified',
    unit: 'share',
    definition: 'victims identified ÷ people trafficked (0 when no one was trafficked)',
    of: ['identified', 'trafficked'],
    value: (m) => (m.trafficked ? (m.identified ?? 0) / m.trafficked : 0),
  },
  dark_figure: {
    label: 'dark figure: share of the trafficked never identified',
    unit: 'share',
    definition: '1 − victims identified ÷ people trafficked (0 when no one was trafficked): the part of trafficking official figures do not see',
    of: ['identified', 'trafficked'],
    value: (m) => (m.trafficked ? 1 - (m.identified ?? 0) / m.trafficked : 0),
  },
} as const satisfies Record<string, DerivedDef>;

/** The name of a derived output (a key of DERIVED_METRICS). */
export type DerivedName = keyof typeof DERIVED_METRICS;
