/**
 * The Borneo basemap from Natural Earth (world-atlas, 1:50m, shipped with the package: no
 * network): land of Indonesia, Malaysia and Brunei on Borneo and nearby islets, and the
 * Indonesia–Malaysia boundary as a line. Works in Node and, bundled, in the browser.
 */
import type { Feature, FeatureCollection, MultiLineString, MultiPolygon, Polygon, Position } from 'geojson';
import { feature, mesh } from 'topojson-client';
import type { GeometryCollection, Topology } from 'topojson-specification';
import countries from 'world-atlas/countries-50m.json' with { type: 'json' };

/** Longitude/latitude box around Borneo. */
export const BORNEO_BOX = { west: 108.4, east: 119.6, south: -4.6, north: 7.6 } as const;

const IDS: Record<string, string> = { '360': 'Indonesia', '458': 'Malaysia', '096': 'Brunei' };

const inBox = (ring: Position[]) => {
  let x = 0, y = 0;
  for (const [lon, lat] of ring) {
    x += lon!;
    y += lat!;
  }
  x /= ring.length;
  y /= ring.length;
  return x >= BORNEO_BOX.west && x <= BORNEO_BOX.east && y >= BORNEO_BOX.south && y <= BORNEO_BOX.north;
};

export interface Basemap {
  land: FeatureCollection<MultiPolygon, { country: string }>;
  border: Feature<MultiLineString>;
}

let cached: Basemap | undefined;

export function borneoBasemap(): Basemap {
  if (cached) return cached;
  const topo = countries as unknown as Topology<{ countries: GeometryCollection<{ name: string }> }>;
  const all = feature(topo, topo.objects.countries) as FeatureCollection<Polygon | MultiPolygon, { name: string }>;
  const land: Basemap['land'] = { type: 'FeatureCollection', features: [] };
  for (const f of all.features) {
    const country = IDS[String(f.id)];
    if (!country) continue;
    const polys = f.geometry.type === 'Polygon' ? [f.geometry.coordinates] : f.geometry.coordinates;
    const kept = polys.filter((p) => inBox(p[0]!));
    if (kept.length) land.features.push({ type: 'Feature', properties: { country }, geometry: { type: 'MultiPolygon', coordinates: kept } });
  }
  const line = mesh(topo, topo.objects.countries, (a, b) => {
    const pair = [String(a.id), String(b.id)].sort().join('-');
    return pair === '360-458';
  }) as MultiLineString;
  const border: Basemap['border'] = {
    type: 'Feature',
    properties: {},
    geometry: { type: 'MultiLineString', coordinates: line.coordinates.filter((l) => inBox(l)) },
  };
  cached = { land, border };
  return cached;
}
