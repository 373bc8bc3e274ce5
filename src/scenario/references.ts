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

export function checkReferences(s: Draft, ctx: Ctx): void {
  const fail = (path: Path, message: string) => ctx.addIssue({ code: z.ZodIssueCode.custom, path, message });
  // Horizon checks compare dates: with a malformed start or end they would only add noise.
  const horizonOk = isRealDate(s.start) && isRealDate(s.end);
  if (horizonOk && s.end <= s.start) fail(['end'], `expected a date after start (${s.start}), got ${s.end}`);

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
