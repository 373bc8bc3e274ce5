/**
 * Property tests of the scenario schema: random valid edits of the baseline parse, and the
 * resolved scenario written back as plain input (through JSON) parses to the same scenario;
 * random invalid edits are refused with one line naming the exact path.
 */
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { UserError } from '../../src/core/errors.js';
import { STAGES, stageOn } from '../../src/model/cooperation.js';
import { stepValue } from '../../src/model/geography.js';
import { BUILTIN } from '../../src/model/interventions/index.js';
import { CORE_PARAMS, CORE_PARAM_NAMES } from '../../src/model/parameters.js';
import { parseScenario, readScenarioFile, type Scenario } from '../../src/scenario/load.js';

type Row = Record<string, unknown>;
interface Data {
  [key: string]: unknown;
  start: string;
  end: string;
  origins: Row[];
  crossings: Row[];
  destinations: Row[];
  params: Record<string, unknown>;
  stages: Row[];
  interventions: Row[];
}

let base: Data;
let horizonDays: number;

beforeAll(async () => {
  base = structuredClone(await readScenarioFile('scenarios/baseline.ts')) as Data;
  horizonDays = (Date.parse(base.end) - Date.parse(base.start)) / 86_400_000;
});

const RUNS = { numRuns: 20 };

/** Every parameter whose valid values are probabilities, the model's and the interventions'. */
const PROB_PARAMS = [
  ...CORE_PARAM_NAMES.filter((n) => CORE_PARAMS[n].kind === 'probability'),
  ...[...BUILTIN.params].filter(([, spec]) => spec.kind === 'probability').map(([n]) => n),
];

const dayAfter = (date: string, days: number): string => new Date(Date.parse(date) + days * 86_400_000).toISOString().slice(0, 10);

/** The resolved scenario written back as plain scenario input. */
function toInput(s: Scenario): Row {
  const { paramSources, paramRanges, params, ...rest } = s;
  const given = Object.fromEntries(
    Object.entries(params).map(([n, v]) => {
      if (paramSources[n] === undefined) return [n, v];
      const range = paramRanges[n];
      return [n, range ? { value: v, source: paramSources[n], range: [...range] } : { value: v, source: paramSources[n] }];
    }),
  );
  return { ...rest, params: given };
}

/** The UserError lines parseScenario throws, or a failure if it accepts the data. */
function errorLines(data: unknown): string[] {
  try {
    parseScenario(data);
  } catch (e) {
    expect(e).toBeInstanceOf(UserError);
    return (e as UserError).lines;
  }
  throw new Error('expected parseScenario to refuse the data');
}

// Arbitraries -----------------------------------------------------------------------------------

const prob = fc.double({ min: 0, max: 1, noNaN: true });
const nonneg = fc.double({ min: 0, max: 1e7, noNaN: true });

/** A parameter value, bare or with a source note. */
const paramValue = (v: fc.Arbitrary<number>) =>
  fc.tuple(v, fc.boolean(), fc.string({ minLength: 1, maxLength: 20 })).map(([value, bare, source]) => (bare ? value : { value, source }));

const probEdits = fc.uniqueArray(fc.constantFrom(...PROB_PARAMS), { minLength: 1, maxLength: 6 }).chain((names) =>
  fc.tuple(...names.map((n) => paramValue(prob).map((v) => [n, v] as const))),
);

/** An intervention entry starting inside the horizon (days from the start), ending on or after it if at all. */
const intervention = fc
  .record({
    kind: fc.constantFrom(...BUILTIN.kinds),
    startDay: fc.integer({ min: 0, max: 2184 }),
    length: fc.option(fc.integer({ min: 0, max: 2184 }), { nil: undefined }),
    intensity: prob,
    costPerYearIdr: fc.option(fc.integer({ min: 0, max: 1e12 }), { nil: undefined }),
  });

const edits = fc.record({
  params: probEdits,
  interventions: fc.array(intervention, { maxLength: 5 }),
  // Stage dates must rise, each once: distinct days after the start.
  stages: fc.uniqueArray(fc.tuple(fc.integer({ min: 1, max: 2184 }), fc.constantFrom(...STAGES)), { maxLength: 3, selector: (t) => t[0] }),
  population: fc.tuple(fc.nat(), nonneg),
  demand: fc.tuple(fc.nat(), nonneg),
  patrolCoverage: fc.tuple(fc.nat(), fc.double({ min: 0, max: 100, noNaN: true })),
});

type Edits = typeof edits extends fc.Arbitrary<infer T> ? T : never;

