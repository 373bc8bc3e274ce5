/** What the border map shows, from a scenario and the migrant crossings through each crossing. */
import type { Scenario } from '../scenario/parse.js';
import type { MapData } from './charts.js';

/**
 * The data of the border map (borderMapSpec) from a scenario and its migrant crossings (persons) by crossing id: each
 * crossing with its flow and whether it is open on `openOn` (default: the scenario's end), the places, and the legs to and
 * from crossings.
 */
export function mapData(s: Scenario, flowByCrossing: Record<string, number>, openOn: string = s.end): MapData {
  const where = new Map<string, { lat: number; lon: number }>();
  for (const list of [s.origins, s.hubs, s.crossings, s.destinations]) for (const n of list) where.set(n.id, { lat: n.lat, lon: n.lon });
  const crossingIds = new Set(s.crossings.map((c) => c.id));
  const closed = (id: string) => s.closures.some((cl) => cl.crossing === id && cl.from <= openOn && openOn <= cl.to);
  return {
    crossings: s.crossings.map((c) => ({
      id: c.id,
      name: c.name,
      kind: c.kind,
      lat: c.lat,
      lon: c.lon,
      flow: flowByCrossing[c.id] ?? 0,
      open: c.kind === 'informal' || (c.operating && !!c.opens && c.opens <= openOn && !closed(c.id)),
    })),
    places: [
      ...s.origins.filter((o) => !o.far).map((o) => ({ id: o.id, name: o.name, role: 'origin' as const, lat: o.lat, lon: o.lon })),
      ...s.hubs.map((h) => ({ id: h.id, name: h.name, role: 'hub' as const, lat: h.lat, lon: h.lon })),
      ...s.destinations.map((d) => ({ id: d.id, name: d.name, role: 'destination' as const, lat: d.lat, lon: d.lon })),
    ],
    // A leg into or out of a crossing carries that crossing's flow; far-origin sea legs are off the map.
    routes: s.routes
      .filter((r) => crossingIds.has(r.from) || crossingIds.has(r.to))
      .map((r) => {
        const a = where.get(r.from)!, b = where.get(r.to)!;
        const c = crossingIds.has(r.to) ? r.to : r.from;
        return { from: r.from, to: r.to, lat: a.lat, lon: a.lon, lat2: b.lat, lon2: b.lon, flow: flowByCrossing[c] ?? 0 };
      }),
  };
}
