/**
 * The state of one run: the agent tables, the geography, this week's conditions, the queues
 * that carry decisions from the sweep to the resolving phases, what broker networks and
 * residents believe about each crossing, and what is recorded.
 */
import { UserError } from '../core/errors.js';
import { IdList } from '../core/idlist.js';
import { fastObject, shapedCopy } from '../core/shape.js';
import { Recorder } from '../core/recorder.js';
import { declareDraws, type Draws } from '../core/draws.js';
import { DrawSet } from '../core/drawset.js';
import { AgentTable } from '../core/store.js';
import { BROKER_COLUMNS, CASE_COLUMNS, MIGRANT_COLUMNS, OFFICIAL_COLUMNS, type Brokers, type Cases, type Migrants, type Officials } from './tables.js';
import { CROSSING_SLOTS, NO_ID, STATUS_COUNT } from './codes.js';
import { baseConditions, type Conditions } from './conditions.js';
import { DRAW_SPECS, type DrawName } from './draws.js';
import { EVENTS } from './events/index.js';
import { buildGeography, type Geography } from './geography.js';
import type { ModelInput } from './input.js';
import type { InterventionRegistry } from './interventions/index.js';
import { METRICS } from './metrics.js';
import { CORE_PARAM_NAMES, type Params } from './parameters.js';

export interface Queues {
  departing: IdList;
  seekers: IdList;
  ready: IdList;
  arriving: IdList;
  jobSeekers: IdList;
  raided: IdList;
  toIdentify: IdList;
  selfReported: IdList;
  deportees: IdList;
  returning: IdList;
}

/**
 * What is fixed for a run once it is built: the input, its parameters, the geography derived from
 * it, the interventions that may act and the random processes. Every phase reads it; none writes it.
 */
export interface Fixed {
  input: ModelInput;
  /** The model's own parameters, typed. */
  p: Params;
  /** Every parameter, the interventions' included. */
  params: Readonly<Record<string, number>>;
  interventions: InterventionRegistry;
  seed: number;
  scale: number;
  geo: Geography;
  /** The model's random processes (draws.ts): keyed functions, no state. */
  draws: Draws<typeof DRAW_SPECS>;
}

/**
 * The agent table: people, brokers and officers, the stocks of people by status that every status
 * change keeps (transitions.ts), and the sweep's calendar of who may act when (decide.ts).
 */
export interface Agents {
  migrants: Migrants;
  brokers: Brokers;
  officials: Officials;
  /** Official ids at each crossing (by crossing index). */
  postOfficials: number[][];
  /** First migrant id and count of each origin's initial residents (for broker outreach). */
  originFirst: Int32Array;
  originCount: Int32Array;
  /** Migrants in each status now. */
  stocks: Float64Array;
  /** Residents at home now, per origin. */
  homeByOrigin: Float64Array;
  /** People in work (or held in exploitation) at each destination now: its employers' workforce (employers.ts). */
  employed: Float64Array;
  /** Each destination's employers' demand for workers before 2020: the workforce it had when the population was made. */
  demandBase: Float64Array;
  /** This week's status changes: [from * S + to], with row S for agents that appeared. */
  transitions: Float64Array;
  /** Sweeps begun: a timer started now runs out at sweep `sweeps + weeks − 1` (transitions.ts startTimer). */
  sweeps: number;
  /**
   * The sweep's calendar: timers[s] lists who may have something to do at sweep s — a timer
   * running out, or a status acted on every week (crossed, deported). Entries are not removed when
   * a status changes: the sweep checks each against the person's status and `due`.
   */
  timers: IdList[];
  /** Scratch for the sweep: who may act at it (decide.ts), listed, then marked (bit id % 32 of word id / 32) to be walked in id order. */
  acting: IdList;
  actingSet: Uint32Array;
  /**
   * Whom the week's raid and NGO-contact draws can reach, with their halves of those draws: those
   * working irregularly or exploited (raids, the exploited only when irregular), and the exploited (NGO contact).
   */
  exposed: { raid: DrawSet; contact: DrawSet };
  /** The largest personal hazard factor any person has had: with the week's largest base hazard, a bound the sweep tests first. */
  hazardFactorMax: number;
}

