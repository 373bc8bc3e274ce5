/** "Did you mean": the closest known field name at the path of an unknown one. */
import { describe, expect, it } from 'vitest';
import { closest, knownKeys } from '../../src/scenario/suggest.js';
import { scenarioSchema } from '../../src/scenario/schema.js';

describe('did you mean', () => {
  it('knows the fields at a path: top level, an entry of a table, the parameters', () => {
    expect(knownKeys(scenarioSchema, [])).toContain('closures');
    expect(knownKeys(scenarioSchema, ['origins', 0])).toContain('visitRate');
    expect(knownKeys(scenarioSchema, ['params'])).toContain('patrolKappa');
    expect(knownKeys(scenarioSchema, ['name'])).toEqual([]);
  });

  it('suggests a near name (typos, case, transpositions) and nothing for a far one', () => {
    expect(closest('closure', ['closures', 'crossings'])).toBe('closures');
    expect(closest('patrolKapa', ['patrolKappa', 'patrolUnits'])).toBe('patrolKappa');
    expect(closest('visitrate', ['visitRate'])).toBe('visitRate');
    expect(closest('hbus', ['hubs'])).toBe('hubs');
    expect(closest('colour', ['closures', 'crossings', 'name'])).toBeNull();
  });
});
