/**
 * docs/scenarios.md and the JSON Schema for editors: current with the schema, every field
 * described, and the JSON Schema accepts the scenarios lintas accepts and refuses what it refuses.
 */
import { Ajv2020 } from 'ajv/dist/2020.js';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { FIELD_DOCS } from '../../src/report/scenario-fields.js';
import { type JsonSchema, scenarioJsonSchema } from '../../src/report/scenario-schema.js';
import { scenariosMarkdown } from '../../src/report/scenarios-doc.js';
import { readScenarioFile } from '../../src/scenario/load.js';
import { lintas } from '../cli/helpers.js';

const schema = scenarioJsonSchema();
const validate = new Ajv2020({ strict: false, allErrors: true, validateFormats: false }).compile(schema);

/** Every field path the schema names, in FIELD_DOCS's notation. */
function paths(s: JsonSchema, prefix: string, out: string[]): string[] {
  const props = s.properties as Record<string, JsonSchema> | undefined;
  if (props) for (const [k, v] of Object.entries(props)) {
    const p = prefix ? `${prefix}.${k}` : k;
    out.push(p);
    // A parameter's { value, source, range } is described once, in docs/parameters.md.
    if (!p.startsWith('params.')) paths(v, p, out);
  }
  if (s.items) paths(s.items as JsonSchema, `${prefix}[]`, out);
  if (s.additionalProperties && typeof s.additionalProperties === 'object') paths(s.additionalProperties as JsonSchema, `${prefix}.*`, out);
  return out;
}

describe('docs/scenarios.md and scenario.schema.json', () => {
  it('are current with the schema (run npm run docs after changing it)', () => {
    expect(readFileSync('docs/scenarios.md', 'utf8')).toBe(scenariosMarkdown());
    expect(readFileSync('docs/scenario.schema.json', 'utf8')).toBe(`${JSON.stringify(schema, null, 2)}\n`);
  });

  it('describe every field of the schema', () => {
    // variants and append take entries described elsewhere (the variant fields; the lists they add to).
    const all = paths(schema, '', []).filter((p) => p !== '$schema' && !p.startsWith('variants[].') && !p.startsWith('append.'));
    expect(all.length).toBeGreaterThan(150);
    expect(all.filter((p) => !FIELD_DOCS[p])).toEqual([]);
  });

  it('read ranges, defaults and dates from the schema itself', () => {
    const props = schema.properties as Record<string, JsonSchema>;
    const origin = (props.origins!.items as JsonSchema).properties as Record<string, JsonSchema>;
    expect(origin.unemployment).toMatchObject({ type: 'number', minimum: 0, maximum: 1 });
    expect(origin.lat).toMatchObject({ minimum: -90, maximum: 90 });
    expect(origin.far).toMatchObject({ type: 'boolean', default: false });
    expect(props.start).toMatchObject({ type: 'string', format: 'date' });
    expect(props.spinUpWeeks).toMatchObject({ type: 'integer', minimum: 0, maximum: 1040 });
  });

  it('accepts the baseline and a YAML file that extends it, and refuses what lintas refuses', async () => {
    const baseline = JSON.parse(JSON.stringify(await readScenarioFile('scenarios/baseline.ts')));
    expect(validate(baseline), JSON.stringify(validate.errors?.slice(0, 3))).toBe(true);
    expect(validate(parse(readFileSync('tests/fixtures/extends.yaml', 'utf8'))), JSON.stringify(validate.errors?.slice(0, 3))).toBe(true);
    const bad = structuredClone(baseline);
    bad.origins[0].unemployment = 1.5;
    bad.colour = 'blue';
    expect(validate(bad)).toBe(false);
    expect(validate.errors!.map((e) => e.instancePath)).toEqual(expect.arrayContaining(['/origins/0/unemployment', '']));
    expect(validate({ name: 'x' })).toBe(false); // extends nothing: every required field is missing
  });
});

describe('lintas schema', () => {
  it('prints the JSON Schema, the same as docs/scenario.schema.json', async () => {
    const r = await lintas('schema');
    expect(r.code).toBe(0);
    expect(r.stderr).toBe('');
    expect(r.stdout).toBe(readFileSync('docs/scenario.schema.json', 'utf8'));
  });

  it('a "$schema" line in a JSON scenario is for editors: lintas ignores it', async () => {
    const data = (await readScenarioFile('tests/fixtures/schema-line.json')) as Record<string, unknown>;
    expect(data).not.toHaveProperty('$schema');
    expect(data.name).toBe('schema-line');
  });
});
