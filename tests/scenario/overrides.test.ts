/** append and set in a .json/.yaml scenario that extends another: lists grow, single values change. */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadScenario, type Scenario } from '../../src/scenario/load.js';

let dir: string;
let base: Scenario;
const file = (name: string, text: string) => {
  const p = join(dir, name);
  writeFileSync(p, text);
  return p;
};
const problems = async (p: string) => {
  try {
    await loadScenario(p);
    return [];
  } catch (e) {
    return (e as { lines: string[] }).lines;
  }
};

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'lintas-overrides-'));
  base = await loadScenario('scenarios/baseline.ts');
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('append and set', () => {
  it('append adds a closure and keeps the COVID-19 closures the baseline has', async () => {
    const s = await loadScenario(file('a.yaml', 'extends: baseline\nname: a\nappend:\n  closures:\n    - { crossing: aruk, from: 2023-01-02, to: 2023-03-31, reason: flood }\n'));
    expect(s.closures).toHaveLength(base.closures.length + 1);
    expect(s.closures.slice(0, -1)).toEqual(base.closures);
    expect(s.closures.at(-1)).toMatchObject({ crossing: 'aruk', reason: 'flood' });
  });

  it('set changes one value by path (by id, by index, a parameter) and leaves the rest as inherited', async () => {
    const s = await loadScenario(
      file('s.json', JSON.stringify({ extends: 'baseline', name: 's', set: { 'crossings.entikong_informal.terrain': 0.5, 'closures[0].reason': 'x', 'params.patrolKappa': { value: 0.02, source: 'assumption: test' } } })),
    );
    expect(s.crossings.find((c) => c.id === 'entikong_informal')!.terrain).toBe(0.5);
    expect(s.crossings.filter((c) => c.id !== 'entikong_informal')).toEqual(base.crossings.filter((c) => c.id !== 'entikong_informal'));
    expect(s.closures[0]!.reason).toBe('x');
    expect(s.closures).toHaveLength(base.closures.length);
    expect([s.params.patrolKappa, s.paramSources.patrolKappa]).toEqual([0.02, 'assumption: test']);
  });

  it('names what it cannot do, one line each', async () => {
    expect(await problems(file('bad.yaml', 'extends: baseline\nname: b\nappend:\n  closure: []\nset:\n  crossings.nowhere.terrain: 1\n'))).toEqual([
      `${join(dir, 'bad.yaml')}: append.closure: not a list of the scenario (did you mean "closures"?)`,
      `${join(dir, 'bad.yaml')}: set.crossings.nowhere.terrain: unknown path`,
    ]);
  });
});
