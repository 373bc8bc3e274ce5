/** The comparison as text: what a policy reader sees in the terminal. */
import { METRIC_DEFS, type MetricDef } from '../model/metrics.js';
import { localize, type Locale } from '../i18n/index.js';
import type { Comparison } from './compare.js';
import type { Figure } from './decompose.js';

/** Below this many replicates an interval means little (the report says the same). */
const FEW_REPLICATES = 5;

const pad = (s: string, n: number) => s.padEnd(n);
const lpad = (s: string, n: number) => s.padStart(n);

/** Plain labels from the metric registry, in the reader's language where the catalog has them. */
const label = (m: string, loc: Locale) => loc.t(`metric.${m}`, { defaultValue: (METRIC_DEFS as Record<string, MetricDef>)[m]?.label ?? m });

/** The variants a person reads: the runs a decomposition adds are shown in its own table. */
export const shownVariants = (c: Comparison) => c.variants.filter((v) => !v.decomposes);

export function comparisonTable(c: Comparison, metrics: readonly string[], loc: Locale = localize()): string {
  const { t, int: f0, signed, pct1: pct } = loc;
  const out: string[] = [];
  const variants = shownVariants(c);
  const width = Math.max(10, ...variants.map((v) => v.name.length)) + 2;
  out.push(t('cli.table.header', { scenario: c.scenario, start: loc.date(c.start), end: loc.date(c.end), replicates: c.replicates, first: c.seeds[0], last: c.seeds[c.seeds.length - 1], scale: c.scale }));
  out.push(t('cli.table.paired'));
  out.push(c.posterior ? t('cli.table.posterior', { n: c.posterior.parameters.length, file: c.posterior.file }) : t('cli.table.seedsOnly'));
  if (c.replicates < FEW_REPLICATES) out.push(t('cli.table.warning', { replicates: c.replicates, few: FEW_REPLICATES }));
  for (const m of metrics) {
    if (!c.variants[0]!.metrics[m]) continue;
    out.push('');
    out.push(label(m, loc));
    const ci95 = t('cli.table.interval');
    out.push(`  ${pad(t('cli.table.variant'), width)}${lpad(t('cli.table.mean'), 10)}  ${pad(ci95, 22)}${lpad(t('cli.table.vsBaseline'), 12)}  ${pad(ci95, 22)}${lpad(t('cli.table.change'), 8)}${m === 'trafficked' ? `   ${t('cli.table.costPerCase')}` : ''}`);
    for (const v of variants) {
      const s = v.metrics[m]!;
      const ci = `[${f0(s.lo)}, ${f0(s.hi)}]`;
      const d = s.diff;
      const diff = d ? signed(d.mean) : '';
      const dci = d ? `[${signed(d.lo)}, ${signed(d.hi)}]` : '';
      const cost = m === 'trafficked' && v.costPerTraffickingCaseAvertedIdr !== null ? `   ${loc.money(v.costPerTraffickingCaseAvertedIdr, 'IDR')}` : '';
      out.push(`  ${pad(v.name, width)}${lpad(f0(s.mean), 10)}  ${pad(ci, 22)}${lpad(diff, 12)}  ${pad(dci, 22)}${lpad(pct(s.relativeChange), 8)}${cost}`);
    }
  }
  out.push('');
  out.push(t('cli.table.moved'));
  for (const v of variants.slice(1)) {
    const moves = Object.entries(v.metrics)
      .filter(([k, s]) => k.startsWith('flow_') && s.diff && s.diff.mean !== 0)
      .sort((a, b) => Math.abs(b[1].diff!.mean) - Math.abs(a[1].diff!.mean) || (a[0] < b[0] ? -1 : 1))
      .slice(0, 3)
      .map(([k, s]) => `${k.slice(5)} ${signed(s.diff!.mean)}`);
    out.push(`  ${pad(v.name, width)}${moves.join(', ') || t('cli.table.noChange')}`);
  }
  for (const d of c.decompositions) out.push('', ...decompositionTable(d, loc));
  return out.join('\n');
}

/** A share as a whole percentage, a share that rounds to nothing as 0% (not -0%). */
export const sharePercent = (x: number, loc: Locale) => `${loc.fixed(100 * x, 0).replace(/^[-\u2212]0$/, '0')}%`;

/**
 * One decomposition: the change between two stages and each mechanism's Shapley value, with its
 * interval and share (shares only where the total is clear; a value whose interval includes zero
 * is marked as not distinguishable from zero). Where the variants differ in more than their stage,
 * the change of stage and what is not the stage come first.
 */
export function decompositionTable(d: Comparison['decompositions'][number], loc: Locale = localize()): string[] {
  const { t, signed } = loc;
  const ci = (i: { lo: number; hi: number }) => `[${signed(i.lo)}, ${signed(i.hi)}]`;
  const stage = loc.t(`stage.${d.heldAt}`, { defaultValue: d.heldAt });
  const rows: [string, Figure][] = [
    [t('cli.table.total'), d.total],
    ...(d.notStage
      ? ([
          [t('cli.table.stageChange'), d.stageChange],
          [t('cli.table.notStage', { variant: d.variant, stage, against: d.against }), d.notStage],
        ] as [string, Figure][])
      : []),
    ...d.mechanisms.map((m): [string, Figure] => [m.mechanism === 'others' ? t('cli.table.others', { mechanisms: m.mechanisms.join(', ') }) : m.label, m]),
  ];
  const width = Math.max(...rows.map(([name]) => name.length)) + 2;
  return [
    t('cli.table.decomposition', { metric: label(d.metric, loc), variant: d.variant, against: d.against, coalitions: d.coalitions }),
    ...(d.total.share === null ? [`  ${t('cli.table.sharesNotClear')}`] : []),
    ...rows.map(
      ([name, f]) =>
        `  ${pad(name, width)}${lpad(signed(f.value.mean), 10)}  ${pad(ci(f.value), 22)}${lpad(f.share === null ? '' : sharePercent(f.share, loc), 6)}${f.clear ? '' : `  ${t('cli.table.notDistinguishable')}`}`.trimEnd(),
    ),
  ];
}
