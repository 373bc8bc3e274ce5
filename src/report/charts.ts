/**
 * The charts, as vega-lite specifications (valid against the vega-lite schema; each opens in
 * any Vega editor). Data are inlined so a spec stands alone.
 */
import type { TopLevelSpec } from 'vega-lite';
import type { Comparison, WeeklyBand } from '../experiment/compare.js';
import { colourOf } from './palette.js';
import { metricLabel } from './labels.js';
import { localize, type Locale } from '../i18n/index.js';
import { OKABE_ITO } from './palette.js';
import { geoMercator } from 'd3-geo';
import { borneoBasemap } from './basemap.js';
import { type Box, nearestOnBox, placeLabels } from './label-placement.js';

export const FONT = 'DejaVu Sans';
const BASE_CONFIG = {
  font: FONT,
  view: { stroke: null },
  axis: { labelFontSize: 12, titleFontSize: 13, grid: true, gridOpacity: 0.4 },
  legend: { labelFontSize: 12, titleFontSize: 13 },
  title: { fontSize: 16, anchor: 'start' as const },
};

/**
 * The chart style, with axis numbers in the language's format (vega's d3-format locale, its
 * separators taken from Intl). English keeps vega's own default, so its specs stay as they were.
 */
export function chartConfig(loc: Locale = localize()) {
  if (loc.lang === 'en') return BASE_CONFIG;
  const parts = new Intl.NumberFormat(loc.locale).formatToParts(12345.5);
  const sep = (type: string, fallback: string) => parts.find((p) => p.type === type)?.value ?? fallback;
  return { ...BASE_CONFIG, locale: { number: { decimal: sep('decimal', '.'), thousands: sep('group', ','), grouping: [3], currency: ['', ''] as [string, string] } } };
}

/**
 * The time axis, in UTC: dates are calendar days (YYYY-MM-DD, read as UTC midnight), and a local
 * time scale would place its year ticks at the local midnight of 1 January, a pixel away in
 * Pacific/Kiritimati or America/Los_Angeles. A utc scale and utc formats give the same bytes in any TZ.
 */
const UTC_YEARS = { field: 'date', type: 'temporal', title: null, scale: { type: 'utc' }, axis: { format: '%Y', tickCount: 'year' } } as const;

const CHANNELS = ['crossings_regular', 'crossings_colluded', 'crossings_informal'];
const channelLabels = (loc: Locale): Record<string, string> => Object.fromEntries(CHANNELS.map((m) => [m, loc.t(`chart.channel.${m}`)]));
const CHANNEL_COLORS = [colourOf('crossings_regular'), colourOf('crossings_colluded'), colourOf('crossings_informal')];

/** Weekly migrant crossings by channel, mean with the 95% band across replicates. */
export function flowsByChannelSpec(bands: WeeklyBand[], variant = 'baseline', loc: Locale = localize()): TopLevelSpec {
  const { t } = loc;
  const CHANNEL_LABELS = channelLabels(loc);
  const config = chartConfig(loc);
  const values = bands
    .filter((b) => b.variant === variant && b.metric in CHANNEL_LABELS)
    .map((b) => ({ ...b, channel: CHANNEL_LABELS[b.metric] }));
  return {
    $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
    title: { text: t('chart.channelsTitle'), subtitle: t('chart.channelsSubtitle', { variant }) },
    width: 640,
    height: 260,
    config,
    data: { values },
    encoding: {
      x: UTC_YEARS,
      color: { field: 'channel', type: 'nominal', title: t('chart.channelTitle'), legend: { labelLimit: 320 }, scale: { domain: Object.values(CHANNEL_LABELS), range: CHANNEL_COLORS } },
    },
    layer: [
      { mark: { type: 'area', opacity: 0.25 }, encoding: { y: { field: 'lo', type: 'quantitative', title: t('chart.personsPerWeek') }, y2: { field: 'hi' } } },
      { mark: { type: 'line', strokeWidth: 2 }, encoding: { y: { field: 'mean', type: 'quantitative' } } },
    ],
  };
}

