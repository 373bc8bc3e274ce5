/**
 * The scenario schema (zod, src/scenario/schema.ts) as JSON Schema for editors (`lintas schema`,
 * docs/scenario.schema.json) and as a table of fields for docs/scenarios.md. Zod 3 has no JSON
 * Schema export, so this walks the schema's definitions; the bounds that refinements check are
 * read from the schema itself, by asking it to validate extreme values and reading its messages
 * ("expected a probability between 0 and 1"), so they never drift from what a scenario is held to.
 */
import type { z } from 'zod';
import { BUILTIN } from '../model/interventions/index.js';
import { APPENDABLE } from '../scenario/overrides.js';
import { scenarioSchemaFor } from '../scenario/schema.js';
import { FIELD_DOCS, VARIANT_FIELDS } from './scenario-fields.js';

export type JsonSchema = Record<string, unknown>;

interface Def {
  typeName: string;
  [k: string]: unknown;
}
const defOf = (t: z.ZodTypeAny) => t._def as unknown as Def;

const NUM = '(-?\\d+(?:\\.\\d+)?(?:e[+-]?\\d+)?)';
/** Bounds stated in a validation message. */
function boundsFrom(message: string): { minimum?: number; maximum?: number; exclusiveMinimum?: number } {
  const m = (re: string) => new RegExp(re, 'i').exec(message);
  let r: RegExpExecArray | null;
  if ((r = m(`between ${NUM} and ${NUM}`)) || (r = m(`in ${NUM}\\.\\.${NUM}`)) || (r = m(`from ${NUM} to ${NUM}`))) return { minimum: Number(r[1]), maximum: Number(r[2]) };
  if ((r = m(`>= ${NUM}`))) return { minimum: Number(r[1]) };
  if ((r = m(`> ${NUM}`))) return { exclusiveMinimum: Number(r[1]) };
  if ((r = m(`at most ${NUM}`))) return { maximum: Number(r[1]) };
  return {};
}

/** What a number schema accepts: its own checks, then the bounds its refinements state when asked about extreme values. */
function numberBounds(t: z.ZodTypeAny, c: z.ZodTypeAny): JsonSchema {
  const checks = (defOf(c).checks as { kind: string; value?: number; inclusive?: boolean }[]) ?? [];
  const out: JsonSchema = {};
  if (checks.some((k) => k.kind === 'int')) out.type = 'integer';
  for (const k of checks) {
    if (k.kind === 'min') out[k.inclusive === false ? 'exclusiveMinimum' : 'minimum'] = k.value;
    if (k.kind === 'max') out[k.inclusive === false ? 'exclusiveMaximum' : 'maximum'] = k.value;
  }
  if (checks.some((k) => k.kind === 'min' || k.kind === 'max')) return out;
  for (const v of [-1e300, 1e300]) {
    const r = t.safeParse(v);
    if (!r.success) for (const issue of r.error.issues) Object.assign(out, boundsFrom(issue.message));
  }
  return out;
}

/** The innermost type under optional, default and effects wrappers. */
function core(t: z.ZodTypeAny): z.ZodTypeAny {
  const d = defOf(t);
  if (d.typeName === 'ZodOptional' || d.typeName === 'ZodDefault' || d.typeName === 'ZodNullable' || d.typeName === 'LintasMemo') return core(d.innerType as z.ZodTypeAny);
  if (d.typeName === 'ZodEffects') return core(d.schema as z.ZodTypeAny);
  return t;
}

const isOptional = (t: z.ZodTypeAny) => t.safeParse(undefined).success;
const defaultOf = (t: z.ZodTypeAny): unknown => {
  const d = defOf(t);
  if (d.typeName === 'ZodDefault') return (d.defaultValue as () => unknown)();
  if (d.typeName === 'ZodOptional' || d.typeName === 'ZodNullable' || d.typeName === 'LintasMemo') return defaultOf(d.innerType as z.ZodTypeAny);
  return undefined;
};