/** The baseline with the edits applied (a fresh copy). */
function edited(e: Edits): Data {
  const d = structuredClone(base);
  for (const [n, v] of e.params) d.params[n] = v;
  d.interventions = e.interventions.map((iv) => {
    const start = dayAfter(d.start, Math.min(iv.startDay, horizonDays));
    const row: Row = { kind: iv.kind, start, intensity: iv.intensity };
    if (iv.length !== undefined) row.end = dayAfter(start, iv.length);
    if (iv.costPerYearIdr !== undefined) row.costPerYearIdr = iv.costPerYearIdr;
    return row;
  });
  const later = [...e.stages].sort((a, b) => a[0] - b[0]).map(([day, stage]) => ({ date: dayAfter(d.start, Math.min(day, horizonDays)), stage }));
  d.stages = [d.stages[0]!, ...later];
  d.origins[e.population[0] % d.origins.length]!.population = e.population[1];
  d.destinations[e.demand[0] % d.destinations.length]!.demand = e.demand[1];
  d.crossings[e.patrolCoverage[0] % d.crossings.length]!.patrolCoverage = e.patrolCoverage[1];
  return d;
}

// Properties ------------------------------------------------------------------------------------

describe('valid edits of the baseline', () => {
  it('parse, resolve to the values given, and round-trip: written back as input through JSON they parse to the same scenario', () => {
    fc.assert(
      fc.property(edits, (e) => {
        const s = parseScenario(edited(e));
        for (const [n, v] of e.params) {
          expect(s.params[n], n).toBe(typeof v === 'number' ? v : v.value);
          expect(s.paramSources[n], n).toBe(typeof v === 'number' ? undefined : v.source);
        }
        expect(s.interventions.map((iv) => [iv.kind, iv.intensity])).toEqual(e.interventions.map((iv) => [iv.kind, iv.intensity]));
        for (const iv of s.interventions) {
          expect(iv.start >= s.start && iv.start <= s.end).toBe(true);
          if (iv.end !== undefined) expect(iv.end >= iv.start).toBe(true);
        }
        expect(s.stages.length).toBe(1 + e.stages.length);
        const again = parseScenario(JSON.parse(JSON.stringify(toInput(s))));
        expect(again).toEqual(s);
        expect(JSON.stringify(again)).toBe(JSON.stringify(s));
      }),
      RUNS,
    );
  });

  it('round-trip holds for the baseline itself', () => {
    const s = parseScenario(base);
    expect(parseScenario(JSON.parse(JSON.stringify(toInput(s))))).toEqual(s);
  });
});

describe('invalid edits of the baseline', () => {
  const outside = fc.oneof(fc.double({ min: 1, max: 1e9, minExcluded: true, noNaN: true }), fc.double({ min: -1e9, max: -1e-12, noNaN: true }));

  it('a probability outside 0..1 is refused on exactly its path', () => {
    fc.assert(
      fc.property(fc.constantFrom(...PROB_PARAMS), outside, fc.boolean(), (name, v, bare) => {
        const d = structuredClone(base);
        d.params[name] = bare ? v : { value: v, source: 'test' };
        const path = bare ? `params.${name}` : `params.${name}.value`;
        expect(errorLines(d)).toEqual([`${path}: expected a probability between 0 and 1, got ${v}`]);
      }),
      RUNS,
    );
  });

  it('a value outside the plausible range given with it is accepted, and the range kept (ranges are for priors)', () => {
    const ranged = PROB_PARAMS.filter((n) => {
      const v = base.params[n] as { range?: [number, number] } | undefined;
      return typeof v === 'object' && v?.range !== undefined && (v.range[0] > 0 || v.range[1] < 1);
    });
    expect(ranged.length).toBeGreaterThan(5);
    fc.assert(
      fc.property(fc.constantFrom(...ranged), fc.double({ min: 0, max: 1, noNaN: true }), (name, x) => {
        const d = structuredClone(base);
        const given = d.params[name] as { value: number; source: string; range: [number, number] };
        const [lo, hi] = given.range;
        // A valid probability just outside [lo, hi].
        const v = lo > 0 && (x < 0.5 || hi >= 1) ? lo * x * 0.999 : hi + (1 - hi) * Math.max(x, 1e-6);
        fc.pre(v < lo || v > hi);
        given.value = v;
        const s = parseScenario(d);
        expect(s.params[name]).toBe(v);
        expect(s.paramRanges[name]).toEqual([lo, hi]);
      }),
      RUNS,
    );
  });

  it('a range with lo above hi is refused on the range', () => {
    const d = structuredClone(base);
    const name = PROB_PARAMS.find((n) => typeof base.params[n] === 'object' && (base.params[n] as { range?: unknown }).range)!;
    (d.params[name] as { range: [number, number] }).range = [0.9, 0.1];
    expect(errorLines(d)).toEqual([`params.${name}.range: expected lo <= hi, got [0.9, 0.1]`]);
  });

  it('a negative population is refused on exactly its origin', () => {
    fc.assert(
      fc.property(fc.nat(), fc.double({ min: -1e9, max: -1e-12, noNaN: true }), (k, v) => {
        const d = structuredClone(base);
        const i = k % d.origins.length;
        d.origins[i]!.population = v;
        expect(errorLines(d)).toEqual([`origins[${i}].population: expected a number >= 0, got ${v}`]);
      }),
      RUNS,
    );
  });

  it('an intervention intensity above 1 or a start outside the horizon is refused on its entry', () => {
    fc.assert(
      fc.property(fc.array(intervention, { minLength: 1, maxLength: 4 }), fc.nat(), fc.double({ min: 1, max: 100, minExcluded: true, noNaN: true }), fc.integer({ min: 1, max: 5000 }), fc.boolean(), (ivs, k, v, days, before) => {
        const d = structuredClone(base);
        d.interventions = ivs.map((iv) => ({ kind: iv.kind, start: dayAfter(d.start, Math.min(iv.startDay, horizonDays)), intensity: iv.intensity }));
        const i = k % ivs.length;
        d.interventions[i]!.intensity = v;
        expect(errorLines(d)).toEqual([`interventions[${i}].intensity: expected a probability between 0 and 1, got ${v}`]);
        d.interventions[i]!.intensity = 0.5;
        const start = before ? dayAfter(d.start, -days) : dayAfter(d.end, days);
        d.interventions[i]!.start = start;
        expect(errorLines(d)).toEqual([`interventions[${i}].start: expected a date inside the horizon (${d.start}..${d.end}), got ${start}`]);
      }),
      RUNS,
    );
  });
});