/** The dark figure: people trafficked (true) against victims identified, over time. */
export function darkFigureSpec(bands: WeeklyBand[], variant = 'baseline', loc: Locale = localize()): TopLevelSpec {
  const { t } = loc;
  const config = chartConfig(loc);
  const label: Record<string, string> = { trafficked: t('chart.darkSeries.trafficked'), identified: t('chart.darkSeries.identified') };
  const values = bands.filter((b) => b.variant === variant && b.metric in label).map((b) => ({ ...b, series: label[b.metric] }));
  return {
    $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
    title: { text: t('chart.darkTitle'), subtitle: t('chart.darkSubtitle', { variant }) },
    width: 640,
    height: 240,
    config,
    data: { values },
    encoding: {
      x: UTC_YEARS,
      color: { field: 'series', type: 'nominal', title: null, legend: { labelLimit: 320 }, scale: { domain: Object.values(label), range: [colourOf('trafficked'), colourOf('identified')] } },
    },
    layer: [
      { mark: { type: 'area', opacity: 0.25 }, encoding: { y: { field: 'lo', type: 'quantitative', title: t('chart.personsPerWeek') }, y2: { field: 'hi' } } },
      { mark: { type: 'line', strokeWidth: 2 }, encoding: { y: { field: 'mean', type: 'quantitative' } } },
    ],
  };
}

/**
 * Paired change against the baseline with its 95% interval, one row per variant. Colours say
 * good or bad the same way everywhere: green for a clear change for the better (fewer trafficked,
 * or more victims identified when `better` is 'higher'), vermillion for a clear change for the worse.
 */
export function comparisonSpec(
  c: Comparison,
  metric = 'trafficked',
  title?: string,
  better: 'lower' | 'higher' = 'lower',
  label: (variant: string) => string = (v) => v,
  loc: Locale = localize(),
): TopLevelSpec {
  const { t } = loc;
  const config = chartConfig(loc);
  const [fewer, unclear, more] = [t('chart.fewer'), t('chart.unclear'), t('chart.more')];
  const values = c.variants
    .filter((v) => !v.decomposes && v.metrics[metric]?.diff)
    .map((v) => {
      const d = v.metrics[metric]!.diff!;
      const sign = d.hi < 0 ? fewer : d.lo > 0 ? more : unclear;
      return { variant: label(v.name), id: v.name, description: v.description, mean: d.mean, lo: d.lo, hi: d.hi, verdict: sign, relative: v.metrics[metric]!.relativeChange };
    });
  return {
    $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
    title: { text: title ?? t('chart.comparisonTrafficked'), subtitle: t('chart.comparisonSubtitle', { replicates: c.replicates }) },
    width: 560,
    height: { step: 26 },
    config,
    data: { values },
    encoding: {
      y: { field: 'variant', type: 'nominal', sort: { field: 'mean', order: 'ascending' }, title: null, axis: { labelFontSize: 13, labelLimit: 400 } },
    },
    layer: [
      { mark: { type: 'rule', color: '#555' }, encoding: { x: { datum: 0, type: 'quantitative' } } },
      {
        mark: { type: 'rule', strokeWidth: 3 },
        encoding: {
          x: { field: 'lo', type: 'quantitative', title: t('chart.changeIn', { metric: metricLabel(metric, loc) }) },
          x2: { field: 'hi' },
          color: { field: 'verdict', type: 'nominal', title: null, legend: { orient: 'bottom', labelLimit: 300 }, scale: { domain: [fewer, unclear, more], range: better === 'lower' ? [OKABE_ITO.bluishGreen, '#969696', OKABE_ITO.vermillion] : [OKABE_ITO.vermillion, '#969696', OKABE_ITO.bluishGreen] } },
        },
      },
      {
        mark: { type: 'point', filled: true, size: 90 },
        encoding: {
          x: { field: 'mean', type: 'quantitative' },
          color: { field: 'verdict', type: 'nominal' },
          tooltip: [
            ...(loc.lang === 'en' ? [{ field: 'variant' }] : [{ field: 'variant', title: t('chart.variant') }]),
            { field: 'id', title: t('chart.variantId') },
            ...(loc.lang === 'en' ? [{ field: 'description' }] : [{ field: 'description', title: t('chart.description') }]),
            { field: 'mean', format: ',.0f' },
            { field: 'lo', format: ',.0f' },
            { field: 'hi', format: ',.0f' },
            { field: 'relative', format: '+.1%' },
          ],
        },
      },
    ],
  };
}

