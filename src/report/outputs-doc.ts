/**
 * docs/outputs.md, generated from the metric registry (src/model/metrics.ts): every metric a run
 * records, whether it is a flow or a stock, its unit, whether it is scaled, and its definition.
 * A test checks the committed file is current.
 */
import { METRIC_DEFS, METRICS, type MetricDef } from '../model/metrics.js';

const cell = (s: string) => s.replace(/\|/g, '\\|').replace(/\n/g, ' ');

export function outputsMarkdown(): string {
  const lines = [
    '# Outputs: the metrics a run records',
    '',
    'Generated from `src/model/metrics.ts` by `npm run docs`; do not edit by hand.',
    '',
    '**Flows** count events in a week and are summed over weeks in totals; **stocks** are head counts at the end of a',
    'week, reported for the last week in `final`. "Scaled" figures are in persons (agent counts × `--scale`); the',
    'others (shares, officer counts) are not scaled. Each metric is a column of `timeseries.csv` and a key of',
    '`summary.json` (`totals`, `perYear`, `final`) and of `comparison.csv` / `comparison.json`.',
    '',
    '| metric | kind | label | unit | scaled | definition |',
    '| --- | --- | --- | --- | --- | --- |',
  ];
  for (const name of METRICS) {
    const m = METRIC_DEFS[name] as MetricDef;
    lines.push(`| \`${name}\` | ${m.kind} | ${cell(m.label)} | ${m.unit} | ${m.scaled ? 'yes' : 'no'} | ${cell(m.definition)} |`);
  }
  return `${lines.join('\n')}\n`;
}
