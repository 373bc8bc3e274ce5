/**
 * The charts, as vega-lite specifications (valid against the vega-lite schema; each opens in
 * any Vega editor). Data are inlined so a spec stands alone.
 */
import type { TopLevelSpec } from 'vega-lite';
import type { Comparison, WeeklyBand } from '../experiment/compare.js';
import { colourOf } from '../model/metrics.js';
import { metricLabel } from './labels.js';
import { OKABE_ITO } from '../model/palette.js';
import { borneoBasemap } from './basemap.js';

export const FONT = 'DejaVu Sans';
const config = {
  font: FONT,
  view: { stroke: null },
  axis: { labelFontSize: 12, titleFontSize: 13, grid: true, gridOpacity: 0.4 },
  legend: { labelFontSize: 12, titleFontSize: 13 },
  title: { fontSize: 16, anchor: 'start' as const },
};

const CHANNEL_LABELS: Record<string, string> = {
  crossings_regular: 'regular (inspected)',
  crossings_colluded: 'colluded (waved through)',
  crossings_informal: 'informal (footpaths, boats)',
};
const CHANNEL_COLORS = [colourOf('crossings_regular'), colourOf('crossings_colluded'), colourOf('crossings_informal')];

/** Weekly migrant crossings by channel, mean with the 95% band across replicates. */
export function flowsByChannelSpec(bands: WeeklyBand[], variant = 'baseline'): TopLevelSpec {
  const values = bands
    .filter((b) => b.variant === variant && b.metric in CHANNEL_LABELS)
    .map((b) => ({ ...b, channel: CHANNEL_LABELS[b.metric] }));
  return {
    $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
    title: { text: 'Weekly border crossings by channel', subtitle: `${variant}: mean, and the band from the 5th to the 95th percentile of replicates` },
    width: 640,
    height: 260,
    config,
    data: { values },
    encoding: {
      x: { field: 'date', type: 'temporal', title: null, axis: { format: '%Y', tickCount: 'year' } },
      color: { field: 'channel', type: 'nominal', title: 'channel', legend: { labelLimit: 320 }, scale: { domain: Object.values(CHANNEL_LABELS), range: CHANNEL_COLORS } },
    },
    layer: [
      { mark: { type: 'area', opacity: 0.25 }, encoding: { y: { field: 'lo', type: 'quantitative', title: 'persons per week' }, y2: { field: 'hi' } } },
      { mark: { type: 'line', strokeWidth: 2 }, encoding: { y: { field: 'mean', type: 'quantitative' } } },
    ],
  };
}

