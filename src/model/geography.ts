/**
 * The border as a graph: origins, hubs, crossings (official posts, the sea route and their
 * informal twins) and destinations, joined by routes. Precomputes, for every place a journey
 * can start (origins and hubs), the paths start → (hub) → crossing → destination with their
 * length, travel time and cost, and which crossings are open in each week.
 */
import { UserError } from '../core/errors.js';
import type { ModelInput } from './input.js';

export interface Path {
  crossing: number;
  destination: number;
  km: number;
  hours: number;
  costIdr: number;
}

export interface Geography {
  originIds: string[];
  hubIds: string[];
  crossingIds: string[];
  /** The provinces crossings and hubs are in (their `province` fields; '' where not given), in order of first mention. */
  provinceIds: string[];
  /** Province index of each crossing, and of each hub. */
  crossingProvince: Int32Array;
  hubProvince: Int32Array;
  destinationIds: string[];
  /** Crossing kind: 0 official land post, 1 official sea route, 2 informal. */
  crossingKind: Uint8Array;
  /** For an informal crossing, the official crossing it shadows (or -1). */
  twinOf: Int32Array;
  /** 1 if the destination is in Sabah, 0 in Sarawak. */
  destinationSabah: Uint8Array;
  /** open[tick * C + c] = 1 when crossing c can be used in that week of the run (spin-up included). */
  open: Uint8Array;
  /** deportOpen[tick * C + c] = 1 when deportation batches can pass crossing c that week. */
  deportOpen: Uint8Array;
  /** Paths from origin o: pathsFromOrigin[o]; from hub h: pathsFromHub[h]. */
  pathsFromOrigin: Path[][];
  pathsFromHub: Path[][];
  originHub: Int32Array;
  originHomePost: Int32Array;
  /** Where deportees from each state arrive, as a crossing and a hub (0 Sarawak, 1 Sabah). */
  deportationCrossing: [number, number];
  deportationHub: [number, number];
  /** Weeks the run simulates: the spin-up, then the horizon from start to end. */
  weeks: number;
  /** Weeks of spin-up before `start`; outputs begin after them. */
  spinUp: number;
  /** Date of the first simulated week (`start` less the spin-up). */
  runStart: string;
}

export const CrossingKind = { post: 0, sea: 1, informal: 2 } as const;

const DAY = 86_400_000;
export const toTime = (date: string): number => Date.parse(`${date}T00:00:00Z`);
export const weekOf = (start: string, date: string): number => Math.floor((toTime(date) - toTime(start)) / (7 * DAY));
/** The date (YYYY-MM-DD) `week` weeks after `start`: week 0 is `start` itself, a negative week counts back (the spin-up). */
export const dateOfWeek = (start: string, week: number): string => new Date(toTime(start) + week * 7 * DAY).toISOString().slice(0, 10);
export const firstWeekOnOrAfter = (start: string, date: string): number =>
  Math.max(0, Math.ceil((toTime(date) - toTime(start)) / (7 * DAY)));
export const horizonWeeks = (start: string, end: string): number => weekOf(start, end) + 1;

type Leg = { to: string; km: number; hours: number; costIdr: number };

