/**
 * docs/parameters.md, generated from the parameter tables (the model's and each
 * intervention's) and a scenario: name, value, unit, meaning and source of every coefficient.
 * A test checks the committed file is current.
 */
import { EVENTS } from '../model/events/index.js';
import { BUILTIN, textIn } from '../model/interventions/index.js';
import { parametersTable } from '../scenario/parameter-table.js';
import type { Scenario } from '../scenario/parse.js';

const cell = (s: string) => s.replace(/\|/g, '\\|').replace(/\n/g, ' ');
const range = (r: readonly [number, number] | null) => (r ? `${r[0]} – ${r[1]}` : '');

export function parametersMarkdown(s: Scenario, scenarioFile: string): string {
  const rows = parametersTable(s);
  const lines = [
    '# Parameters',
    '',
    `Generated from \`src/model/parameters.ts\`, \`src/model/interventions/*.ts\` and \`${scenarioFile}\` by \`npm run docs\`; do not edit by hand.`,
    'Geography and dated series are in `scenarios/data/*.csv`, each row with its own `source` column.',
    '',
    '## The model',
    '',
    '| parameter | value | range | unit | meaning | source |',
    '| --- | --- | --- | --- | --- | --- |',
  ];
  for (const r of rows.filter((r) => r.intervention === null)) lines.push(`| \`${r.name}\` | ${r.value} | ${range(r.range)} | ${cell(r.unit)} | ${cell(r.meaning)} | ${cell(r.source)} |`);
  lines.push('', '## Interventions and events', '', 'Interventions are the measures of the paper; events (COVID-19, crackdowns) are dated shocks that are not policy choices.', '');
  for (const def of [...BUILTIN.definitions, ...EVENTS.definitions]) {
    lines.push(`### ${textIn(def.label)} (\`${def.kind}\`)`, '', `${def.bilateral ? 'Bilateral (acts as far as the cooperation stage allows). ' : ''}${cell(textIn(def.meaning))}. Source: ${cell(def.source)}.`, '');
    const own = rows.filter((r) => r.intervention === def.kind);
    if (!own.length) {
      lines.push('No parameters of its own.', '');
      continue;
    }
    lines.push('| parameter | value | range | unit | meaning | source |', '| --- | --- | --- | --- | --- | --- |');
    for (const r of own) lines.push(`| \`${r.name}\` | ${r.value} | ${range(r.range)} | ${cell(r.unit)} | ${cell(r.meaning)} | ${cell(r.source)} |`);
    lines.push('');
  }
  lines.push('## Scheduled in this scenario', '');
  for (const st of s.stages) lines.push(`- from ${st.date}: cooperation stage **${st.stage}** — ${st.source ?? ''}`);
  for (const iv of [...s.interventions, ...s.events]) lines.push(`- from ${iv.start}${iv.end ? ` to ${iv.end}` : ''}: \`${iv.kind}\` at intensity ${iv.intensity} — ${iv.note ?? ''}`);
  return `${lines.join('\n')}\n`;
}