/** The dark figure: people trafficked (true) against victims identified, over time. */
export function darkFigureSpec(bands: WeeklyBand[], variant = 'baseline'): TopLevelSpec {
  const label: Record<string, string> = { trafficked: 'trafficked (true count)', identified: 'identified victims' };
  const values = bands.filter((b) => b.variant === variant && b.metric in label).map((b) => ({ ...b, series: label[b.metric] }));
  return {
    $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
    title: { text: 'The dark figure: trafficked vs identified', subtitle: `${variant}: weekly mean, band from the 5th to the 95th percentile of replicates` },
    width: 640,
    height: 240,
    config,
    data: { values },
    encoding: {
      x: { field: 'date', type: 'temporal', title: null, axis: { format: '%Y', tickCount: 'year' } },
      color: { field: 'series', type: 'nominal', title: null, legend: { labelLimit: 320 }, scale: { domain: Object.values(label), range: [colourOf('trafficked'), colourOf('identified')] } },
    },
    layer: [
      { mark: { type: 'area', opacity: 0.25 }, encoding: { y: { field: 'lo', type: 'quantitative', title: 'persons per week' }, y2: { field: 'hi' } } },
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
  title = 'Change in people trafficked against the baseline',
  better: 'lower' | 'higher' = 'lower',
  label: (variant: string) => string = (v) => v,
): TopLevelSpec {
  const values = c.variants
    .filter((v) => !v.decomposes && v.metrics[metric]?.diff)
    .map((v) => {
      const d = v.metrics[metric]!.diff!;
      const sign = d.hi < 0 ? 'fewer (95% interval below 0)' : d.lo > 0 ? 'more (95% interval above 0)' : 'no clear change';
      return { variant: label(v.name), id: v.name, description: v.description, mean: d.mean, lo: d.lo, hi: d.hi, verdict: sign, relative: v.metrics[metric]!.relativeChange };
    });
  return {
    $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
    title: { text: title, subtitle: `paired differences under common random numbers, ${c.replicates} replicates, 95% intervals` },
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
          x: { field: 'lo', type: 'quantitative', title: `change in ${metricLabel(metric)} (over the run)` },
          x2: { field: 'hi' },
          color: { field: 'verdict', type: 'nominal', title: null, legend: { orient: 'bottom', labelLimit: 300 }, scale: { domain: ['fewer (95% interval below 0)', 'no clear change', 'more (95% interval above 0)'], range: better === 'lower' ? [OKABE_ITO.bluishGreen, '#969696', OKABE_ITO.vermillion] : [OKABE_ITO.vermillion, '#969696', OKABE_ITO.bluishGreen] } },
        },
      },
      {
        mark: { type: 'point', filled: true, size: 90 },
        encoding: {
          x: { field: 'mean', type: 'quantitative' },
          color: { field: 'verdict', type: 'nominal' },
          tooltip: [
            { field: 'variant' },
            { field: 'id', title: 'variant id' },
            { field: 'description' },
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
): TopLevelSpec {
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
    title: { text: 'Where flows go: migrant crossings by crossing point', subtitle: 'colour: change against the baseline (paired mean, persons over the horizon)' },
    config,
    data: { values },
    width: { step: 30 },
    height: { step: 22 },
    mark: { type: 'rect' },
    encoding: {
      x: { field: 'variant', type: 'nominal', sort: chosen.map(vl), title: null, axis: { labelAngle: -40, labelLimit: 260 } },
      y: { field: 'crossing', type: 'nominal', title: null, sort: { field: 'kind' }, axis: { labelLimit: 260 } },
      // Fewer crossings blue, more vermillion: from the one palette, white at no change.
      color: { field: 'change', type: 'quantitative', title: 'change', scale: { domainMid: 0, range: [OKABE_ITO.blue, '#ffffff', OKABE_ITO.vermillion] } },
      tooltip: [
        { field: 'variant' },
        { field: 'variantId', title: 'variant id' },
        { field: 'crossing' },
        { field: 'crossingId', title: 'crossing id' },
        { field: 'kind' },
        { field: 'mean', format: ',.0f', title: 'migrant crossings' },
        { field: 'change', format: '+,.0f' },
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

/** The border: Borneo's coastline and the Indonesia–Malaysia line, posts, routes and hubs, flows on routes. */
export function borderMapSpec(data: MapData, title = 'The Kalimantan border: crossings and flows'): TopLevelSpec {
  const { land, border } = borneoBasemap();
  const kinds = ['post', 'sea', 'informal'];
  return {
    $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
    title: { text: title, subtitle: 'line width: migrant crossings over the run; Natural Earth 1:50m basemap' },
    width: 620,
    height: 560,
    config,
    projection: { type: 'mercator', center: [114, 1.5], scale: 2900 },
    resolve: { scale: { color: 'independent', strokeWidth: 'independent' } },
    layer: [
      { data: { values: land.features }, mark: { type: 'geoshape', stroke: '#999', strokeWidth: 0.5 }, encoding: { color: { field: 'properties.country', type: 'nominal', title: 'country', scale: { domain: ['Indonesia', 'Malaysia', 'Brunei'], range: ['#f2eadf', '#e3ecf4', '#eeeeee'] } } } },
      { data: { values: [border] }, mark: { type: 'geoshape', filled: false, stroke: '#333', strokeWidth: 2, strokeDash: [6, 3] } },
      {
        data: { values: data.routes.filter((r) => r.flow > 0) },
        mark: { type: 'rule', opacity: 0.7, color: '#8c510a' },
        encoding: {
          longitude: { field: 'lon', type: 'quantitative' },
          latitude: { field: 'lat', type: 'quantitative' },
          longitude2: { field: 'lon2' },
          latitude2: { field: 'lat2' },
          strokeWidth: { field: 'flow', type: 'quantitative', title: 'crossings', scale: { range: [0.5, 9] } },
        },
      },
      {
        data: { values: data.places },
        mark: { type: 'point', filled: true, size: 50, opacity: 0.9 },
        encoding: {
          longitude: { field: 'lon', type: 'quantitative' },
          latitude: { field: 'lat', type: 'quantitative' },
          shape: { field: 'role', type: 'nominal', title: 'place', scale: { domain: ['origin', 'hub', 'destination'], range: ['circle', 'diamond', 'square'] } },
          color: { value: '#444' },
          tooltip: [{ field: 'name' }, { field: 'role' }],
        },
      },
      {
        data: { values: data.crossings },
        mark: { type: 'point', filled: true, size: 110, stroke: 'white', strokeWidth: 1 },
        encoding: {
          longitude: { field: 'lon', type: 'quantitative' },
          latitude: { field: 'lat', type: 'quantitative' },
          color: { field: 'kind', type: 'nominal', title: 'crossing', scale: { domain: kinds, range: [OKABE_ITO.blue, OKABE_ITO.skyBlue, OKABE_ITO.orange] } },
          tooltip: [{ field: 'name' }, { field: 'kind' }, { field: 'flow', format: ',.0f', title: 'crossings' }, { field: 'open' }],
        },
      },
      {
        data: { values: data.crossings.filter((c) => c.kind !== 'informal') },
        mark: { type: 'text', dx: 8, dy: -8, align: 'left', fontSize: 11 },
        encoding: { longitude: { field: 'lon', type: 'quantitative' }, latitude: { field: 'lat', type: 'quantitative' }, text: { field: 'name' } },
      },
    ],
  };
}
