/**
 * What a .json/.yaml scenario that `extends` another may say besides the fields it replaces:
 * `append` adds entries to the lists it inherits (a closure, keeping the baseline's COVID-19
 * closures), and `set` changes single values by path (`crossings.entikong_informal.terrain`,
 * `params.patrolKappa`, `closures[0].to`), leaving the rest of that list or object as inherited.
 */
import { produce } from 'immer';
import { UserError } from '../core/errors.js';
import { locate, setPath } from './paths.js';
import { closest } from './suggest.js';

/** The lists `append` may add to. */
export const APPENDABLE = ['origins', 'hubs', 'crossings', 'destinations', 'routes', 'closures', 'stages', 'interventions', 'events', 'variants', 'decompositions'] as const;

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** The merged scenario with `append` then `set` applied; `shown` names the file in messages. */
export function applyOverrides(merged: unknown, append: unknown, set: unknown, shown: string): unknown {
  if (append === undefined && set === undefined) return merged;
  const where = (what: string) => `${shown}: ${what}`;
  if (append !== undefined && !isRecord(append)) throw new UserError([where('append: expected lists by field, e.g. append: { closures: [...] }')]);
  if (set !== undefined && !isRecord(set)) throw new UserError([where('set: expected values by path, e.g. set: { params.patrolKappa: 0.02 }')]);
  const problems: string[] = [];
  const out = produce(merged as Record<string, unknown>, (d) => {
    for (const [field, items] of Object.entries(append ?? {})) {
      if (!(APPENDABLE as readonly string[]).includes(field)) {
        const near = closest(field, APPENDABLE);
        problems.push(where(`append.${field}: not a list of the scenario (${near ? `did you mean "${near}"?` : `expected one of ${APPENDABLE.join(', ')}`})`));
      }
      else if (!Array.isArray(items)) problems.push(where(`append.${field}: expected a list of entries to add`));
      else d[field] = [...((Array.isArray(d[field]) ? d[field] : []) as unknown[]), ...items];
    }
    for (const [path, value] of Object.entries(set ?? {})) {
      try {
        // A parameter given whole ({ value, source }) replaces the inherited one, source included.
        const at = isRecord(value) && 'value' in value ? locate(d, path) : undefined;
        if (at) (at.parent as Record<string | number, unknown>)[at.key] = value;
        else setPath(d, path, value);
      } catch (e) {
        if (!(e instanceof UserError)) throw e;
        problems.push(...e.lines.map((l) => where(`set.${l}`)));
      }
    }
  });
  if (problems.length) throw new UserError(problems);
  return out;
}
