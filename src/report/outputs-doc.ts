/**
 * docs/outputs.md, generated from the list of output files (output-files.ts) and the metric
 * registry (src/model/metrics.ts): every file each command writes, every column with its unit and
 * definition, and every metric. A test checks the committed file is current, and another that
 * the files lintas writes hold exactly the columns documented.
 */
import { METRIC_DEFS, METRICS, type MetricDef } from '../model/metrics.js';
import { OUTPUT_FILES, RECORD_METRICS } from './output-files.js';

const cell = (s: string) => s.replace(/\|/g, '\\|').replace(/\n/g, ' ');
const COMMANDS = { run: 'lintas run', compare: 'lintas compare', sweep: 'lintas sweep', sensitivity: 'lintas sensitivity', decide: 'lintas decide' } as const;

export function outputsMarkdown(): string {
  const lines = [
    '# Outputs: every file, column and metric',
    '',
    'Generated from `src/report/output-files.ts` and `src/model/metrics.ts` by `npm run docs`; do not edit by hand.',
    '',
    'Counts are in persons (agent counts × `--scale`) unless the unit says otherwise. Numbers are written at full',
    'precision. **Residents\' short visits** (market, medical and family trips of border residents through their home',
    'post) are counted apart from **migrant crossings** everywhere: `visits`, `visits_at_<crossing>` and the `visits`',
    'column of crossings.csv hold them; `crossings_*`, `flow_<crossing>`, `migrants_at_<crossing>` and',
    '`migrant_crossings` never include them.',
    '',
    'Names in angle brackets stand for a family: `<metric>` every metric below, `<flow>` every flow, `<stock>` every',
    'stock, `<crossing>` every crossing id of the scenario (scenarios/data/crossings.csv), `<path>` a swept scenario',
    'path, `<parameter>` a factor of a sensitivity design, `<output>` an output of a sensitivity analysis, `<draw path>`',
    'a parameter an uncertainty draw of decide sets ([decide.md](decide.md) explains each output of decide).',
    '`lintas calibrate` writes its own files, described in [calibration.md](calibration.md).',
    '',
    '## Files',
  ];
  for (const cmd of Object.keys(COMMANDS) as (keyof typeof COMMANDS)[]) {
    lines.push('', `### \`${COMMANDS[cmd]}\``);
    for (const f of OUTPUT_FILES.filter((x) => x.command === cmd)) {
      lines.push('', `#### ${f.file}`, '', `${f.format}: ${cell(f.description)}.`);
      if (!f.columns.length) continue;
      lines.push('', '| column or key | unit | definition |', '| --- | --- | --- |');
      for (const c of f.columns) lines.push(`| \`${c.name}\` | ${cell(c.unit)} | ${cell(c.definition)} |`);
    }
  }
  lines.push(
    '',
    '## Record metrics',
    '',
    'The metrics kept from each run of `compare`, `sweep` and `sensitivity` (the `metric` column of comparison.csv and',
    'sweep.csv, the `metrics` of runs.jsonl and comparison.json):',
    '',
    '| metric | unit | definition |',
    '| --- | --- | --- |',
    ...RECORD_METRICS.map((c) => `| \`${c.name}\` | ${cell(c.unit)} | ${cell(c.definition)} |`),
    '',
    '## Metrics',
    '',
    '**Flows** count events in a week and are summed over weeks in totals; **stocks** are head counts at the end of a',
    'week, reported for the last week in `final`. "Scaled" figures are in persons (agent counts × `--scale`); the',
    'others (shares, officer and broker counts, cases) are not scaled. Each metric is a column of `timeseries.csv` and a',
    'key of `summary.json` (`totals`, `perYear`, `final`) and of `comparison.csv` / `comparison.json`.',
    '',
    '| metric | kind | label | unit | scaled | definition |',
    '| --- | --- | --- | --- | --- | --- |',
  );
  for (const name of METRICS) {
    const m = METRIC_DEFS[name] as MetricDef;
    lines.push(`| \`${name}\` | ${m.kind} | ${cell(m.label)} | ${m.unit} | ${m.scaled ? 'yes' : 'no'} | ${cell(m.definition)} |`);
  }
  return `${lines.join('\n')}\n`;
}
