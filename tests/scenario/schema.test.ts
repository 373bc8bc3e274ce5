import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { csvParse } from 'd3-dsv';
import { produce, type Draft } from 'immer';
import { beforeAll, describe, expect, it } from 'vitest';
import { EVENTS } from '../../src/model/events/index.js';
import { BUILTIN } from '../../src/model/interventions/index.js';
import { CORE_PARAM_NAMES } from '../../src/model/parameters.js';

const PARAM_NAMES = [...CORE_PARAM_NAMES, ...BUILTIN.params.keys(), ...EVENTS.params.keys()];
import { UserError } from '../../src/core/errors.js';
import { parseScenario, readScenarioFile } from '../../src/scenario/load.js';

// Loose shape of the plain scenario data, enough to write the broken copies below.
type Row = Record<string, unknown>;
interface Data {
  [key: string]: unknown;
  start: string;
  end: string;
  origins: Row[];
  hubs: Row[];
  crossings: Row[];
  routes: Row[];
  series: Record<string, Row[]>;
  params: Record<string, unknown>;
  interventions: Row[];
}

let base: Data;

beforeAll(async () => {
  // A private copy, so immer's auto-freeze never touches the module's own export.
  base = structuredClone(await readScenarioFile('scenarios/baseline.ts')) as Data;
});

/** The UserError lines parseScenario throws for a broken copy of the baseline. */
function errorLines(edit: (d: Draft<Data>) => void): string[] {
  const bad = produce(base, edit);
  try {
    parseScenario(bad);
  } catch (e) {
    expect(e).toBeInstanceOf(UserError);
    const lines = (e as UserError).lines;
    expect((e as UserError).message).toBe(lines.join('\n'));
    return lines;
  }
  throw new Error('expected parseScenario to throw a UserError');
}

describe('the baseline', () => {
  it('parses', () => {
    const s = parseScenario(base);
    expect(s.name).toBe('baseline');
    expect(s.start).toBe('2019-01-07');
    expect(s.end).toBe('2024-12-30');
    expect(s.origins.length).toBeGreaterThan(0);
    expect(Object.isFrozen(s)).toBe(true);
    expect(Object.isFrozen(s.params)).toBe(true);
  });

  it('resolves every parameter to a number', () => {
    const s = parseScenario(base);
    expect(Object.keys(s.params).sort()).toEqual([...PARAM_NAMES].sort());
    for (const name of PARAM_NAMES) expect(Number.isFinite(s.params[name]), name).toBe(true);
    expect(s.params.pConvict).toBe(0.59);
  });

  it('has a non-empty source note for every parameter', () => {
    const s = parseScenario(base);
    const missing = PARAM_NAMES.filter((n) => !(s.paramSources[n] ?? '').trim());
    expect(missing).toEqual([]);
  });

  it('has a non-empty source on every row of every CSV table', () => {
    const dir = 'scenarios/data';
    const files = readdirSync(dir).filter((f) => f.endsWith('.csv'));
    expect(files.length).toBeGreaterThanOrEqual(7);
    const missing: string[] = [];
    for (const file of files) {
      const rows = csvParse(readFileSync(join(dir, file), 'utf8'));
      expect(rows.columns, file).toContain('source');
      expect(rows.length, file).toBeGreaterThan(0);
      rows.forEach((r, i) => {
        if (!(r.source ?? '').trim()) missing.push(`${file} row ${i + 2}`);
      });
    }
    expect(missing).toEqual([]);
  });

  it('does not change when parsed (parseScenario works on a copy)', () => {
    const before = JSON.stringify(base);
    parseScenario(base);
    expect(JSON.stringify(base)).toBe(before);
  });
});