/** Migrant crossings through each crossing, per variant (where flows go, and where they move). */
export function flowsByCrossingSpec(
  c: Comparison,
  crossingKinds: Record<string, string>,
  variants?: string[],
  labels: { variant?: (name: string) => string; crossing?: (id: string) => string } = {},
  loc: Locale = localize(),
): TopLevelSpec {
  const { t } = loc;
  const config = chartConfig(loc);
  const chosen = variants ?? c.variants.filter((v) => !v.decomposes).map((v) => v.name);
  const vl = labels.variant ?? ((v: string) => v);
  const cl = labels.crossing ?? ((id: string) => id);
  const values = c.variants
    .filter((v) => chosen.includes(v.name))
    .flatMap((v) =>
      Object.entries(v.metrics)
        .filter(([k]) => k.startsWith('flow_'))
        .map(([k, s]) => ({ variant: vl(v.name), variantId: v.name, crossing: cl(k.slice(5)), crossingId: k.slice(5), kind: crossingKinds[k.slice(5)] ?? 'unknown', mean: s.mean, change: s.diff?.mean ?? 0 })),
    );
  return {
    $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
    title: { text: t('chart.crossingsTitle'), subtitle: t('chart.crossingsSubtitle') },
    config,
    data: { values },
    width: { step: 30 },
    height: { step: 22 },
    mark: { type: 'rect' },
    encoding: {
      x: { field: 'variant', type: 'nominal', sort: chosen.map(vl), title: null, axis: { labelAngle: -40, labelLimit: 260 } },
      y: { field: 'crossing', type: 'nominal', title: null, sort: { field: 'kind' }, axis: { labelLimit: 260 } },
      // Fewer crossings blue, more vermillion: from the one palette, white at no change.
      color: { field: 'change', type: 'quantitative', title: t('chart.change'), scale: { domainMid: 0, range: [OKABE_ITO.blue, '#ffffff', OKABE_ITO.vermillion] } },
      // English keeps the field names as titles (its specs stay as they were); other languages name them.
      tooltip: [
        { field: 'variant', ...(loc.lang === 'en' ? {} : { title: t('chart.variant') }) },
        { field: 'variantId', title: t('chart.variantId') },
        { field: 'crossing', ...(loc.lang === 'en' ? {} : { title: t('chart.crossing') }) },
        { field: 'crossingId', title: t('chart.crossingId') },
        { field: 'kind', ...(loc.lang === 'en' ? {} : { title: t('chart.kindField') }) },
        { field: 'mean', format: ',.0f', title: t('chart.migrantCrossings') },
        { field: 'change', format: '+,.0f', ...(loc.lang === 'en' ? {} : { title: t('chart.change') }) },
      ],
    },
  };
}

/** Points and routes to draw on the map. */
export interface MapData {
  crossings: { id: string; name: string; kind: string; lat: number; lon: number; flow: number; open: boolean }[];
  places: { id: string; name: string; role: 'origin' | 'hub' | 'destination'; lat: number; lon: number }[];
  routes: { from: string; to: string; lat: number; lon: number; lat2: number; lon2: number; flow: number }[];
}

const MAP_SIZE = { width: 620, height: 560 };
const MAP_PROJECTION = { center: [114, 1.5] as [number, number], scale: 2900 };
/** Informal crossings lie a few km from their post: drawn at least this far (px) from it, so both show. */
const TWIN_GAP = 14;
const LABEL_FONT = 11;
/** A short name for the map: "PLBN Entikong" → "Entikong", "Nunukan–Tawau sea route (Tunon Taka)" → "Nunukan–Tawau sea route". */
const mapName = (name: string) => name.replace(/^PLBN\s+/, '').replace(/\s*\(.*\)\s*$/, '');

/**
 * Where the map draws crossings and their labels, in longitude and latitude: informal twins moved
 * clear of their post, labels placed so that none overlaps another or any marker, with leader lines
 * where a label had to move away from its point.
 */
