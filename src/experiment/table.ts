/** The comparison as text: what a policy reader sees in the terminal. */
import { METRIC_DEFS, type MetricDef } from '../model/metrics.js';
import type { Comparison } from './compare.js';

/** Below this many replicates an interval means little (the report says the same). */
const FEW_REPLICATES = 5;

const f0 = (x: number) => Math.round(x).toLocaleString('en-US');
const pct = (x: number | null) => (x === null ? '' : `${x > 0 ? '+' : ''}${(100 * x).toFixed(1)}%`);
const signed = (x: number) => `${x > 0 ? '+' : ''}${f0(x)}`;
const pad = (s: string, n: number) => s.padEnd(n);
const lpad = (s: string, n: number) => s.padStart(n);

/** Plain labels from the metric registry. */
const LABELS: Record<string, string> = Object.fromEntries(Object.entries(METRIC_DEFS).map(([k, d]) => [k, (d as MetricDef).label]));

/** The variants a person reads: the runs a decomposition adds are shown in its own table. */
export const shownVariants = (c: Comparison) => c.variants.filter((v) => !v.decomposes);

export function comparisonTable(c: Comparison, metrics: readonly string[]): string {
  const out: string[] = [];
  const variants = shownVariants(c);
  const width = Math.max(10, ...variants.map((v) => v.name.length)) + 2;
  out.push(`lintas compare: ${c.scenario}, ${c.start} .. ${c.end}, ${c.replicates} replicates (seeds ${c.seeds[0]}..${c.seeds[c.seeds.length - 1]}), 1 agent = ${c.scale} persons`);
  out.push('Paired differences use common random numbers: replicate r of every variant runs with the same seed (seed + r). Intervals are 95%.');
  out.push(
    c.posterior
      ? `The intervals cover the variation between seeds and the ${c.posterior.parameters.length} calibrated parameters drawn from ${c.posterior.file}; the other coefficients stay assumptions (see report.html, "How sure is this?").`
      : 'The intervals cover the variation between seeds only, not the assumed coefficients (see report.html, "How sure is this?").',
  );
  if (c.replicates < FEW_REPLICATES)
    out.push(`Warning: only ${c.replicates} replicates; intervals from fewer than ${FEW_REPLICATES} are unreliable (they can be very wide or dip below zero). Use --replicates 10 or more.`);
  for (const m of metrics) {
    if (!c.variants[0]!.metrics[m]) continue;
    out.push('');
    out.push(`${LABELS[m] ?? m}`);
    out.push(`  ${pad('variant', width)}${lpad('mean', 10)}  ${pad('95% interval', 22)}${lpad('vs baseline', 12)}  ${pad('95% interval', 22)}${lpad('change', 8)}${m === 'trafficked' ? '   cost per case averted (where clear)' : ''}`);
    for (const v of variants) {
      const s = v.metrics[m]!;
      const ci = `[${f0(s.lo)}, ${f0(s.hi)}]`;
      const d = s.diff;
      const diff = d ? signed(d.mean) : '';
      const dci = d ? `[${signed(d.lo)}, ${signed(d.hi)}]` : '';
      const cost = m === 'trafficked' && v.costPerTraffickingCaseAvertedIdr !== null ? `   Rp ${f0(v.costPerTraffickingCaseAvertedIdr)}` : '';
      out.push(`  ${pad(v.name, width)}${lpad(f0(s.mean), 10)}  ${pad(ci, 22)}${lpad(diff, 12)}  ${pad(dci, 22)}${lpad(pct(s.relativeChange), 8)}${cost}`);
    }
  }
  out.push('');
  out.push('where flows moved (largest paired changes in migrant crossings, persons over the horizon)');
  for (const v of variants.slice(1)) {
    const moves = Object.entries(v.metrics)
      .filter(([k, s]) => k.startsWith('flow_') && s.diff && s.diff.mean !== 0)
      .sort((a, b) => Math.abs(b[1].diff!.mean) - Math.abs(a[1].diff!.mean) || (a[0] < b[0] ? -1 : 1))
      .slice(0, 3)
      .map(([k, s]) => `${k.slice(5)} ${signed(s.diff!.mean)}`);
    out.push(`  ${pad(v.name, width)}${moves.join(', ') || 'no change'}`);
  }
  for (const d of c.decompositions) out.push('', ...decompositionTable(d));
  return out.join('\n');
}

/** One decomposition: the change between two stages, and what each mechanism contributes. */
export function decompositionTable(d: Comparison['decompositions'][number]): string[] {
  const ci = (i: { lo: number; hi: number }) => `[${signed(i.lo)}, ${signed(i.hi)}]`;
  const share = (x: number | null) => (x === null ? '' : `${(100 * x).toFixed(0)}%`);
  const rows = [
    `${LABELS[d.metric] ?? d.metric}: ${d.variant} against ${d.against}, by mechanism (switch-one-off, paired 95% intervals)`,
    `  ${pad('total change', 72)}${lpad(signed(d.total.mean), 10)}  ${ci(d.total)}`,
    ...d.mechanisms.map((m) => `  ${pad(m.label, 72)}${lpad(signed(m.contribution.mean), 10)}  ${pad(ci(m.contribution), 22)}${lpad(share(m.share), 6)}`),
    `  ${pad('interactions (what the mechanisms only do together)', 72)}${lpad(signed(d.interactions.mean), 10)}  ${ci(d.interactions)}`,
  ];
  return rows;
}

