import { produce } from 'immer';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { readScenarioFile } from '../../src/scenario/load.js';
import { memo, plainKey } from '../../src/scenario/memo.js';
import { parseScenario } from '../../src/scenario/parse.js';

describe('plainKey', () => {
  it('tells apart what zod could tell apart', () => {
    const keys = [{}, { a: undefined }, { a: null }, { a: Number.NaN }, { a: 0 }, { a: -0 }, { a: '0' }, { a: [] }, { a: {} }, [undefined], [null], ['u'], [true], ['t']].map((v) => plainKey(v));
    expect(keys.every((k) => k !== undefined)).toBe(true);
    expect(new Set(keys).size).toBe(keys.length);
  });

  it('is the same for equal data built apart, and differs with key order (a miss, never a wrong hit)', () => {
    expect(plainKey({ a: [1, 'x', { b: true }] })).toBe(plainKey(JSON.parse('{"a":[1,"x",{"b":true}]}')));
    expect(plainKey({ a: 1, b: 2 })).not.toBe(plainKey({ b: 2, a: 1 }));
  });

  it('refuses anything but plain data, and data nested too deep or in a cycle', () => {
    for (const v of [new Date(0), () => 1, new Map(), 1n, Symbol('s'), { d: new Date(0) }, [new (class Point {})()]]) expect(plainKey(v)).toBeUndefined();
    const cycle: Record<string, unknown> = {};
    cycle.self = cycle;
    expect(plainKey(cycle)).toBeUndefined();
  });
});

describe('memo', () => {
  it('parses an input it accepted once, returning an equal value that is a copy', () => {
    let parses = 0;
    const schema = memo(
      z.array(z.object({ id: z.string(), x: z.number() })).superRefine(() => {
        parses++;
      }),
    );
    const input = [{ id: 'a', x: 1 }];
    const first = schema.parse(input);
    const second = schema.parse(structuredClone(input));
    expect(parses).toBe(1);
    expect(second).toEqual(first);
    second[0]!.x = 99; // a caller that changes its value changes no one else's
    expect(schema.parse(input)[0]!.x).toBe(1);
    schema.parse([{ id: 'a', x: 2 }]);
    expect(parses).toBe(2);
  });

  it('never remembers a rejection: the same error each time, and a valid input after it is still parsed', () => {
    const schema = z.object({ items: memo(z.array(z.number().max(5, 'expected at most 5'))) });
    const bad = { items: [1, 9] };
    const msg = (r: z.SafeParseReturnType<unknown, unknown>) => (r.success ? [] : r.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`));
    expect(msg(schema.safeParse(bad))).toEqual(['items.1: expected at most 5']);
    expect(msg(schema.safeParse(bad))).toEqual(['items.1: expected at most 5']);
    expect(schema.parse({ items: [1, 2] })).toEqual({ items: [1, 2] });
    expect(msg(schema.safeParse({ items: [1, 2, 7] }))).toEqual(['items.2: expected at most 5']);
  });
});

describe('the scenario schema with memoised sections', () => {
  it('gives a scenario equal to the first parse, and the exact error lines for a variant that breaks a remembered section', async () => {
    const data = (await readScenarioFile('scenarios/baseline.ts')) as Record<string, unknown>;
    const first = parseScenario(data);
    expect(parseScenario(structuredClone(data))).toEqual(first);
    const broken = produce(data, (d) => {
      (d.routes as { km: number }[])[3]!.km = -2;
      (d.origins as { poverty: number }[])[0]!.poverty = 1.5;
    });
    expect(() => parseScenario(broken)).toThrow(/routes\[3\]\.km: expected a number > 0, got -2/);
    expect(() => parseScenario(broken)).toThrow(/origins\[0\]\.poverty: expected a probability between 0 and 1, got 1\.5/);
  });
});