export function mapLayout(data: MapData) {
  const projection = geoMercator().center(MAP_PROJECTION.center).scale(MAP_PROJECTION.scale).translate([MAP_SIZE.width / 2, MAP_SIZE.height / 2]);
  const px = (lon: number, lat: number) => projection([lon, lat]) as [number, number];
  const ll = ([x, y]: [number, number]) => projection.invert!([x, y]) as [number, number];
  const at = new Map(data.crossings.map((c) => [c.id, px(c.lon, c.lat)]));
  const posts = data.crossings.filter((c) => c.kind !== 'informal');
  // Markers closer than TWIN_GAP are moved apart: the sea route keeps its place, then the posts, then the
  // informal crossings beside them, each pushed out along the line from the marker it would cover.
  const rank = (k: string) => (k === 'sea' ? 0 : k === 'post' ? 1 : 2);
  const fixed: [number, number][] = [];
  for (const c of [...data.crossings].sort((p, q) => rank(p.kind) - rank(q.kind))) {
    let [x, y] = at.get(c.id)!;
    for (let step = 0; step < 24; step++) {
      const near = fixed.find(([fx, fy]) => Math.hypot(fx - x, fy - y) < TWIN_GAP - 0.01);
      if (!near) break;
      const d = Math.hypot(x - near[0], y - near[1]);
      const [ux, uy] = d > 0.5 ? [(x - near[0]) / d, (y - near[1]) / d] : [-Math.SQRT1_2, Math.SQRT1_2];
      [x, y] = [near[0] + ux * TWIN_GAP, near[1] + uy * TWIN_GAP];
    }
    at.set(c.id, [x, y]);
    fixed.push([x, y]);
  }
  const marker = ([x, y]: [number, number], r: number): Box => ({ x: x - r, y: y - r, w: 2 * r, h: 2 * r });
  const obstacles = [...data.crossings.map((c) => marker(at.get(c.id)!, 7)), ...data.places.map((p) => marker(px(p.lon, p.lat), 5))];
  const placed = placeLabels(
    posts.map((c) => ({ id: c.id, text: mapName(c.name), x: at.get(c.id)![0], y: at.get(c.id)![1] })),
    { fontSize: LABEL_FONT, width: MAP_SIZE.width, height: MAP_SIZE.height, obstacles },
  );
  const crossings = data.crossings.map((c) => {
    const [lon, lat] = ll(at.get(c.id)!);
    return { ...c, lon, lat };
  });
  const where = new Map(crossings.map((c) => [c.id, c]));
  const routes = data.routes.map((r) => {
    const a = where.get(r.from);
    const b = where.get(r.to);
    return { ...r, ...(a ? { lon: a.lon, lat: a.lat } : {}), ...(b ? { lon2: b.lon, lat2: b.lat } : {}) };
  });
  const labels = placed.map((l) => {
    const [lon, lat] = ll([l.tx, l.ty]);
    return { id: l.id, name: l.text, lon, lat, box: l.box };
  });
  const leaders = placed
    .filter((l) => l.leader)
    .map((l) => {
      const [lon, lat] = ll([l.x, l.y]);
      const [lon2, lat2] = ll(nearestOnBox(l.box, l.x, l.y));
      return { id: l.id, lon, lat, lon2, lat2 };
    });
  return { crossings, routes, labels, leaders };
}