/** The week's conditions and levers (conditions.ts), with what the patrols phase sets and the first week's hazards. */
export interface Week extends Conditions {
  /** The levers before any intervention acts, restored each week. */
  base: Conditions;
  /** Patrol units on each crossing this week: [c * 3 + k], k = Indonesian, Malaysian, joint programme. */
  coverage: Float64Array;
  /** Each origin's departure hazard in the first week, against which far-origin inflow responds. */
  refHazard: Float64Array;
}

/** What broker networks, residents and officers believe about each crossing, and what feeds it. */
export interface Beliefs {
  /** Broker networks' belief about interception risk at each crossing: [hub * C + c]. */
  broker: Float64Array;
  /** Residents' shared belief (word of mouth) about each crossing. */
  community: Float64Array;
  /** This week's attempts and interceptions by network (hubs, then one row for non-broker crossers). */
  attempts: Float64Array;
  intercepts: Float64Array;
  /** Broker-led crossings per crossing last week. */
  brokerFlow: Float64Array;
  /**
   * What brokers with a colluding contact at a post believe its interception risk is, per crossing (all hubs
   * pooled), learned from their own groups' attempts there: where contacts deliver, tied brokers route groups
   * through the post (routes.ts). This week's attempts and interceptions of those groups beside it.
   */
  tied: Float64Array;
  tiedAttempts: Float64Array;
  tiedIntercepts: Float64Array;
  /** Broker-led crossings per crossing in recent weeks, [(week % rows) * C + c]: what shared information can reveal, late. */
  flowHistory: Float64Array;
  /** Officers' perceived chance of being caught colluding, per post (learned from catches they see). */
  postRisk: Float64Array;
  /** What brokering is believed to pay at each hub: the weekly net profit per active broker, a moving average; NaN before the first week (market.ts). */
  brokerProfit: Float64Array;
  /** The weekly share of a hub's active brokers arrested, a moving average: the risk would-be brokers see. */
  brokerRisk: Float64Array;
  /** The share of active officers who colluded last week, as brokers learn it (for leaks of shared information). */
  colludingShare: number;
  /** Colluding officers caught at each post this week. */
  postCatches: Float64Array;
}

/** Cases against brokers, and the people held in Malaysian depots. */
export interface Justice {
  cases: Cases;
  /** Detainees in Malaysian depots in the order they were detained, per state (0 Sarawak, 1 Sabah). */
  detention: [number[], number[]];
}

/** What is recorded: the metrics of each reported week (Recorder) and the counts per crossing. */
export interface Recording extends Recorder {
  /** Per-week, per-crossing counts for the reported weeks, [(out * C + c) * CROSSING_SLOTS + slot], and a last row for the spin-up's (see countAt). */
  perCrossing: Float64Array;
  /** Per-week, per-province counts, [(out * P + province) * PROVINCE_SLOTS + slot], and a last row for the spin-up's (see countInProvince). */
  perProvince: Float64Array;
}

/** What is counted per province and week: victims identified, cases opened, people deported. */
export const PROVINCE_SLOTS = 3;
export const ProvinceSlot = { identified: 0, casesOpened: 1, deported: 2 } as const;

/**
 * The state of one run, in parts with one owner each. Each phase declares the parts it reads and
 * writes (model.ts, PHASES); a test runs the phases and fails if one touches a part it did not
 * declare (tests/model/phases.test.ts).
 */
export interface World {
  readonly fixed: Fixed;
  agents: Agents;
  /** Decisions carried from the sweep to the phases that resolve them. */
  queues: Queues;
  week: Week;
  beliefs: Beliefs;
  justice: Justice;
  rec: Recording;
  /** Weeks simulated so far, spin-up included (the schedule's). */
  tick: number;
}

/** The parts of a World, by name. */
export type Part = Exclude<keyof World, 'tick'>;

export function emptyQueues(): Queues {
  return {
    departing: new IdList(),
    seekers: new IdList(),
    ready: new IdList(),
    arriving: new IdList(),
    jobSeekers: new IdList(),
    raided: new IdList(),
    toIdentify: new IdList(),
    selfReported: new IdList(),
    deportees: new IdList(),
    returning: new IdList(),
  };
}

