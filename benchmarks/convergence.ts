/**
 * Does --scale change the answer? Key totals of the baseline at several scales over several
 * seeds, with the mean and its 95% interval at each scale: scales should agree within their
 * intervals (benchmarks/results.json `convergence`).
 */
import { summarize } from '../src/experiment/outputs.js';
import { meanInterval } from '../src/experiment/stats.js';
import { simulate } from '../src/model/model.js';
import type { Scenario } from '../src/scenario/load.js';

export const CONVERGENCE_METRICS = ['departures', 'crossings_regular', 'crossings_informal', 'trafficked', 'identified', 'deportations', 'raids_detained', 'cases_opened', 'convictions', 'final_brokers_active'] as const;

export interface ConvergenceRow {
  scale: number;
  seeds: number[];
  seconds: number;
  metrics: Record<string, { mean: number; lo: number; hi: number }>;
}

export function convergence(s: Scenario, scales: number[], seeds: number[], log: (line: string) => void): ConvergenceRow[] {
  return scales.map((scale) => {
    const t0 = performance.now();
    const totals = seeds.map((seed) => {
      const r = summarize(simulate(s, { seed, scale }));
      return { ...r.totals, final_brokers_active: r.final.brokers_active ?? 0 } as Record<string, number>;
    });
    const seconds = (performance.now() - t0) / 1000;
    const metrics = Object.fromEntries(
      CONVERGENCE_METRICS.map((m) => {
        const i = meanInterval(totals.map((t) => t[m]!));
        return [m, { mean: Math.round(i.mean), lo: Math.round(i.lo), hi: Math.round(i.hi) }];
      }),
    );
    log(`  scale ${scale}: ${seeds.length} seeds in ${seconds.toFixed(1)} s; trafficked ${metrics.trafficked!.mean} [${metrics.trafficked!.lo}, ${metrics.trafficked!.hi}]`);
    return { scale, seeds, seconds, metrics };
  });
}
