/**
 * The weekly metrics a run records. Flows count events in the week; stocks count agents in
 * each status at the end of the week. All are in persons (agents × scale) in the outputs.
 */
import { STATUS_NAMES } from './codes.js';

export const FLOW_METRICS = [
  'departures',
  'departures_far',
  'arrivals_far',
  'channel_procedural',
  'channel_broker',
  'channel_kin',
  'channel_procedural_far',
  'channel_broker_far',
  'channel_kin_far',
  'recruited_by_outreach',
  'no_broker_found',
  'deceived',
  'fraudulent_documents',
  'visits',
  'crossings_regular',
  'crossings_colluded',
  'crossings_informal',
  'crossings_fraud_undetected',
  'interceptions',
  'interceptions_post',
  'interceptions_patrol',
  'trafficked',
  'identified',
  'identified_official',
  'identified_patrol',
  'identified_ngo',
  'identified_raid',
  'identified_deportation',
  'broker_arrests',
  'prosecutions',
  'convictions',
  'acquittals',
  'cases_opened',
  'raids_detained',
  'deportations',
  'deportations_nunukan',
  'deportations_entikong',
  're_crossings',
  're_trafficked',
  'collusion_events',
  'officials_removed',
  'brokers_replaced',
  'returns_home',
] as const;

export const STOCK_METRICS = [
  ...STATUS_NAMES.map((s) => `stock_${s}`),
  'brokers_active',
  'officials_colluding_share',
  'agents',
] as const;

export const METRICS = [...FLOW_METRICS, ...STOCK_METRICS] as const;
export type Metric = (typeof METRICS)[number];

/** Stocks and shares are not summed over weeks in summaries. */
export const IS_STOCK = new Set<string>(STOCK_METRICS);
/** Metrics that are not head counts and so are not multiplied by scale. */
export const UNSCALED = new Set<string>(['officials_colluding_share', 'officials_removed']);
