/**
 * "Did you mean": the field names a schema knows at a path, and the one closest to a misspelt
 * name (edit distance with transpositions, at most a third of the name's length, at least 2).
 */
import type { ZodTypeAny } from 'zod';
/** Where a problem is in a scenario: keys and indices from its root. */
export type IssuePath = (string | number)[];

type Def = { typeName?: string; [k: string]: unknown };
const defOf = (t: ZodTypeAny) => t._def as unknown as Def;

function unwrap(t: ZodTypeAny): ZodTypeAny {
  const d = defOf(t);
  if (d.typeName === 'ZodOptional' || d.typeName === 'ZodDefault' || d.typeName === 'ZodNullable' || d.typeName === 'LintasMemo') return unwrap(d.innerType as ZodTypeAny);
  if (d.typeName === 'ZodEffects') return unwrap(d.schema as ZodTypeAny);
  if (d.typeName === 'ZodUnion') {
    const withShape = (d.options as ZodTypeAny[]).map(unwrap).find((o) => defOf(o).typeName === 'ZodObject');
    return withShape ?? t;
  }
  return t;
}

/** The field names of the object the schema expects at `path`, or [] where it is not an object. */
export function knownKeys(schema: ZodTypeAny, path: IssuePath): string[] {
  let t = unwrap(schema);
  for (const part of path) {
    const d = defOf(t);
    if (d.typeName === 'ZodObject' && typeof part === 'string') t = unwrap((d.shape as () => Record<string, ZodTypeAny>)()[part] ?? t);
    else if (d.typeName === 'ZodArray') t = unwrap(d.type as ZodTypeAny);
    else if (d.typeName === 'ZodRecord') t = unwrap(d.valueType as ZodTypeAny);
    else return [];
  }
  const d = defOf(t);
  return d.typeName === 'ZodObject' ? Object.keys((d.shape as () => Record<string, ZodTypeAny>)()) : [];
}

/** Optimal string alignment distance, case-insensitive. */
function distance(a: string, b: string): number {
  const s = a.toLowerCase();
  const t = b.toLowerCase();
  const d = Array.from({ length: s.length + 1 }, (_, i) => [i, ...Array<number>(t.length).fill(0)]);
  for (let j = 1; j <= t.length; j++) d[0]![j] = j;
  for (let i = 1; i <= s.length; i++)
    for (let j = 1; j <= t.length; j++) {
      const cost = s[i - 1] === t[j - 1] ? 0 : 1;
      d[i]![j] = Math.min(d[i - 1]![j]! + 1, d[i]![j - 1]! + 1, d[i - 1]![j - 1]! + cost);
      if (i > 1 && j > 1 && s[i - 1] === t[j - 2] && s[i - 2] === t[j - 1]) d[i]![j] = Math.min(d[i]![j]!, d[i - 2]![j - 2]! + 1);
    }
  return d[s.length]![t.length]!;
}

/** The known name closest to `word`, if one is close enough to be what was meant. */
export function closest(word: string, known: readonly string[]): string | null {
  let best: string | null = null;
  let bestD = Math.max(2, Math.floor(word.length / 3)) + 1;
  for (const k of known) {
    const dist = distance(word, k);
    if (dist < bestD) [best, bestD] = [k, dist];
  }
  return best;
}
