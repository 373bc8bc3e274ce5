/**
 * Checks that need the whole scenario: ids that must exist, nodes with no route, dates that
 * must fall inside the horizon, the series the model reads.
 */
import { z } from 'zod';
import { isRealDate } from './dates.js';

type Ctx = z.RefinementCtx;
type Path = (string | number)[];

interface Node {
  id: string;
}
interface Draft {
  start: string;
  end: string;
  origins: (Node & { hub: string; homePost?: string; wageRegion: string })[];
  hubs: Node[];
  crossings: (Node & { kind: string; twinOf?: string; opens?: string; operating: boolean })[];
  destinations: Node[];
  routes: { from: string; to: string }[];
  series: Record<string, unknown[]>;
  closures: { crossing: string; from: string; to: string }[];
  stages: { date: string }[];
  interventions: { start: string; end?: string }[];
  events: { start: string; end?: string }[];
}

/** Most entries a list may have (agent columns hold origin and destination indices in one byte). */
export const MAX_ENTRIES = { origins: 256, hubs: 1000, crossings: 1000, destinations: 256, routes: 10_000, series: 1000, steps: 10_000, list: 10_000 } as const;

/** Longest horizon (start to end), in weeks: 100 years. */
export const MAX_HORIZON_WEEKS = 5218;
/** Most steps the path enumeration (model/geography.ts) may take. */
export const MAX_PATH_WORK = 5e7;

const weeksBetween = (a: string, b: string) => (Date.parse(`${b}T00:00:00Z`) - Date.parse(`${a}T00:00:00Z`)) / (7 * 86_400_000);

/**
 * An upper bound on the legs the model's path search (geography.ts: start, up to two hubs, a
 * crossing, a destination) examines, counted from the network's degrees before any search.
 */
function pathWork(s: Pick<Draft, 'origins' | 'hubs' | 'crossings' | 'destinations' | 'routes'>): number {
  const hubs = new Set(s.hubs.map((h) => h.id));
  const crossings = new Set(s.crossings.map((c) => c.id));
  const destinations = new Set(s.destinations.map((d) => d.id));
  const out = new Map<string, string[]>();
  const link = (a: string, b: string) => (out.get(a) ?? out.set(a, []).get(a)!).push(b);
  for (const r of s.routes) {
    link(r.from, r.to);
    if (!destinations.has(r.to) && !destinations.has(r.from)) link(r.to, r.from);
  }
  const deg = (n: string) => out.get(n)?.length ?? 0;
  const atDepth = (hubsLeft: number, memo: Map<string, number>) => (n: string): number => {
    let w = memo.get(n);
    if (w !== undefined) return w;
    w = 0;
    for (const to of out.get(n) ?? []) w += 1 + (hubsLeft > 0 && hubs.has(to) ? next[hubsLeft - 1]!(to) : 0) + (crossings.has(to) ? deg(to) : 0);
    memo.set(n, w);
    return w;
  };
  const next: ((n: string) => number)[] = [];
  next[0] = atDepth(0, new Map());
  next[1] = atDepth(1, new Map());
  const fromStart = atDepth(2, new Map());
  let total = 0;
  for (const n of [...s.origins, ...s.hubs]) total += fromStart(n.id);
  return total;
}

