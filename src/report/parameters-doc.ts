/**
 * docs/parameters.md, generated from the parameter table and a scenario: name, value, unit,
 * meaning and source of every coefficient. A test checks the committed file is current.
 */
import { INTERVENTIONS, PARAMS, PARAM_NAMES } from '../model/parameters.js';
import type { Scenario } from '../scenario/load.js';

export interface ParameterRow {
  name: string;
  value: number;
  unit: string;
  meaning: string;
  source: string;
}

export function parametersTable(s: Scenario): ParameterRow[] {
  return PARAM_NAMES.map((name) => ({ name, value: s.params[name], unit: PARAMS[name].unit, meaning: PARAMS[name].meaning, source: s.paramSources[name] ?? '(none)' }));
}

const cell = (s: string) => s.replace(/\|/g, '\\|').replace(/\n/g, ' ');

export function parametersMarkdown(s: Scenario, scenarioFile: string): string {
  const lines = [
    '# Parameters',
    '',
    `Generated from \`src/model/parameters.ts\` and \`${scenarioFile}\` by \`npm run docs\`; do not edit by hand.`,
    'Geography and dated series are in `scenarios/data/*.csv`, each row with its own `source` column.',
    '',
    '| parameter | value | unit | meaning | source |',
    '| --- | --- | --- | --- | --- |',
  ];
  for (const name of PARAM_NAMES) {
    const spec = PARAMS[name];
    lines.push(`| \`${name}\` | ${s.params[name]} | ${cell(spec.unit)} | ${cell(spec.meaning)} | ${cell(s.paramSources[name] ?? '(none)')} |`);
  }
  lines.push('', '## Interventions', '', '| kind | bilateral (scaled by the cooperation stage) | what it moves |', '| --- | --- | --- |');
  for (const [kind, iv] of Object.entries(INTERVENTIONS)) lines.push(`| \`${kind}\` | ${iv.bilateral ? 'yes' : 'no'} | ${cell(iv.meaning)} |`);
  lines.push('', '## Scheduled in this scenario', '');
  for (const st of s.stages) lines.push(`- from ${st.date}: cooperation stage **${st.stage}** — ${st.source ?? ''}`);
  for (const iv of s.interventions) lines.push(`- from ${iv.start}${iv.end ? ` to ${iv.end}` : ''}: \`${iv.kind}\` at intensity ${iv.intensity} — ${iv.note ?? ''}`);
  return lines.join('\n') + '\n';
}
