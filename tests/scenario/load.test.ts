import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { UserError } from '../../src/core/errors.js';
import { deepMerge, loadScenario, parseScenario, readScenarioFile } from '../../src/scenario/load.js';

const F = 'tests/fixtures';

/** The lines of the UserError a promise rejects with. */
async function rejectLines(p: Promise<unknown>): Promise<string[]> {
  try {
    await p;
  } catch (e) {
    expect(e).toBeInstanceOf(UserError);
    return (e as UserError).lines;
  }
  throw new Error('expected a UserError');
}

describe('loadScenario', () => {
  it('loads the .ts baseline', async () => {
    const s = await loadScenario('scenarios/baseline.ts');
    expect(s.name).toBe('baseline');
    expect(s.end).toBe('2024-12-30');
  });

  it('loads a .json scenario that extends the baseline with a small override', async () => {
    const base = await loadScenario('scenarios/baseline.ts');
    const s = await loadScenario(`${F}/extends.json`);
    expect(s.name).toBe('extends-json');
    expect(s.end).toBe('2024-06-30');
    expect(s.start).toBe(base.start);
    // objects merge: one parameter overridden, the rest (and their sources) kept
    expect(s.params.h0).toBe(0.0002);
    expect(s.paramSources.h0).toBeUndefined();
    expect(s.params.pConvict).toBe(base.params.pConvict);
    expect(s.paramSources.pConvict).toBe(base.paramSources.pConvict);
    // arrays not mentioned come from the baseline
    expect(s.routes).toEqual(base.routes);
    expect(s.origins).toEqual(base.origins);
  });

  it('loads a .yaml scenario that extends the baseline with a small override', async () => {
    const base = await loadScenario('scenarios/baseline.ts');
    const s = await loadScenario(`${F}/extends.yaml`);
    expect(s.name).toBe('extends-yaml');
    expect(s.end).toBe('2024-06-30');
    expect(s.seed).toBe(7);
    expect(s.params.h0).toBe(0.0002);
    expect(s.params.betaWage).toBe(base.params.betaWage);
    expect(s.crossings).toEqual(base.crossings);
  });

  it('resolves `extends` relative to the extending file, not the working directory', async () => {
    // tests/fixtures/extends.json says "../../scenarios/baseline.ts"; from the cwd that path would not exist.
    const data = (await readScenarioFile(resolve(F, 'extends.json'))) as Record<string, unknown>;
    expect(data.name).toBe('extends-json');
    expect('extends' in data).toBe(false);
    expect(parseScenario(data).name).toBe('extends-json');
  });

  it('a shorter horizon alone is checked against the baseline posts and interventions', async () => {
    // Arrays replace rather than merge, so a post opening after the new end and an intervention
    // starting after it must be overridden too; the loader says exactly which.
    expect(await rejectLines(loadScenario(`${F}/short-horizon.json`))).toEqual([
      'crossings[3].opens: opens 2024-01-01, after the horizon ends (2019-06-30)',
      'crossings[4].opens: opens 2024-06-01, after the horizon ends (2019-06-30)',
      'interventions[0].start: expected a date inside the horizon (2019-01-07..2019-06-30), got 2023-10-16',
    ]);
  });

  it('a .json file with a syntax error gives one line with its path', async () => {
    const path = `${F}/syntax-error.json`;
    const lines = await rejectLines(readScenarioFile(path));
    expect(lines).toHaveLength(1);
    expect(lines[0]!.startsWith(`${path}: not valid JSON`)).toBe(true);
  });

  it('a .yaml file with a syntax error gives one line with its path', async () => {
    const path = `${F}/syntax-error.yaml`;
    const lines = await rejectLines(readScenarioFile(path));
    expect(lines).toHaveLength(1);
    expect(lines[0]!.startsWith(`${path}: not valid YAML`)).toBe(true);
  });

  it('a missing file is reported by the path given', async () => {
    const path = `${F}/no-such-scenario.json`;
    expect(await rejectLines(loadScenario(path))).toEqual([`scenario file not found: ${path}`]);
  });

  it('an unsupported extension is rejected', async () => {
    const path = `${F}/unsupported.toml`;
    expect(await rejectLines(loadScenario(path))).toEqual([`${path}: expected a .ts, .json or .yaml scenario file`]);
  });

  it('an extends cycle is rejected', async () => {
    const lines = await rejectLines(loadScenario(`${F}/cycle-a.json`));
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/cycle-a\.json: extends itself through .*cycle-a\.json -> .*cycle-b\.json$/);
  });
});

describe('deepMerge', () => {
  it('merges objects, replaces arrays and scalars', () => {
    const base = { a: 1, o: { x: 1, y: { z: 2 } }, list: [1, 2, 3] };
    const over = { o: { y: { w: 3 } }, list: [9], b: 'new' };
    expect(deepMerge(base, over)).toEqual({ a: 1, o: { x: 1, y: { z: 2, w: 3 } }, list: [9], b: 'new' });
    expect(base).toEqual({ a: 1, o: { x: 1, y: { z: 2 } }, list: [1, 2, 3] });
  });

  it('lets null and scalars replace objects', () => {
    expect(deepMerge({ a: { x: 1 } }, { a: null })).toEqual({ a: null });
    expect(deepMerge({ a: { x: 1 } }, { a: 5 })).toEqual({ a: 5 });
  });
});