/** Every parameter the model and its interventions read must be a finite number. */
function checkParams(input: ModelInput, interventions: InterventionRegistry): void {
  const missing = [...CORE_PARAM_NAMES, ...interventions.params.keys(), ...EVENTS.params.keys()].filter((n) => !Number.isFinite(input.params[n]));
  if (missing.length) throw new UserError(missing.map((n) => `params.${n}: required, expected a finite number`));
  const unknown = input.interventions.filter((iv) => !interventions.byKind.has(iv.kind));
  if (unknown.length) throw new UserError(unknown.map((iv) => `interventions: unknown kind "${iv.kind}"`));
  const odd = (input.events ?? []).filter((e) => !EVENTS.byKind.has(e.kind));
  if (odd.length) throw new UserError(odd.map((e) => `events: unknown kind "${e.kind}"`));
}

/** Fewest agents an origin may have: below it, one agent's choices swing the origin's figures. */
export const MIN_AGENTS_PER_ORIGIN = 20;

/** A scale at which some origin would be a handful of agents distorts results: refused, naming the largest that does not. */
function checkScale(input: ModelInput, scale: number): void {
  if (!(Number.isFinite(scale) && scale >= 1)) throw new UserError([`scale: expected a number >= 1 (persons per agent), got ${scale}`]);
  const peopled = input.origins.filter((o) => o.population > 0);
  if (!peopled.length) return;
  const smallest = peopled.reduce((a, b) => (b.population < a.population ? b : a));
  const agents = Math.round(smallest.population / scale);
  if (agents < MIN_AGENTS_PER_ORIGIN)
    throw new UserError([
      `scale ${scale}: origin "${smallest.id}" (${smallest.population} persons) would have ${agents} agents, fewer than ${MIN_AGENTS_PER_ORIGIN}; use a scale of at most ${Math.floor(smallest.population / MIN_AGENTS_PER_ORIGIN)}`,
    ]);
}

/** Every field of ModelInput, in one order: the type checker keeps the list whole. */
const INPUT_FIELDS = {
  name: true,
  start: true,
  end: true,
  spinUpWeeks: true,
  origins: true,
  hubs: true,
  crossings: true,
  destinations: true,
  routes: true,
  series: true,
  closures: true,
  params: true,
  stages: true,
  mechanismStages: true,
  interventions: true,
  events: true,
  extensions: true,
} satisfies Record<keyof ModelInput, true>;

/** The input as the model reads it: its own fields only, copied, the extensions (code) shared (core/shape.ts). */
export const modelInput = (given: ModelInput): ModelInput => shapedCopy(given, INPUT_FIELDS, ['extensions']);

