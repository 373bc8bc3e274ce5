/** Rules of geography.ts on a tiny hand-made border: paths, opening dates, closures, dates. */
import { describe, expect, it } from 'vitest';
import { UserError } from '../../src/core/errors.js';
import {
  CrossingKind,
  buildGeography,
  dateOfWeek,
  firstWeekOnOrAfter,
  horizonWeeks,
  stepValue,
  weekOf,
} from '../../src/model/geography.js';
import type { CrossingInput, ModelInput, OriginInput, RouteInput } from '../../src/model/input.js';

const origin = (id: string, extra: Partial<OriginInput> = {}): OriginInput => ({
  id,
  name: id,
  province: 'West Kalimantan',
  lat: 1,
  lon: 110,
  population: 1000,
  far: false,
  inflowPerYear: 0,
  wageRegion: 'kalbar',
  unemployment: 0.05,
  poverty: 0.1,
  kinShare: 0.3,
  awareness: 0.3,
  visitRate: 0,
  hub: 'h1',
  ...extra,
});
const crossing = (id: string, kind: CrossingInput['kind'], extra: Partial<CrossingInput> = {}): CrossingInput => ({
  id,
  name: id,
  kind,
  lat: 1,
  lon: 110,
  operating: true,
  officers: kind === 'informal' ? 0 : 5,
  patrolCoverage: kind === 'informal' ? 1 : 0,
  patrolCoverageMY: kind === 'informal' ? 1 : 0,
  terrain: 1,
  ...extra,
});
const route = (from: string, to: string, km: number, hours: number, costIdr: number): RouteInput => ({ from, to, mode: 'road', km, hours, costIdr, inspection: false });

/**
 * o1 — h1 — P (post, opens Wed 2020-01-15) — d1
 *         \— Pi (informal twin of P) ——— d1
 * o2 — P directly, and o2 — h1 the long way.
 */
const tiny = (change: (s: ModelInput) => Partial<ModelInput> = () => ({})): ModelInput => {
  const s: ModelInput = {
    name: 'tiny',
    start: '2020-01-06',
    end: '2020-03-30',
    origins: [origin('o1', { homePost: 'P' }), origin('o2')],
    hubs: [{ id: 'h1', name: 'h1', lat: 1, lon: 110, brokers: 10, traffickerShare: 0.3 }],
    crossings: [crossing('P', 'post', { opens: '2020-01-15' }), crossing('Pi', 'informal', { twinOf: 'P' })],
    destinations: [{ id: 'd1', name: 'd1', state: 'Sarawak', lat: 2, lon: 111, demand: 10, exploitShare: 0.2, isolation: 0.3 }],
    // Listed out of crossing order on purpose: paths come back sorted by (crossing, destination).
    routes: [
      route('Pi', 'd1', 40, 4, 40_000),
      route('h1', 'Pi', 15, 6, 15_000),
      route('o1', 'h1', 10, 1, 10_000),
      route('h1', 'P', 20, 2, 20_000),
      route('P', 'd1', 30, 3, 30_000),
      route('o2', 'P', 5, 0.5, 5_000),
      route('o2', 'h1', 50, 5, 50_000),
    ],
    series: {},
    closures: [{ crossing: 'Pi', from: '2020-02-05', to: '2020-02-12' }],
    params: {},
    stages: [{ date: '2020-01-01', stage: 'coexistence' }],
    interventions: [],
  };
  return { ...s, ...change(s) };
};

/** Weeks in which crossing c is open. */
const openWeeks = (g: ReturnType<typeof buildGeography>, c: number): number[] => {
  const C = g.crossingIds.length;
  return Array.from({ length: g.weeks }, (_, w) => w).filter((w) => g.open[w * C + c] === 1);
};

