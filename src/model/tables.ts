/**
 * The agent tables' columns (struct-of-arrays, core/store.ts): one typed array per attribute,
 * indexed by agent id.
 */
import type { AgentTable } from '../core/store.js';

export const MIGRANT_COLUMNS = {
  origin: 'u8',
  status: 'u8',
  education: 'u8', // 0 primary or less, 1 secondary, 2 tertiary
  kin: 'u8', // 1 if the household has kin across the border
  docs: 'u8', // Docs code
  channel: 'u8', // Channel code of the current journey
  deceived: 'u8', // 1 if the current journey rests on a deceptive offer
  victim: 'u8', // 1 while trafficked in the current episode (cleared on identification or return)
  identifiedBefore: 'u8', // 1 if ever identified as a victim (reintegration support applies)
  traffickedBefore: 'u8', // 1 if ever trafficked before the current journey
  irregular: 'u8', // 1 without legal status in Malaysia (crossed informally, through collusion, on fraudulent papers or a border pass)
  papersHeld: 'u8', // 1 if the employer or broker holds the person's documents
  start: 'u8', // journey starts at 0 the origin, 1 a hub (deportees re-crossing)
  startNode: 'u16', // origin or hub index of the journey start
  crossing: 'u16', // crossing of the current journey
  destination: 'u8',
  due: 'i32', // the sweep at which the current status's timer runs out (transitions.ts startTimer)
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
  active: 'u8', // 1 active, 0 arrested or removed, 2 convicted
  fraudAccess: 'u8', // 1 can obtain fraudulent identity papers
  ties: 'u32', // bit c set: a colluding contact at official crossing c
  openCase: 'i32', // the case open against the broker, or NO_ID
  earned: 'f64', // IDR earned this week, net of the costs of each recruit and the bribes paid (market.ts)
  moved: 'f32', // persons delivered across the border so far: the broker's network (outreach)
  arrestedAt: 'i32', // the week the broker was last arrested (-1 never): the risk other brokers see
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
  stage: 'u8', // CaseStage code
  crossBorder: 'u8', // 1 if the evidence lies in Malaysia
  evidence: 'u8', // Evidence code: the foreign evidence a cross-border case waits for
  witness: 'u8', // 1 if the victim testifies
  waitWeeks: 'u16', // weeks until awaited evidence or a returned suspect arrives
} as const;

export type Migrants = AgentTable<typeof MIGRANT_COLUMNS>;
export type Brokers = AgentTable<typeof BROKER_COLUMNS>;
export type Officials = AgentTable<typeof OFFICIAL_COLUMNS>;
export type Cases = AgentTable<typeof CASE_COLUMNS>;