describe('parseScenario errors', () => {
  it('a negative population', () => {
    expect(errorLines((d) => void (d.origins[0]!.population = -5))).toEqual([
      'origins[0].population: expected a number >= 0, got -5',
    ]);
  });

  it('a probability outside 0..1', () => {
    expect(errorLines((d) => void (d.origins[1]!.poverty = 1.3))).toEqual([
      'origins[1].poverty: expected a probability between 0 and 1, got 1.3',
    ]);
  });

  it('a route to an unknown node', () => {
    expect(errorLines((d) => void (d.routes[3]!.to = 'Entikongg'))).toEqual(['routes[3].to: unknown node "Entikongg"']);
  });

  it('a node with no route', () => {
    const n = base.hubs.length;
    const lines = errorLines((d) => {
      d.hubs.push({ id: 'lonely_hub', name: 'Lonely hub', lat: 1, lon: 110, brokers: 5, traffickerShare: 0.1 });
    });
    expect(lines).toEqual([`hubs[${n}].id: node "lonely_hub" has no route`]);
  });

  it('a post opening after the horizon', () => {
    expect(errorLines((d) => void (d.crossings[0]!.opens = '2026-01-01'))).toEqual([
      'crossings[0].opens: opens 2026-01-01, after the horizon ends (2024-12-30)',
    ]);
  });

  it('an exchange rate of zero', () => {
    expect(errorLines((d) => void (d.series.fx_idr_per_myr![0]!.value = 0))).toEqual([
      'series.fx_idr_per_myr[0].value: expected a number > 0, got 0',
    ]);
  });

  it('a date that is not a date', () => {
    expect(errorLines((d) => void (d.start = '2019-02-30'))).toEqual(['start: expected a date as "YYYY-MM-DD", got "2019-02-30"']);
    expect(errorLines((d) => void (d.start = '7 Jan 2019'))).toContain('start: expected a date as "YYYY-MM-DD", got "7 Jan 2019"');
  });

  // KNOWN BUG (src/scenario/references.ts, checkReferences): the cross-field checks still run when
  // start/end failed the date check (a refine failure leaves the parse "dirty", not aborted), and
  // compare the bad text as if it were a date, adding misleading lines such as
  // 'end: expected a date after start (7 Jan 2019), got 2024-12-30'. Flip to `it` once the horizon
  // checks are skipped for invalid start/end dates.
  it('a malformed start gives one line, not follow-on horizon errors', () => {
    expect(errorLines((d) => void (d.start = '7 Jan 2019'))).toEqual(['start: expected a date as "YYYY-MM-DD", got "7 Jan 2019"']);
  });

  it('an end before the start', () => {
    expect(errorLines((d) => void (d.end = '2018-01-01'))).toContain('end: expected a date after start (2019-01-07), got 2018-01-01');
  });

  it('an unknown top-level field', () => {
    expect(errorLines((d) => void (d.colour = 'red'))).toEqual(['colour: unknown field']);
  });

  it('an unknown parameter', () => {
    expect(errorLines((d) => void (d.params.h00 = 0.1))).toEqual(['params.h00: unknown field (did you mean "h0"?)']);
  });

  // KNOWN BUG (src/scenario/schema.ts: originSchema, hubSchema, crossingSchema, destinationSchema,
  // routeSchema, stepSchema, interventionSchema, stageSchema, closureSchema are not .strict()):
  // unknown fields inside nodes are silently dropped, so a typo in an optional field
  // (e.g. "visitrate", "inflowPerYer") falls back to its default with no error.
  // Flip to `it` once those objects are .strict().
  it('an unknown field inside a node', () => {
    expect(errorLines((d) => void (d.origins[0]!.visitrate = 0.5))).toEqual(['origins[0].visitrate: unknown field (did you mean "visitRate"?)']);
  });

  it('a missing required parameter', () => {
    expect(errorLines((d) => void delete d.params.h0)).toEqual(['params.h0: required, expected a number or { value, source }']);
  });

  it('a missing required field', () => {
    expect(errorLines((d) => void delete (d as Partial<Data>).start)).toEqual(['start: required, expected string']);
    expect(errorLines((d) => void delete d.origins[0]!.population)).toEqual(['origins[0].population: required, expected number']);
  });

  it('a value of the wrong type', () => {
    expect(errorLines((d) => void (d.origins[0]!.population = '5'))).toEqual(['origins[0].population: expected number, got string']);
  });

  it('an unknown intervention kind', () => {
    expect(errorLines((d) => void (d.interventions[0]!.kind = 'magic'))).toEqual([
      'interventions[0].kind: expected one of "jointPatrols", "intelligenceSharing", "jointTraining", "ngoCooperation", ' +
        '"operationalProtocols", "antiCollusion", "documentAlignment", "placementReform", "economicDevelopment"',
    ]);
  });

  it('an intervention starting outside the horizon', () => {
    expect(errorLines((d) => void (d.interventions[0]!.start = '2030-01-01'))).toEqual([
      'interventions[0].start: expected a date inside the horizon (2019-01-07..2024-12-30), got 2030-01-01',
    ]);
    expect(errorLines((d) => void (d.interventions[0]!.start = '2018-06-01'))).toEqual([
      'interventions[0].start: expected a date inside the horizon (2019-01-07..2024-12-30), got 2018-06-01',
    ]);
  });

  it('a parameter given as { value, source } with an empty source', () => {
    expect(errorLines((d) => void (d.params.h0 = { value: 0.0001, source: '' }))).toEqual(['params.h0.source: expected a source note']);
  });

  it('a parameter out of range, plain or as { value, source }', () => {
    expect(errorLines((d) => void (d.params.h0 = 1.3))).toEqual(['params.h0: expected a probability between 0 and 1, got 1.3']);
    expect(errorLines((d) => void (d.params.h0 = { value: 1.3, source: 'x' }))).toEqual([
      'params.h0.value: expected a probability between 0 and 1, got 1.3',
    ]);
  });

  it('lists every problem, one line each', () => {
    const lines = errorLines((d) => {
      d.origins[0]!.population = -5;
      d.routes[3]!.to = 'Entikongg';
    });
    expect(lines).toEqual(['origins[0].population: expected a number >= 0, got -5', 'routes[3].to: unknown node "Entikongg"']);
  });

  it('a plain-number parameter parses, with no source note', () => {
    const s = parseScenario(produce(base, (d) => void (d.params.h0 = 0.0002)));
    expect(s.params.h0).toBe(0.0002);
    expect(s.paramSources.h0).toBeUndefined();
  });
});