describe('buildGeography on a tiny border', () => {
  const g = buildGeography(tiny());

  it('indexes the nodes and kinds in input order', () => {
    expect(g.originIds).toEqual(['o1', 'o2']);
    expect(g.hubIds).toEqual(['h1']);
    expect(g.crossingIds).toEqual(['P', 'Pi']);
    expect(g.destinationIds).toEqual(['d1']);
    expect(Array.from(g.crossingKind)).toEqual([CrossingKind.post, CrossingKind.informal]);
    expect(Array.from(g.twinOf)).toEqual([-1, 0]);
    expect(Array.from(g.destinationSabah)).toEqual([0]);
    expect(Array.from(g.originHub)).toEqual([0, 0]);
    expect(Array.from(g.originHomePost)).toEqual([0, -1]);
    expect(g.weeks).toBe(13);
  });

  it('finds each path through the hub with summed km, hours and cost, sorted by crossing', () => {
    expect(g.pathsFromOrigin[0]).toEqual([
      { crossing: 0, destination: 0, km: 60, hours: 6, costIdr: 60_000 },
      { crossing: 1, destination: 0, km: 65, hours: 11, costIdr: 65_000 },
    ]);
    expect(g.pathsFromHub[0]).toEqual([
      { crossing: 0, destination: 0, km: 50, hours: 5, costIdr: 50_000 },
      { crossing: 1, destination: 0, km: 55, hours: 10, costIdr: 55_000 },
    ]);
  });

  it('keeps the shortest path (by km) to each crossing and destination', () => {
    // o2 → P → d1 (35 km) beats o2 → h1 → P → d1 (100 km); the twin is only reached through the hub.
    expect(g.pathsFromOrigin[1]).toEqual([
      { crossing: 0, destination: 0, km: 35, hours: 3.5, costIdr: 35_000 },
      { crossing: 1, destination: 0, km: 105, hours: 15, costIdr: 105_000 },
    ]);
  });

  it('opens a post from the first week starting on or after its opening date', () => {
    // 2020-01-15 is a Wednesday of week 1: the post opens in week 2 (2020-01-20).
    expect(openWeeks(g, 0)).toEqual([2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12]);
    const monday = buildGeography(tiny((s) => ({ crossings: [crossing('P', 'post', { opens: '2020-01-13' }), s.crossings[1]!] })));
    expect(openWeeks(monday, 0)[0]).toBe(1);
    const before = buildGeography(tiny((s) => ({ crossings: [crossing('P', 'post', { opens: '1990-01-01' }), s.crossings[1]!] })));
    expect(openWeeks(before, 0)).toHaveLength(13);
  });

  it('closes a crossing in every week a closure touches, and leaves informal crossings open otherwise', () => {
    // 2020-02-05 (week 4) .. 2020-02-12 (week 5)
    expect(openWeeks(g, 1)).toEqual([0, 1, 2, 3, 6, 7, 8, 9, 10, 11, 12]);
  });

  it('clips closures to the horizon', () => {
    const g2 = buildGeography(
      tiny(() => ({
        closures: [
          { crossing: 'P', from: '2019-01-01', to: '2020-01-27' }, // from before the start: weeks 0..3
          { crossing: 'Pi', from: '2020-03-16', to: '2021-12-31' }, // past the end: weeks 10..12
        ],
      })),
    );
    expect(openWeeks(g2, 0)).toEqual([4, 5, 6, 7, 8, 9, 10, 11, 12]);
    expect(openWeeks(g2, 1)).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
    expect(g2.open.length).toBe(13 * 2);
  });

  it('never opens an official crossing that is not operating, whatever its opening date', () => {
    const g2 = buildGeography(tiny((s) => ({ crossings: [crossing('P', 'post', { opens: '2020-01-06', operating: false }), s.crossings[1]!] })));
    expect(openWeeks(g2, 0)).toEqual([]);
    // Its informal twin is still there.
    expect(openWeeks(g2, 1).length).toBeGreaterThan(0);
  });

  it('lets deportation batches pass a closure that allows them, and nothing else', () => {
    expect(Array.from(g.deportOpen)).toEqual(Array.from(g.open));
    const g2 = buildGeography(tiny(() => ({ closures: [{ crossing: 'P', from: '2020-02-03', to: '2020-02-16', deportations: true }] })));
    expect(openWeeks(g2, 0)).toEqual([2, 3, 6, 7, 8, 9, 10, 11, 12]);
    const C = g2.crossingIds.length;
    const deportWeeks = Array.from({ length: g2.weeks }, (_, w) => w).filter((w) => g2.deportOpen[w * C] === 1);
    // Still never before the post opens.
    expect(deportWeeks).toEqual([2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12]);
  });

  it('runs a spin-up before the start: weeks and opening dates count from the run start', () => {
    const g2 = buildGeography(tiny(() => ({ spinUpWeeks: 4 })));
    expect(g2.spinUp).toBe(4);
    expect(g2.runStart).toBe('2019-12-09');
    expect(g2.weeks).toBe(17);
    // Opens 2020-01-15: week 2 of the horizon is tick 6 of the run; the closure (weeks 4–5) is at ticks 8–9.
    expect(openWeeks(g2, 0)[0]).toBe(6);
    expect(openWeeks(g2, 1)).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 10, 11, 12, 13, 14, 15, 16]);
    expect(g.spinUp).toBe(0);
    expect(g.runStart).toBe('2020-01-06');
  });

  it('refuses an origin with no path to a destination, naming it', () => {
    const cut = tiny((s) => ({ routes: s.routes.filter((r) => r.from !== 'o2') }));
    expect(() => buildGeography(cut)).toThrow(UserError);
    try {
      buildGeography(cut);
    } catch (e) {
      expect((e as UserError).lines).toEqual(['origins[1]: origin "o2" has no path to a destination through a crossing']);
    }
  });

  it('lands deportees at the official crossing facing each state and the hub closest to it', () => {
    expect(g.deportationCrossing[0]).toBe(0);
    expect(g.deportationHub[0]).toBe(0);
  });
});

