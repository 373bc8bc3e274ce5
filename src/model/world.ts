/**
 * The state of one run: agent tables (migrants, brokers, officials, cases), the geography,
 * this week's derived conditions, the queues that carry decisions to the resolving phases,
 * the named random streams and the recorder.
 */
import { IdList } from '../core/idlist.js';
import { Recorder } from '../core/recorder.js';
import { keyedUniform, Streams, streamKey, type Stream } from '../core/rng.js';
import { AgentTable } from '../core/store.js';
import type { Scenario } from '../scenario/load.js';
import { CROSSING_SLOTS, NO_ID } from './codes.js';
import { buildGeography, type Geography } from './geography.js';
import type { Levels } from './interventions.js';
import { METRICS } from './metrics.js';
import type { Params } from './parameters.js';

export const MIGRANT_COLUMNS = {
  origin: 'u8',
  status: 'u8',
  sex: 'u8', // 0 male, 1 female
  ageGroup: 'u8', // 0: 15–24, 1: 25–39, 2: 40–64
  education: 'u8', // 0 primary or less, 1 secondary, 2 tertiary
  kin: 'u8', // 1 if the household has kin across the border
  docs: 'u8', // Docs code
  channel: 'u8', // Channel code of the current journey
  deceived: 'u8', // 1 if the current journey rests on a deceptive offer
  victim: 'u8', // 1 while trafficked in the current episode (cleared on identification or return)
  identifiedBefore: 'u8', // 1 if ever identified as a victim (reintegration support applies)
  traffickedBefore: 'u8', // 1 if ever trafficked before the current journey
  start: 'u8', // journey starts at 0 the origin, 1 a hub (deportees re-crossing)
  startNode: 'u16', // origin or hub index of the journey start
  crossing: 'u16', // crossing of the current journey
  destination: 'u8',
  weeksLeft: 'u16', // timer of the current status
  crossings: 'u16', // crossings so far
  broker: 'i32', // broker of the current journey, or NO_ID
  awareness: 'f32', // 0–1 awareness of safe channels
  wealth: 'f32', // savings, months of origin wage
  debt: 'f32', // debt, months of origin wage
  hazardFactor: 'f32', // exp(betaKin*kin - betaDebt*debt), cached for the weekly sweep
} as const;

export const BROKER_COLUMNS = {
  hub: 'u16',
  trafficker: 'u8', // 1 deceives and sells into exploitation, 0 facilitates (smuggles)
  active: 'u8', // 1 active, 0 arrested or removed
  fraudAccess: 'u8', // 1 can obtain fraudulent identity papers
  ties: 'u32', // bit c set: a colluding contact at official crossing c
  credit: 'f32', // capacity left this week, agents
} as const;

export const OFFICIAL_COLUMNS = {
  post: 'u16',
  propensity: 'f32', // c_official: propensity to pass a broker group unverified
  trainDraw: 'f32', // fixed uniform: trained once the trained share exceeds it
  active: 'u8',
  colludedThisWeek: 'u16',
} as const;

export const CASE_COLUMNS = {
  broker: 'i32',
  stage: 'u8', // 0 investigation, 1 prosecution, 2 closed
  crossBorder: 'u8', // 1 if the evidence lies in Malaysia
} as const;

export type Migrants = AgentTable<typeof MIGRANT_COLUMNS>;
export type Brokers = AgentTable<typeof BROKER_COLUMNS>;
export type Officials = AgentTable<typeof OFFICIAL_COLUMNS>;
export type Cases = AgentTable<typeof CASE_COLUMNS>;

/** Conditions that hold for the whole of the current week, computed once at its start. */
export interface Week {
  index: number;
  date: string;
  levels: Levels;
  originWageIdr: Float64Array;
  destinationWageIdr: number;
  /** Departure hazard of a resident with hazardFactor 1. */
  baseHazard: Float64Array;
  awarenessBoost: Float64Array;
  /** Detection probability on each informal crossing this week. */
  detection: Float64Array;
  trainedShare: number;
  monitoring: number;
  proceduralCostIdr: number;
  proceduralWaitWeeks: number;
  fraudDocChance: number;
}

export interface Queues {
  departing: IdList;
  seekers: IdList;
  ready: IdList;
  arriving: IdList;
  jobSeekers: IdList;
  raided: IdList;
  toIdentify: IdList;
  deporting: IdList;
  deportees: IdList;
  returning: IdList;
}

/** Sequential streams, for draws that belong to no agent: the far-origin inflow. */
export const STREAM_NAMES = ['inflow'] as const;
export type StreamName = (typeof STREAM_NAMES)[number];

/** Per-agent weekly decisions drawn by key (agent id, week) rather than from a sequence. */
export const KEYED_NAMES = [
  'init',
  'departure',
  'raids',
  'ngo',
  'escape',
  'channel',
  'recruitWait',
  'deception',
  'documents',
  'route',
  'duty',
  'collusion',
  'fraudCheck',
  'detection',
  'identification',
  'exploit',
  'stay',
  'reentry',
  'cooldown',
  'detention',
  'shelter',
  'brokerPick',
  'outreach',
  'brokerInit',
  'officialInit',
  'arrest',
  'replace',
  'justice',
  'monitoring',
] as const;
export type KeyedName = (typeof KEYED_NAMES)[number];

