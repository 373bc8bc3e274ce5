/**
 * How official statistics count: named processes between the model's true state and each published
 * figure, so that a target compares like with like. The national victims register records a share
 * of the victims identified in the corridor, a share that grows as more service units report to it;
 * the police record some of the task-force cases as trafficking reports, more of them during a
 * dated crackdown; BP2MI counts some of the corridor's procedural departures as placements from the
 * province; and each national figure is the corridor's count divided by the corridor's share of it.
 * All are expected counts (no draws), recorded each week with the other metrics.
 */
import { M } from './metrics.js';
import type { Params } from './parameters.js';
import type { World } from './state.js';

const YEAR_MS = 365.25 * 86_400_000;
const REGISTER_EPOCH = Date.parse('2019-01-01');

/** The share of identified victims the national register records on a date: logistic in the years since 2019. */
export function registerCoverage(p: Params, date: string): number {
  const c0 = Math.min(1 - 1e-9, Math.max(1e-9, p.registerCoverage2019));
  const years = (Date.parse(date) - REGISTER_EPOCH) / YEAR_MS;
  const logit = Math.log(c0 / (1 - c0)) + p.registerCoverageGrowth * years;
  return 1 / (1 + Math.exp(-logit));
}

/** National victims the register records for `identified` victims identified in the corridor. */
export function registeredVictims(p: Params, identified: number, date: string): number {
  return (identified * registerCoverage(p, date)) / p.corridorVictimShare;
}

/**
 * National police trafficking reports for `cases` task-force cases opened in the corridor. `filing` is the share of
 * the cases not otherwise reported that a campaign files as reports (0 in ordinary weeks; a crackdown raises it).
 */
export function policeReports(p: Params, cases: number, filing: number): number {
  const share = p.policeReportShare + (1 - p.policeReportShare) * Math.min(1, filing);
  return (cases * share) / p.corridorCaseShare;
}

/** Records this week's official counts from its true counts (called by the record phase, before the row closes). */
export function recordStatistics(w: World): void {
  const p = w.fixed.p;
  const wk = w.week;
  const rec = w.rec;
  rec.set(M.register_victims, registeredVictims(p, rec.current(M.identified), wk.date));
  rec.set(M.police_reports, policeReports(p, rec.current(M.cases_opened), wk.policeFiling));
  rec.set(M.placements_recorded, (rec.current(M.channel_procedural) - rec.current(M.channel_procedural_far)) * p.placementRecordShare);
}