describe('stepValue', () => {
  const steps = [
    { date: '2019-01-01', value: 1 },
    { date: '2020-01-01', value: 2 },
    { date: '2022-05-01', value: 3 },
  ];
  it('is the last step on or before the date, the first before any', () => {
    expect(stepValue(steps, '2018-06-01')).toBe(1);
    expect(stepValue(steps, '2019-01-01')).toBe(1);
    expect(stepValue(steps, '2019-12-31')).toBe(1);
    expect(stepValue(steps, '2020-01-01')).toBe(2);
    expect(stepValue(steps, '2022-04-30')).toBe(2);
    expect(stepValue(steps, '2022-05-01')).toBe(3);
    expect(stepValue(steps, '2030-01-01')).toBe(3);
  });
});

describe('week arithmetic', () => {
  it('dates weeks from the start Monday', () => {
    expect(dateOfWeek('2019-01-07', 0)).toBe('2019-01-07');
    expect(dateOfWeek('2019-01-07', 1)).toBe('2019-01-14');
    expect(dateOfWeek('2019-01-07', 52)).toBe('2020-01-06');
    expect(dateOfWeek('2019-01-07', 312)).toBe('2024-12-30');
  });

  it('puts a date in the week that contains it', () => {
    expect(weekOf('2019-01-07', '2019-01-07')).toBe(0);
    expect(weekOf('2019-01-07', '2019-01-13')).toBe(0);
    expect(weekOf('2019-01-07', '2019-01-14')).toBe(1);
    expect(weekOf('2019-01-07', '2019-01-06')).toBe(-1);
  });

  it('inverts dateOfWeek (UTC: no daylight-saving drift)', () => {
    for (let k = 0; k < 600; k += 7) {
      expect(weekOf('2019-01-07', dateOfWeek('2019-01-07', k))).toBe(k);
      expect(firstWeekOnOrAfter('2019-01-07', dateOfWeek('2019-01-07', k))).toBe(k);
    }
  });

  it('rounds an opening date up to the next week start, never below week 0', () => {
    expect(firstWeekOnOrAfter('2019-01-07', '2019-01-08')).toBe(1);
    expect(firstWeekOnOrAfter('2019-01-07', '2019-01-14')).toBe(1);
    expect(firstWeekOnOrAfter('2019-01-07', '2000-01-01')).toBe(0);
  });

  it('counts the horizon’s weeks, both ends included', () => {
    expect(horizonWeeks('2019-01-07', '2024-12-30')).toBe(313);
    expect(horizonWeeks('2020-01-06', '2020-01-06')).toBe(1);
    expect(horizonWeeks('2020-01-06', '2020-01-12')).toBe(1);
    expect(horizonWeeks('2020-01-06', '2020-01-13')).toBe(2);
  });
});