/** The border: Borneo's coastline and the Indonesia–Malaysia line, posts, routes and hubs, flows on routes. */
export function borderMapSpec(data: MapData, title?: string, loc: Locale = localize()): TopLevelSpec {
  const { t } = loc;
  const config = chartConfig(loc);
  const { land, border } = borneoBasemap();
  const layout = mapLayout(data);
  const kindWord = (k: string) => t(`chart.crossingKind.${k}`, { defaultValue: k });
  // Posts drawn over the footpath markers beside them; kinds and roles in the reader's words.
  const crossings = [...layout.crossings].sort((a, b) => Number(a.kind !== 'informal') - Number(b.kind !== 'informal')).map((c) => (loc.lang === 'en' ? c : { ...c, kind: kindWord(c.kind) }));
  const places = loc.lang === 'en' ? data.places : data.places.map((p) => ({ ...p, role: t(`chart.role.${p.role}`) }));
  const kinds = ['post', 'sea', 'informal'].map(kindWord);
  return {
    $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
    title: { text: title ?? t('chart.mapTitle'), subtitle: t('chart.mapSubtitle') },
    width: MAP_SIZE.width,
    height: MAP_SIZE.height,
    config,
    projection: { type: 'mercator', center: MAP_PROJECTION.center, scale: MAP_PROJECTION.scale, translate: [MAP_SIZE.width / 2, MAP_SIZE.height / 2] },
    resolve: { scale: { color: 'independent', strokeWidth: 'independent' } },
    layer: [
      { data: { values: land.features }, mark: { type: 'geoshape', stroke: '#999', strokeWidth: 0.5 }, encoding: { color: { field: 'properties.country', type: 'nominal', title: t('chart.country'), scale: { domain: ['Indonesia', 'Malaysia', 'Brunei'], range: ['#f2eadf', '#e3ecf4', '#eeeeee'] } } } },
      { data: { values: [border] }, mark: { type: 'geoshape', filled: false, stroke: '#333', strokeWidth: 2, strokeDash: [6, 3] } },
      {
        data: { values: layout.routes.filter((r) => r.flow > 0) },
        mark: { type: 'rule', opacity: 0.7, color: '#8c510a' },
        encoding: {
          longitude: { field: 'lon', type: 'quantitative' },
          latitude: { field: 'lat', type: 'quantitative' },
          longitude2: { field: 'lon2' },
          latitude2: { field: 'lat2' },
          strokeWidth: { field: 'flow', type: 'quantitative', title: t('chart.crossings'), scale: { range: [0.5, 9] } },
        },
      },
      {
        data: { values: places },
        mark: { type: 'point', filled: true, size: 50, opacity: 0.9 },
        encoding: {
          longitude: { field: 'lon', type: 'quantitative' },
          latitude: { field: 'lat', type: 'quantitative' },
          shape: { field: 'role', type: 'nominal', title: t('chart.place'), scale: { domain: ['origin', 'hub', 'destination'].map((r) => t(`chart.role.${r}`)), range: ['circle', 'diamond', 'square'] } },
          color: { value: '#444' },
          tooltip: loc.lang === 'en' ? [{ field: 'name' }, { field: 'role' }] : [{ field: 'name', title: t('chart.placeName') }, { field: 'role', title: t('chart.place') }],
        },
      },
      {
        data: { values: layout.leaders },
        mark: { type: 'rule', color: '#333', strokeWidth: 1 },
        encoding: { longitude: { field: 'lon', type: 'quantitative' }, latitude: { field: 'lat', type: 'quantitative' }, longitude2: { field: 'lon2' }, latitude2: { field: 'lat2' } },
      },
      {
        name: 'crossing_points',
        data: { values: crossings },
        mark: { type: 'point', filled: true, size: 110, stroke: 'white', strokeWidth: 1 },
        encoding: {
          longitude: { field: 'lon', type: 'quantitative' },
          latitude: { field: 'lat', type: 'quantitative' },
          color: { field: 'kind', type: 'nominal', title: t('chart.crossing'), scale: { domain: kinds, range: [OKABE_ITO.blue, OKABE_ITO.skyBlue, OKABE_ITO.orange] } },
          tooltip:
            loc.lang === 'en'
              ? [{ field: 'name' }, { field: 'kind' }, { field: 'flow', format: ',.0f', title: 'crossings' }, { field: 'open' }]
              : [{ field: 'name', title: t('chart.placeName') }, { field: 'kind', title: t('chart.crossing') }, { field: 'flow', format: ',.0f', title: t('chart.crossings') }, { field: 'open', title: t('chart.open') }],
        },
      },
      {
        name: 'crossing_labels',
        data: { values: layout.labels.map(({ box: _, ...l }) => l) },
        mark: { type: 'text', align: 'left', baseline: 'middle', fontSize: LABEL_FONT },
        encoding: { longitude: { field: 'lon', type: 'quantitative' }, latitude: { field: 'lat', type: 'quantitative' }, text: { field: 'name' } },
      },
    ],
  };
}
