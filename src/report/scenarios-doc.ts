/**
 * docs/scenarios.md, generated from the scenario schema (through its JSON Schema, so that the
 * reference and `lintas schema` say the same): every field with its type, unit, range, default,
 * whether it is required, what it means and an example. A test checks the file is current.
 */
import { FIELD_DOCS } from './scenario-fields.js';
import { type JsonSchema, scenarioJsonSchema } from './scenario-schema.js';

const cell = (s: unknown) => String(s).replace(/\|/g, '\\|').replace(/\n/g, ' ');
const show = (v: unknown) => (v === undefined ? '' : `\`${typeof v === 'string' ? v : JSON.stringify(v)}\``);

function typeOf(s: JsonSchema): string {
  if (s.enum) return (s.enum as string[]).map((e) => `"${e}"`).join(' \\| ');
  if (s.anyOf) return (s.anyOf as JsonSchema[]).map(typeOf).join(' or ');
  if (s.format === 'date') return 'date';
  if (s.type === 'array') return `list of ${typeOf((s.items as JsonSchema) ?? {})}`;
  if (s.type === 'object') return s.properties ? 'object' : s.additionalProperties && typeof s.additionalProperties === 'object' ? 'map' : 'object';
  return String(s.type ?? 'any');
}

function rangeOf(s: JsonSchema): string {
  const lo = s.minimum ?? (s.exclusiveMinimum !== undefined ? `> ${s.exclusiveMinimum}` : undefined);
  const hi = s.maximum;
  if (lo === undefined && hi === undefined) return s.maxItems ? `at most ${s.maxItems} entries` : '';
  if (hi === undefined) return typeof lo === 'string' ? lo : `≥ ${lo}`;
  if (lo === undefined) return `≤ ${hi}`;
  return `${lo} – ${hi}`;
}

function rows(props: Record<string, JsonSchema>, required: readonly string[], prefix: string): string[] {
  const out = ['| field | type | unit | range | default | required | meaning | example |', '| --- | --- | --- | --- | --- | --- | --- | --- |'];
  for (const [k, s] of Object.entries(props)) {
    if (k === '$schema') continue;
    const doc = FIELD_DOCS[`${prefix}${k}`];
    out.push(`| \`${k}\` | ${cell(typeOf(s))} | ${cell(doc?.unit ?? '')} | ${cell(rangeOf(s))} | ${cell(show(s.default))} | ${required.includes(k) ? 'yes' : ''} | ${cell(doc?.description ?? '')} | ${cell(show(doc?.example))} |`);
  }
  return out;
}

export function scenariosMarkdown(): string {
  const schema = scenarioJsonSchema();
  const props = schema.properties as Record<string, JsonSchema>;
  const required = ((schema.anyOf as JsonSchema[])[1]!.required as string[]) ?? [];
  const lines = [
    '# Writing scenarios: the field reference',
    '',
    'Generated from the scenario schema (`src/scenario/schema.ts`) and the field descriptions',
    '(`src/report/scenario-fields.ts`) by `npm run docs`; do not edit by hand. The same schema, as JSON Schema for',
    'editors, is printed by `lintas schema` and kept in [scenario.schema.json](scenario.schema.json). Types, ranges',
    'and defaults are those `lintas validate` holds a scenario to.',
    '',
    'A scenario is a `.ts` module (`defineScenario`), or a `.json` / `.yaml` file. A file that `extends` another needs',
    'only the fields it changes: objects (`params`, `series`, `mechanismStages`) merge, lists replace. For an editor\'s',
    'completion and checks, start a YAML file with the line',
    '',
    '```yaml',
    '# yaml-language-server: $schema=../docs/scenario.schema.json',
    '```',
    '',
    'or give a JSON file a `"$schema": "../docs/scenario.schema.json"` field (lintas ignores it); the path is relative',
    'to the file. Parameters are described one by one, with unit, range and source, in [parameters.md](parameters.md).',
    '',
    '## Top-level fields',
    '',
    ...rows(props, required, ''),
  ];
  for (const [k, s] of Object.entries(props)) {
    const items = s.items as JsonSchema | undefined;
    if (s.type === 'array' && items?.properties) {
      lines.push('', `## \`${k}\`: each entry`, '', cell(FIELD_DOCS[k]?.description ?? ''), '', ...rows(items.properties as Record<string, JsonSchema>, (items.required as string[]) ?? [], `${k}[].`));
    }
  }
  const series = (props.series!.additionalProperties as JsonSchema).items as JsonSchema;
  lines.push('', '## `series`: each step', '', cell(FIELD_DOCS.series!.description), '', ...rows(series.properties as Record<string, JsonSchema>, (series.required as string[]) ?? [], 'series.*[].'));
  const mech = props.mechanismStages!;
  lines.push('', '## `mechanismStages`', '', cell(FIELD_DOCS.mechanismStages!.description), '', ...rows(mech.properties as Record<string, JsonSchema>, [], 'mechanismStages.'));
  const paramNames = Object.keys((props.params!.properties as Record<string, JsonSchema>) ?? {});
  lines.push(
    '',
    '## `params`',
    '',
    `${cell(FIELD_DOCS.params!.description)}.`,
    '',
    'Each is a number, or `{ value, source, range }` where `source` says where the value comes from ("assumption: why"',
    'for a guess) and `range` `[lo, hi]` is the range it plausibly takes (for sensitivity analysis and calibration; a',
    `value may lie outside it). The ${paramNames.length} names: ${paramNames.map((n) => `\`${n}\``).join(', ')}.`,
    '',
    '## Examples',
    '',
    '```yaml',
    '# yaml-language-server: $schema=../docs/scenario.schema.json',
    'extends: baseline',
    'name: flood-at-aruk',
    'append:                       # added to the baseline\'s closures (a `closures:` field would replace them)',
    '  closures:',
    '    - { crossing: aruk, from: 2023-01-02, to: 2023-03-31, reason: flood }',
    'set:                          # one value each; the rest of each list as in the baseline',
    '  crossings.entikong_informal.terrain: 0.5',
    '  params.patrolKappa: { value: 0.02, source: "assumption: better cameras" }',
    '```',
    '',
    '```yaml',
    '# yaml-language-server: $schema=../docs/scenario.schema.json',
    'extends: baseline',
    'name: stronger-patrols',
    'params:',
    '  patrolUnits: { value: 80, source: "assumption: Satgas Pamtas doubled" }',
    'interventions:',
    '  - { kind: jointPatrols, start: 2020-01-06, intensity: 0.8, costPerYearIdr: 40000000000 }',
    'variants:',
    '  - name: collaboration',
    '    patch: { stages: [{ date: 2019-01-01, stage: collaboration }] }',
    '```',
  );
  return `${lines.join('\n')}\n`;
}