/** JSON Schema of a zod type; `path` names the field for the descriptions of docs/scenarios.md. */
export function toJsonSchema(t: z.ZodTypeAny, path = ''): JsonSchema {
  const doc = FIELD_DOCS[path];
  const described = (s: JsonSchema): JsonSchema => {
    const dflt = defaultOf(t);
    return {
      ...s,
      ...(doc ? { description: `${doc.description}${doc.unit ? ` (${doc.unit})` : ''}` } : {}),
      ...(dflt !== undefined && typeof dflt !== 'function' ? { default: dflt } : {}),
      ...(doc?.example !== undefined ? { examples: [doc.example] } : {}),
    };
  };
  const c = core(t);
  const d = defOf(c);
  switch (d.typeName) {
    case 'ZodString': {
      const checks = (d.checks as { kind: string; regex?: RegExp; value?: number }[]) ?? [];
      const pattern = checks.find((k) => k.kind === 'regex')?.regex?.source;
      const min = checks.find((k) => k.kind === 'min')?.value;
      // A date string is a refined string that refuses impossible dates: say so, for editors.
      const date = t.safeParse('2020-01-06').success && !t.safeParse('2020-02-30').success;
      return described({ type: 'string', ...(pattern ? { pattern } : {}), ...(min ? { minLength: min } : {}), ...(date ? { format: 'date', pattern: '^\\d{4}-\\d{2}-\\d{2}$' } : {}) });
    }
    case 'ZodNumber':
      return described({ type: 'number', ...numberBounds(t, c) });
    case 'ZodBoolean':
      return described({ type: 'boolean' });
    case 'ZodLiteral':
      return described({ const: d.value });
    case 'ZodNull':
      return { type: 'null' };
    case 'ZodEnum':
      return described({ type: 'string', enum: d.values as string[] });
    case 'ZodArray': {
      const max = (d.maxLength as { value: number } | null)?.value;
      const min = (d.minLength as { value: number } | null)?.value;
      return described({ type: 'array', items: toJsonSchema(d.type as z.ZodTypeAny, `${path}[]`), ...(min ? { minItems: min } : {}), ...(max ? { maxItems: max } : {}) });
    }
    case 'ZodTuple':
      return described({ type: 'array', prefixItems: (d.items as z.ZodTypeAny[]).map((i) => toJsonSchema(i, `${path}[]`)), minItems: (d.items as unknown[]).length, maxItems: (d.items as unknown[]).length });
    case 'ZodRecord':
      return described({ type: 'object', additionalProperties: toJsonSchema(d.valueType as z.ZodTypeAny, `${path}.*`) });
    case 'ZodUnion': {
      const options = (d.options as z.ZodTypeAny[]).map((o) => toJsonSchema(o, path)).map(({ description: _, ...o }) => o);
      // `'' | null | date` for an optional date: keep the date.
      const useful = options.filter((o) => o.type !== 'null' && o.const !== '');
      return described(useful.length === 1 ? useful[0]! : { anyOf: useful });
    }
    case 'ZodObject': {
      const shape = (d.shape as () => Record<string, z.ZodTypeAny>)();
      const properties: Record<string, JsonSchema> = {};
      const required: string[] = [];
      for (const [k, v] of Object.entries(shape)) {
        properties[k] = toJsonSchema(v, path ? `${path}.${k}` : k);
        if (!isOptional(v)) required.push(k);
      }
      return described({ type: 'object', properties, ...(required.length ? { required } : {}), additionalProperties: d.unknownKeys !== 'strict' });
    }
    default:
      return described({});
  }
}

/** The JSON Schema of a scenario file (.json or .yaml) with the built-in interventions. */
export function scenarioJsonSchema(): JsonSchema {
  const base = toJsonSchema(scenarioSchemaFor(BUILTIN) as unknown as z.ZodTypeAny);
  const properties = base.properties as Record<string, JsonSchema>;
  delete properties.extensions; // code, only in .ts scenarios
  // params merge over the scenario extended: which are required is said in its description, not enforced here.
  delete (properties.params as JsonSchema).required;
  properties.variants = {
    type: 'array',
    description: FIELD_DOCS.variants?.description,
    items: {
      type: 'object',
      required: ['name'],
      additionalProperties: false,
      properties: Object.fromEntries(Object.entries(VARIANT_FIELDS).map(([k, f]) => [k, { ...f.schema, description: f.description }])),
    },
  };
  const required = (base.required as string[]) ?? [];
  const append: JsonSchema = {
    type: 'object',
    description: FIELD_DOCS.append?.description,
    additionalProperties: false,
    properties: Object.fromEntries(APPENDABLE.map((f) => [f, { type: 'array', items: (properties[f]?.items as JsonSchema) ?? {} }])),
  };
  const set: JsonSchema = { type: 'object', description: FIELD_DOCS.set?.description, examples: [FIELD_DOCS.set?.example] };
  return {
    $schema: 'https://json-schema.org/draft/2020-12/schema',
    $id: 'https://lintas.invalid/scenario.schema.json',
    title: 'lintas scenario',
    description: 'A lintas scenario (.json or .yaml). A file that `extends` another needs only the fields it changes. Generated by `lintas schema` from src/scenario/schema.ts.',
    type: 'object',
    properties: {
      $schema: { type: 'string', description: 'this schema, for editors; ignored by lintas' },
      extends: { type: 'string', description: FIELD_DOCS.extends?.description, examples: ['./scenarios/baseline.ts', 'baseline'] },
      append,
      set,
      ...properties,
    },
    additionalProperties: false,
    // Every field is required of a scenario that extends nothing; one that extends another may give any subset.
    anyOf: [{ required: ['extends'] }, { required }],
  };
}