export function checkReferences(s: Draft, ctx: Ctx): void {
  const fail = (path: Path, message: string) => ctx.addIssue({ code: z.ZodIssueCode.custom, path, message });
  // Lists over their caps are refused as such; checking every entry of them would only add noise.
  if ((['origins', 'hubs', 'crossings', 'destinations', 'routes'] as const).some((k) => s[k].length > MAX_ENTRIES[k])) return;
  // Horizon checks compare dates: with a malformed start or end they would only add noise.
  const horizonOk = isRealDate(s.start) && isRealDate(s.end);
  if (horizonOk && s.end <= s.start) fail(['end'], `expected a date after start (${s.start}), got ${s.end}`);
  else if (horizonOk && weeksBetween(s.start, s.end) >= MAX_HORIZON_WEEKS)
    fail(['end'], `expected a horizon of at most ${MAX_HORIZON_WEEKS} weeks (100 years) from start (${s.start}), got ${s.end}`);

  const kinds = new Map<string, string>();
  const lists = [
    ['origins', s.origins],
    ['hubs', s.hubs],
    ['crossings', s.crossings],
    ['destinations', s.destinations],
  ] as const;
  for (const [list, nodes] of lists) {
    nodes.forEach((n, i) => {
      if (kinds.has(n.id)) fail([list, i, 'id'], `duplicate node id "${n.id}"`);
      else kinds.set(n.id, list);
    });
  }
  const linked = new Set<string>();
  // Routes run both ways: a second route between the same two places is a mistake (and multiplies the paths).
  const pairs = new Map<string, number>();
  s.routes.forEach((r, i) => {
    const pair = JSON.stringify([r.from, r.to].sort());
    const first = pairs.get(pair);
    if (first !== undefined) fail(['routes', i], `duplicate route: routes[${first}] already joins "${r.from}" and "${r.to}"`);
    else pairs.set(pair, i);
    if (r.from === r.to) fail(['routes', i, 'to'], `a route from "${r.from}" to itself`);
  });
  const work = pathWork(s);
  if (work > MAX_PATH_WORK)
    fail(['routes'], `the network has too many paths through hubs to enumerate (${work.toExponential(1)} steps, at most ${MAX_PATH_WORK.toExponential(0)}): join places through fewer hubs`);
  s.routes.forEach((r, i) => {
    for (const end of ['from', 'to'] as const) {
      if (!kinds.has(r[end])) fail(['routes', i, end], `unknown node "${r[end]}"`);
      linked.add(r[end]);
    }
  });
  for (const [list, nodes] of lists) {
    nodes.forEach((n, i) => {
      if (!linked.has(n.id)) fail([list, i, 'id'], `node "${n.id}" has no route`);
    });
  }
  s.origins.forEach((o, i) => {
    if (kinds.get(o.hub) !== 'hubs') fail(['origins', i, 'hub'], `unknown hub "${o.hub}"`);
    if (o.homePost !== undefined && kinds.get(o.homePost) !== 'crossings')
      fail(['origins', i, 'homePost'], `unknown crossing "${o.homePost}"`);
    if (!s.series[`wage_${o.wageRegion}`])
      fail(['origins', i, 'wageRegion'], `no wage series "wage_${o.wageRegion}" in series`);
  });
  for (const needed of ['fx_idr_per_myr', 'my_min_wage_myr'])
    if (!s.series[needed]) fail(['series', needed], 'required series is missing');
  // Dated lists are read as step functions: their dates must rise, each once.
  const ascending = (path: Path, dates: (string | undefined)[]) =>
    dates.forEach((d, i) => {
      const prev = dates[i - 1];
      if (i > 0 && d !== undefined && prev !== undefined && d <= prev)
        fail([...path, i, 'date'], `expected dates in ascending order, each once: after ${prev}, got ${d}`);
    });
  ascending(['stages'], s.stages.map((st) => st.date));
  for (const [name, steps] of Object.entries(s.series)) {
    ascending(['series', name], (steps as { date?: string }[]).map((st) => st.date));
    const first = (steps[0] as { date?: string } | undefined)?.date;
    if (horizonOk && first !== undefined && first > s.start) fail(['series', name, 0, 'date'], `expected a first value on or before start (${s.start}), got ${first}`);
  }
  s.crossings.forEach((c, i) => {
    if (c.twinOf !== undefined && kinds.get(c.twinOf) !== 'crossings') fail(['crossings', i, 'twinOf'], `unknown crossing "${c.twinOf}"`);
    if (horizonOk && c.opens !== undefined && c.opens > s.end)
      fail(['crossings', i, 'opens'], `opens ${c.opens}, after the horizon ends (${s.end})`);
    if (c.kind !== 'informal' && c.operating && c.opens === undefined)
      fail(['crossings', i, 'opens'], 'expected an opening date for an operating official crossing');
  });
  s.closures.forEach((c, i) => {
    if (kinds.get(c.crossing) !== 'crossings') fail(['closures', i, 'crossing'], `unknown crossing "${c.crossing}"`);
    if (c.to < c.from) fail(['closures', i, 'to'], `expected a date on or after from (${c.from}), got ${c.to}`);
  });
  if (horizonOk && s.stages.length && s.stages[0]!.date > s.start)
    fail(['stages', 0, 'date'], `expected the first stage on or before start (${s.start}), got ${s.stages[0]!.date}`);
  s.interventions.forEach((iv, i) => {
    if (horizonOk && (iv.start < s.start || iv.start > s.end))
      fail(['interventions', i, 'start'], `expected a date inside the horizon (${s.start}..${s.end}), got ${iv.start}`);
    if (iv.end !== undefined && iv.end < iv.start) fail(['interventions', i, 'end'], `expected a date on or after start (${iv.start}), got ${iv.end}`);
  });
  // Events past the horizon simply do not happen in the run (a shortened copy of the baseline keeps them).
  s.events.forEach((ev, i) => {
    if (ev.end !== undefined && ev.end < ev.start) fail(['events', i, 'end'], `expected a date on or after start (${ev.start}), got ${ev.end}`);
  });
}