export function createWorld(given: ModelInput, seed: number, scale: number, interventions: InterventionRegistry): World {
  checkParams(given, interventions);
  checkScale(given, scale);
  const input = modelInput(given);
  const geo = buildGeography(input);
  const p = input.params as unknown as Params;
  const C = geo.crossingIds.length;
  const H = geo.hubIds.length;

  // Capacity: residents, the far-origin stock already abroad, and the far inflow over the horizon with headroom.
  const years = geo.weeks / 52;
  let residents = 0;
  let farAgents = 0;
  for (const o of input.origins) {
    residents += Math.round(o.population / scale);
    farAgents += ((o.inflowPerYear * (years + p.contractWeeks / 52)) / scale) * 1.25 + 50;
  }
  const migrants = new AgentTable('migrants', MIGRANT_COLUMNS, Math.ceil(residents + farAgents + 1000));
  migrants.cols.broker.fill(NO_ID);
  const brokerCount = input.hubs.reduce((n, h) => n + Math.round(h.brokers), 0);
  // Room for every broker who enters the market over the horizon (ids are never reused; market.ts).
  const brokers = new AgentTable('brokers', BROKER_COLUMNS, Math.ceil(Math.max(1024, brokerCount * (8 + geo.weeks * p.brokerEntryRate * p.brokerPoolMultiple))), true);
  const officerCount = input.crossings.reduce((n, c) => n + Math.round(c.officers), 0);
  const officials = new AgentTable('officials', OFFICIAL_COLUMNS, Math.max(16, officerCount * 40));
  // Cases are kept at full count; extreme parameter values (sensitivity analysis) open far more than the baseline's ~5,000.
  const cases = new AgentTable('cases', CASE_COLUMNS, 1 << 15, true);
  const base = baseConditions(p, input.origins.length, C, input.start);
  const draws = declareDraws(seed, DRAW_SPECS, geo.weeks);

  const rec = new Recorder(METRICS, geo.weeks - geo.spinUp) as Recording;
  // One row more than the reported weeks: the spin-up's counts go to it and are never read (countAt).
  rec.perCrossing = new Float64Array((geo.weeks - geo.spinUp + 1) * C * CROSSING_SLOTS);
  rec.perProvince = new Float64Array((geo.weeks - geo.spinUp + 1) * geo.provinceIds.length * PROVINCE_SLOTS);
  return {
    fixed: { input, p, params: input.params, interventions, seed, scale, geo, draws },
    agents: {
      migrants,
      brokers,
      officials,
      postOfficials: Array.from({ length: C }, () => []),
      originFirst: new Int32Array(input.origins.length),
      originCount: new Int32Array(input.origins.length),
      stocks: new Float64Array(STATUS_COUNT),
      homeByOrigin: new Float64Array(input.origins.length),
      employed: new Float64Array(input.destinations.length),
      demandBase: new Float64Array(input.destinations.length),
      transitions: new Float64Array((STATUS_COUNT + 1) * STATUS_COUNT),
      sweeps: 0,
      timers: Array.from({ length: geo.weeks }, () => new IdList(0)),
      acting: new IdList(),
      actingSet: new Uint32Array(Math.ceil(migrants.capacity / 32)),
      exposed: { raid: new DrawSet(draws.raid.key, migrants.capacity), contact: new DrawSet(draws.ngoContact.key, migrants.capacity) },
      hazardFactorMax: 0,
    },
    queues: emptyQueues(),
    week: fastObject(
      {
        ...base,
        levels: {},
        originWageIdr: new Float64Array(input.origins.length),
        baseHazard: new Float64Array(input.origins.length),
        detection: new Float64Array(C),
        labourDemand: new Float64Array(2).fill(1),
        base,
        coverage: new Float64Array(C * 3),
        refHazard: new Float64Array(input.origins.length),
      },
      ['index', 'out'],
    ) as Week,
    beliefs: {
      broker: new Float64Array(H * C),
      community: new Float64Array(C),
      attempts: new Float64Array((H + 1) * C),
      intercepts: new Float64Array((H + 1) * C),
      brokerFlow: new Float64Array(C),
      tied: new Float64Array(C),
      tiedAttempts: new Float64Array(C),
      tiedIntercepts: new Float64Array(C),
      flowHistory: new Float64Array((2 + Math.ceil(Math.max(p.infoLagCommunication, p.infoLagCoordination))) * C),
      postRisk: new Float64Array(C),
      postCatches: new Float64Array(C),
      brokerProfit: new Float64Array(H).fill(Number.NaN),
      brokerRisk: new Float64Array(H),
      colludingShare: 0,
    },
    justice: { cases, detention: [[], []] },
    rec,
    tick: 0,
  };
}

/** A migrant's draw this week for a process of the `migrant` entity (draws.ts), in `slot`. */
export function draw(w: World, name: DrawName, id: number, slot = 0): number {
  return w.fixed.draws[name].u(id, w.week.index, slot);
}

/** Adds to a per-crossing count of this week (the spin-up's, which are not reported, to a row nothing reads). */
export function countAt(w: World, crossing: number, slot: number, n = 1): void {
  const out = w.week.out;
  // Spin-up weeks count into the last row, which nothing reads: one code path from the first week
  // on, so V8 does not recompile every phase that counts when the reported weeks begin.
  const geo = w.fixed.geo;
  const row = out >= 0 ? out : geo.weeks - geo.spinUp;
  w.rec.perCrossing[(row * geo.crossingIds.length + crossing) * CROSSING_SLOTS + slot]! += n;
}

/** Adds to a per-province count of this week (the spin-up's to a row nothing reads, as countAt does). */
export function countInProvince(w: World, province: number, slot: number, n = 1): void {
  const geo = w.fixed.geo;
  const out = w.week.out;
  const row = out >= 0 ? out : geo.weeks - geo.spinUp;
  w.rec.perProvince[(row * geo.provinceIds.length + province) * PROVINCE_SLOTS + slot]! += n;
}

/** Geometric waiting time with the given mean, at least 1 week. */
export function geometricWeeks(mean: number, u: number): number {
  if (mean <= 1) return 1;
  const q = 1 / mean;
  return Math.min(65535, 1 + Math.floor(Math.log(1 - u) / Math.log(1 - q)));
}

/** Draws n events for an expected count x: floor(x) plus one more with the fractional chance. */
export function roundStochastic(x: number, u: number): number {
  const f = Math.floor(x);
  return f + (u < x - f ? 1 : 0);
}
