/**
 * Objects the tick loop reads on every agent (the parameters, the week's conditions, the input's
 * tables, the agent columns, the draw processes) must be fast-mode objects that keep one hidden
 * class for the life of a thread. Two things in V8 break that:
 * - an object grown key by key (`o[k] = v`) turns into a hash table past about 16 keys, and every
 *   read of it becomes a lookup;
 * - a number field is stored as a small integer until it first meets a fraction; then the hidden
 *   class changes and every phase compiled against the old one is thrown away and compiled again
 *   (a variant that sets a multiplier of 1 to 0.85 would do it).
 * `fastObject` and `shapedCopy` build objects that avoid both. Values are unchanged: only how V8
 * stores them.
 */

/** o[k] = v, except that a key "__proto__" (from JSON) stays a data field rather than setting the prototype. */
function put(o: Record<string, unknown>, k: string, v: unknown): void {
  if (k === '__proto__') Object.defineProperty(o, k, { value: v, enumerable: true, writable: true, configurable: true });
  else o[k] = v;
}

/**
 * A copy of `values` (same keys in the same order, same values) as a fast-mode object whose
 * number fields are stored as doubles from the start. JSON.parse builds a template with every key
 * at once (a number field given −0, which only a double can hold; others null); spreading it
 * gives a fast-mode copy even past JSON.parse's 127 keys, up to about 150 (tests/core/shape.test.ts
 * checks that the model's parameters stay fast); then each field takes its value.
 */
export function fastObject<T extends object>(values: T, integers: readonly (keyof T & string)[] = []): T {
  const src = values as Record<string, unknown>;
  const keys = Object.keys(src);
  // `integers`: fields that only ever hold small whole numbers (a week's index) stay so, since a
  // double field hands its value to a function it calls as a new heap number each time.
  const start = (k: string) => (typeof src[k] !== 'number' ? 'null' : (integers as readonly string[]).includes(k) ? '0' : '-0');
  const template = JSON.parse(`{${keys.map((k) => `${JSON.stringify(k)}:${start(k)}`).join(',')}}`) as Record<string, unknown>;
  const out = { ...template };
  for (const k of keys) put(out, k, src[k]);
  return out as T;
}

/**
 * A deep copy of plain data (arrays and plain objects, copied; anything else, such as typed
 * arrays and functions, shared), every object made by fastObject: nothing frozen, the same hidden
 * classes whether it came from zod, immer or a file.
 */
export function canonical<T>(value: T): T {
  if (Array.isArray(value)) return value.map(canonical) as T;
  if (typeof value !== 'object' || value === null) return value;
  const proto = Object.getPrototypeOf(value);
  if (proto !== Object.prototype && proto !== null) return value;
  const src = value as Record<string, unknown>;
  const copy: Record<string, unknown> = {};
  for (const k of Object.keys(src)) put(copy, k, canonical(src[k]));
  return fastObject(copy) as T;
}

/**
 * A copy of `given` with exactly the fields of `fields`, in that order (absent ones undefined), each
 * deep-copied by `canonical` except those in `shared` (kept by reference, e.g. code), as a fast-mode
 * object: every copy made from the same field list has the same hidden classes, whatever the
 * values or the order and extra fields of what it was copied from.
 */
export function shapedCopy<T extends object>(given: T, fields: Readonly<Record<keyof T & string, true>>, shared: readonly (keyof T & string)[] = []): T {
  const out: Record<string, unknown> = {};
  for (const k of Object.keys(fields) as (keyof T & string)[]) out[k] = shared.includes(k) ? given[k] : canonical(given[k]);
  return fastObject(out) as T;
}