/**
 * The k-th draw (k < 8) of agent `id` for a process this week: keyed, so the same agent draws
 * the same number in every variant whatever happened to others (common random numbers).
 */
export function draw(w: World, name: KeyedName, id: number, k = 0): number {
  return keyedUniform(w.keys[name], id, w.week.index * 8 + k);
}

/** Draws for any entity (broker, officer, case, hub) keyed by its id and a counter. */
export function drawsFor(w: World, name: KeyedName, id: number): (k: number) => number {
  const key = w.keys[name];
  return (k) => keyedUniform(key, id, k);
}

export interface World {
  scenario: Scenario;
  p: Params;
  scale: number;
  geo: Geography;
  rng: Record<StreamName, Stream>;
  /** Keys of the keyed per-agent draws (see keyedUniform). */
  keys: Record<KeyedName, number>;
  streams: Streams;
  migrants: Migrants;
  brokers: Brokers;
  officials: Officials;
  cases: Cases;
  /** Official ids at each crossing (by crossing index). */
  postOfficials: number[][];
  /** First migrant id and count of each origin's initial residents (for broker outreach). */
  originFirst: Int32Array;
  originCount: Int32Array;
  week: Week;
  q: Queues;
  /** Broker networks' (one per hub) belief about interception risk at each crossing: [hub * C + c]. */
  brokerBelief: Float64Array;
  /** Residents' shared belief (word of mouth) about each crossing. */
  communityBelief: Float64Array;
  /** This week's attempts and interceptions by network (hubs, then one row for non-broker crossers). */
  attempts: Float64Array;
  intercepts: Float64Array;
  /** Broker-led crossings per crossing last week, what intelligence sharing reveals. */
  brokerFlow: Float64Array;
  /** Indonesian and Malaysian patrol units on each crossing this week. */
  coverage: Float64Array;
  rec: Recorder;
  /** Per-week, per-crossing counts: [(week * C + c) * CROSSING_SLOTS + slot]. */
  perCrossing: Float64Array;
}

export function emptyQueues(): Queues {
  return {
    departing: new IdList(),
    seekers: new IdList(),
    ready: new IdList(),
    arriving: new IdList(),
    jobSeekers: new IdList(),
    raided: new IdList(),
    toIdentify: new IdList(),
    deporting: new IdList(),
    deportees: new IdList(),
    returning: new IdList(),
  };
}

export function createWorld(scenario: Scenario, seed: number, scale: number): World {
  const geo = buildGeography(scenario);
  const p = scenario.params;
  const streams = new Streams(seed);
  const rng = Object.fromEntries(STREAM_NAMES.map((n) => [n, streams.get(n)])) as Record<StreamName, Stream>;
  const C = geo.crossingIds.length;
  const H = geo.hubIds.length;

  // Capacity: residents, the far-origin stock already abroad, and the far inflow over the horizon with headroom.
  const years = geo.weeks / 52;
  let residents = 0;
  let farAgents = 0;
  for (const o of scenario.origins) {
    residents += Math.round(o.population / scale);
    farAgents += ((o.inflowPerYear * (years + p.contractWeeks / 52)) / scale) * 1.25 + 50;
  }
  const migrants = new AgentTable('migrants', MIGRANT_COLUMNS, Math.ceil(residents + farAgents + 1000));
  migrants.cols.broker.fill(NO_ID);
  const brokerCount = scenario.hubs.reduce((n, h) => n + Math.round(h.brokers), 0);
  const brokers = new AgentTable('brokers', BROKER_COLUMNS, Math.max(16, brokerCount * 8));
  const officerCount = scenario.crossings.reduce((n, c) => n + Math.round(c.officers), 0);
  const officials = new AgentTable('officials', OFFICIAL_COLUMNS, Math.max(16, officerCount * 40));
  const cases = new AgentTable('cases', CASE_COLUMNS, 1 << 16);

  const week: Week = {
    index: 0,
    date: scenario.start,
    levels: {} as Levels,
    originWageIdr: new Float64Array(scenario.origins.length),
    destinationWageIdr: 0,
    baseHazard: new Float64Array(scenario.origins.length),
    awarenessBoost: new Float64Array(scenario.origins.length),
    detection: new Float64Array(C),
    trainedShare: p.trainedShare,
    monitoring: 0,
    proceduralCostIdr: p.proceduralCostIdr,
    proceduralWaitWeeks: p.proceduralWaitWeeks,
    fraudDocChance: p.docLoophole,
  };

  return {
    scenario,
    p,
    scale,
    geo,
    rng,
    keys: Object.fromEntries(KEYED_NAMES.map((n) => [n, streamKey(seed, n)])) as Record<KeyedName, number>,
    streams,
    migrants,
    brokers,
    officials,
    cases,
    postOfficials: Array.from({ length: C }, () => []),
    originFirst: new Int32Array(scenario.origins.length),
    originCount: new Int32Array(scenario.origins.length),
    week,
    q: emptyQueues(),
    brokerBelief: new Float64Array(H * C),
    communityBelief: new Float64Array(C),
    attempts: new Float64Array((H + 1) * C),
    intercepts: new Float64Array((H + 1) * C),
    brokerFlow: new Float64Array(C),
    coverage: new Float64Array(C * 2),
    rec: new Recorder(METRICS, geo.weeks),
    perCrossing: new Float64Array(geo.weeks * C * CROSSING_SLOTS),
  };
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