export function buildGeography(s: ModelInput): Geography {
  const originIds = s.origins.map((o) => o.id);
  const hubIds = s.hubs.map((h) => h.id);
  const crossingIds = s.crossings.map((c) => c.id);
  const destinationIds = s.destinations.map((d) => d.id);
  const cIndex = new Map(crossingIds.map((id, i) => [id, i]));
  const dIndex = new Map(destinationIds.map((id, i) => [id, i]));
  const hIndex = new Map(hubIds.map((id, i) => [id, i]));
  const hubSet = new Set(hubIds);

  // Routes are usable in both directions except into a destination, which is the far side.
  const out = new Map<string, Leg[]>();
  const link = (a: string, b: string, r: Leg) => (out.get(a) ?? out.set(a, []).get(a)!).push({ ...r, to: b });
  for (const r of s.routes) {
    link(r.from, r.to, { to: r.to, km: r.km, hours: r.hours, costIdr: r.costIdr });
    if (!dIndex.has(r.to) && !dIndex.has(r.from)) link(r.to, r.from, { to: r.from, km: r.km, hours: r.hours, costIdr: r.costIdr });
  }

  /** Shortest (by km) path to each (crossing, destination), through at most two hubs. */
  function pathsFrom(start: string): Path[] {
    const best = new Map<string, Path>();
    const walk = (node: string, km: number, hours: number, cost: number, hubsLeft: number, seen: Set<string>) => {
      for (const leg of out.get(node) ?? []) {
        if (seen.has(leg.to)) continue;
        const k = km + leg.km, h = hours + leg.hours, c = cost + leg.costIdr;
        if (hubSet.has(leg.to) && hubsLeft > 0) walk(leg.to, k, h, c, hubsLeft - 1, new Set([...seen, leg.to]));
        const ci = cIndex.get(leg.to);
        if (ci === undefined) continue;
        for (const dleg of out.get(leg.to) ?? []) {
          const di = dIndex.get(dleg.to);
          if (di === undefined) continue;
          const p: Path = { crossing: ci, destination: di, km: k + dleg.km, hours: h + dleg.hours, costIdr: c + dleg.costIdr };
          const key = `${ci}:${di}`;
          const prev = best.get(key);
          if (!prev || p.km < prev.km) best.set(key, p);
        }
      }
    };
    walk(start, 0, 0, 0, 2, new Set([start]));
    // Fixed order (crossing, destination) so choice draws never depend on map order.
    return [...best.values()].sort((a, b) => a.crossing - b.crossing || a.destination - b.destination);
  }

  const pathsFromOrigin = originIds.map(pathsFrom);
  const pathsFromHub = hubIds.map(pathsFrom);
  const unreachable = pathsFromOrigin.map((p, i) => (p.length ? '' : originIds[i]!)).filter(Boolean);
  if (unreachable.length)
    throw new UserError(unreachable.map((id) => `origins[${originIds.indexOf(id)}]: origin "${id}" has no path to a destination through a crossing`));

  const spinUp = s.spinUpWeeks ?? 0;
  const runStart = dateOfWeek(s.start, -spinUp);
  const weeks = spinUp + horizonWeeks(s.start, s.end);
  const C = crossingIds.length;
  const crossingKind = Uint8Array.from(s.crossings, (c) => CrossingKind[c.kind]);
  const open = new Uint8Array(weeks * C);
  s.crossings.forEach((c, ci) => {
    // Open from the first week that starts on or after the opening date, never before it.
    const from = c.kind === 'informal' ? 0 : c.operating && c.opens ? firstWeekOnOrAfter(runStart, c.opens) : weeks;
    for (let w = from; w < weeks; w++) open[w * C + ci] = c.operating || c.kind === 'informal' ? 1 : 0;
  });
  const deportOpen = open.slice();
  for (const cl of s.closures) {
    const ci = cIndex.get(cl.crossing)!;
    const a = Math.max(0, weekOf(runStart, cl.from));
    const b = Math.min(weeks - 1, weekOf(runStart, cl.to));
    for (let w = a; w <= b; w++) {
      open[w * C + ci] = 0;
      if (!cl.deportations) deportOpen[w * C + ci] = 0;
    }
  }

  const destinationSabah = Uint8Array.from(s.destinations, (d) => (d.state === 'Sabah' ? 1 : 0));
  const deportation = (state: 0 | 1): [number, number] => {
    // Deportees come back through the busiest official crossing facing that state: Entikong or Nunukan.
    const wanted = state === 1 ? ['nunukan_tawau'] : ['entikong'];
    let ci = crossingIds.findIndex((id) => wanted.includes(id));
    if (ci < 0) ci = crossingKind.findIndex((k, i) => k !== CrossingKind.informal && pathsFromHub.some((ps) => ps.some((p) => p.crossing === i && destinationSabah[p.destination] === state)));
    if (ci < 0) ci = 0;
    // The hub closest to that crossing: where deportees land and look for a way back.
    let hi = 0, best = Infinity;
    pathsFromHub.forEach((ps, h) => {
      for (const p of ps) if (p.crossing === ci && p.km < best) [best, hi] = [p.km, h];
    });
    return [ci, hi];
  };
  const [sw, sb] = [deportation(0), deportation(1)];

  return {
    originIds,
    hubIds,
    crossingIds,
    ...provincesOf(s),
    destinationIds,
    crossingKind,
    twinOf: Int32Array.from(s.crossings, (c) => (c.twinOf ? cIndex.get(c.twinOf)! : -1)),
    destinationSabah,
    open,
    deportOpen,
    pathsFromOrigin,
    pathsFromHub,
    originHub: Int32Array.from(s.origins, (o) => hIndex.get(o.hub)!),
    originHomePost: Int32Array.from(s.origins, (o) => (o.homePost ? cIndex.get(o.homePost)! : -1)),
    deportationCrossing: [sw[0], sb[0]],
    deportationHub: [sw[1], sb[1]],
    weeks,
    spinUp,
    runStart,
  };
}

/** Value of a dated step series on a date (the last step on or before it). */
export function stepValue(steps: readonly { date: string; value: number }[], date: string): number {
  let v = steps[0]!.value;
  for (const st of steps) if (st.date <= date) v = st.value;
  return v;
}

/** The provinces named by the crossings and hubs, and the index of each crossing's and hub's. */
function provincesOf(s: ModelInput): { provinceIds: string[]; crossingProvince: Int32Array; hubProvince: Int32Array } {
  const provinceIds: string[] = [];
  const index = (name: string | undefined) => {
    const n = name ?? '';
    let i = provinceIds.indexOf(n);
    if (i < 0) i = provinceIds.push(n) - 1;
    return i;
  };
  const crossingProvince = Int32Array.from(s.crossings, (c) => index(c.province));
  const hubProvince = Int32Array.from(s.hubs, (h) => index(h.province));
  return { provinceIds, crossingProvince, hubProvince };
}