/**
 * Dated lists the model reads by date (cooperation stages, step series) must be read by date.
 * stageOn / stepValue take the last entry *in list order* whose date is on or before the day, so
 * the schema refuses lists whose dates do not rise (once a bug: an out-of-order list silently
 * changed the run). Whatever the schema accepts is then read by date.
 */
describe('dated lists out of order', () => {
  const laterDays = fc.uniqueArray(fc.integer({ min: 1, max: 2184 }), { minLength: 2, maxLength: 4 });
  const probeDays = fc.array(fc.integer({ min: 0, max: 2184 }), { minLength: 1, maxLength: 8 });
  /** The entry with the latest date on or before `date` (dates are distinct), else the first. */
  const latest = <T extends { date: string }>(entries: readonly T[], date: string): T =>
    entries.filter((e) => e.date <= date).sort((a, b) => (a.date < b.date ? 1 : -1))[0] ?? entries[0]!;

  it('a stage list the schema accepts is read by date (stageOn gives the latest stage on or before the day)', () => {
    fc.assert(
      fc.property(laterDays, fc.array(fc.constantFrom(...STAGES), { minLength: 4, maxLength: 4 }), probeDays, (days, stages, probes) => {
        const d = structuredClone(base);
        d.stages = [d.stages[0]!, ...days.map((day, i) => ({ date: dayAfter(d.start, day), stage: stages[i]! }))];
        let s: Scenario;
        try {
          s = parseScenario(d);
        } catch {
          return; // refusing an unsorted list is a fix too
        }
        for (const day of probes) {
          const date = dayAfter(s.start, day);
          expect(stageOn(s.stages, date), date).toBe(latest(s.stages, date).stage);
        }
      }),
      // Collaboration from 2023, cooperation from 2021, listed in that order: 2024 is at collaboration.
      { ...RUNS, endOnFailure: true, examples: [[[1456, 728], ['collaboration', 'cooperation', 'coexistence', 'coexistence'], [1820]]] },
    );
  });

  it('a step series the schema accepts is read by date (stepValue gives the latest value on or before the day)', () => {
    fc.assert(
      fc.property(laterDays, fc.array(fc.integer({ min: 1000, max: 2000 }), { minLength: 4, maxLength: 4 }), probeDays, (days, values, probes) => {
        const d = structuredClone(base);
        const series = d.series as Record<string, Row[]>;
        series.my_min_wage_myr = [series.my_min_wage_myr![0]!, ...days.map((day, i) => ({ date: dayAfter(d.start, day), value: values[i]! }))];
        let s: Scenario;
        try {
          s = parseScenario(d);
        } catch {
          return;
        }
        const steps = s.series.my_min_wage_myr!;
        for (const day of probes) {
          const date = dayAfter(s.start, day);
          expect(stepValue(steps, date), date).toBe(latest(steps, date).value);
        }
      }),
      // RM 1,500 from 2022-05 listed before RM 1,100 from 2020-02: the wage in 2024 reads 1,100.
      { ...RUNS, endOnFailure: true, examples: [[[1210, 392], [1500, 1100, 1000, 1000], [1820]]] },
    );
  });
});
