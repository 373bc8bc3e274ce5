/**
 * Parsing a scenario's sections once. A comparison parses the baseline and every variant, and a
 * sweep or a calibration parses the scenario again for every run, while most sections (the
 * origins, crossings, routes, dated series) are the same each time; zod spends tens of
 * milliseconds on them in a fresh process. A memoised section remembers the parsed value of
 * input it has accepted, by the input's exact text: the same input gets a copy of the same value;
 * anything else, and every input it rejects, is parsed as before, so errors are unchanged.
 */
import { type ParseInput, type ParseReturnType, ZodType, type ZodTypeAny, type ZodTypeDef } from 'zod';

/** Entries kept per section: a sweep's points each leave one, so the oldest go first. */
const MAX_ENTRIES = 64;
/** Deeper than any scenario: data nested further (or a cycle) is parsed without the memo. */
const MAX_DEPTH = 32;

/**
 * The exact text of plain data (null, booleans, numbers, strings, arrays, plain objects), told
 * apart wherever zod could tell them apart: an absent key from one set to undefined, -0 from 0,
 * NaN from null, "1" from 1. Undefined for anything else (a function, a Date, a class instance,
 * a bigint): such input is never memoised.
 */
export function plainKey(value: unknown, depth = 0): string | undefined {
  if (value === null) return 'n';
  switch (typeof value) {
    case 'undefined':
      return 'u';
    case 'boolean':
      return value ? 't' : 'f';
    case 'number':
      return Object.is(value, -0) ? '-0' : String(value);
    case 'string':
      return JSON.stringify(value);
    case 'object': {
      if (depth >= MAX_DEPTH) return undefined;
      const proto = Object.getPrototypeOf(value);
      const parts: string[] = [];
      if (Array.isArray(value) && proto === Array.prototype) {
        for (let i = 0; i < value.length; i++) {
          const k = plainKey(value[i], depth + 1);
          if (k === undefined) return undefined;
          parts.push(k);
        }
        return `[${parts.join(',')}]`;
      }
      if (proto !== Object.prototype && proto !== null) return undefined;
      for (const key of Object.keys(value)) {
        const k = plainKey((value as Record<string, unknown>)[key], depth + 1);
        if (k === undefined) return undefined;
        parts.push(`${JSON.stringify(key)}:${k}`);
      }
      return `{${parts.join(',')}}`;
    }
    default:
      return undefined;
  }
}

export interface ZodMemoDef extends ZodTypeDef {
  typeName: 'LintasMemo';
  innerType: ZodTypeAny;
}

export class ZodMemo<T extends ZodTypeAny> extends ZodType<T['_output'], ZodMemoDef, T['_input']> {
  private readonly accepted = new Map<string, unknown>();

  _parse(input: ParseInput): ParseReturnType<T['_output']> {
    const key = plainKey(input.data);
    if (key !== undefined && this.accepted.has(key)) return { status: 'valid', value: structuredClone(this.accepted.get(key)) };
    const result = this._def.innerType._parse(input) as ParseReturnType<T['_output']>;
    if (key !== undefined && !(result instanceof Promise) && result.status === 'valid') {
      let kept: unknown;
      try {
        kept = structuredClone(result.value);
      } catch {
        return result; // a value that cannot be copied is not kept
      }
      if (this.accepted.size >= MAX_ENTRIES) this.accepted.delete(this.accepted.keys().next().value!);
      this.accepted.set(key, kept);
    }
    return result;
  }
}

/** `schema`, remembering what it accepted (see above). Wrap a section last: zod's methods stay on `schema`. */
export const memo = <T extends ZodTypeAny>(schema: T): ZodMemo<T> => new ZodMemo<T>({ typeName: 'LintasMemo', innerType: schema });
