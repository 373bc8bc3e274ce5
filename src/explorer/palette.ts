/**
 * Colours and labels shared by the map, the legend and the charts, from the project's one
 * palette (Okabe–Ito, model/palette.ts) and the metric registry, on a light ground that survives
 * a projector in a lit room. Where two things share a hue they mean related things: procedural
 * journeys mostly cross regularly (blue), kin-assisted ones mostly on footpaths (green).
 */
import { colourOf } from '../report/palette.js';
import { OKABE_ITO } from '../report/palette.js';

/** Dot colour for each Look (protocol.ts), in Look order. */
export const LOOKS = [
  { key: 'procedural', label: 'procedural placement', color: OKABE_ITO.blue },
  { key: 'kin', label: 'kin-assisted or on their own', color: OKABE_ITO.bluishGreen },
  { key: 'broker', label: 'through a broker', color: OKABE_ITO.orange },
  { key: 'deceived', label: 'broker, deceptive offer', color: OKABE_ITO.reddishPurple },
] as const;

/** Migrant crossings by how they passed the line, as the metrics name them. */
export const CROSSING_CHANNELS = [
  { metric: 'crossings_regular', label: 'regular', color: colourOf('crossings_regular') },
  { metric: 'crossings_colluded', label: 'colluded', color: colourOf('crossings_colluded') },
  { metric: 'crossings_informal', label: 'informal', color: colourOf('crossings_informal') },
] as const;

export const DARK_FIGURE = [
  { metric: 'trafficked', label: 'trafficked (true)', color: colourOf('trafficked') },
  { metric: 'identified', label: 'identified victims', color: colourOf('identified') },
] as const;

export const MAP = {
  sea: '#d6e6f3',
  land: { Indonesia: '#f6efdc', Malaysia: '#e2e2e2', Brunei: '#ececec' } as Record<string, string>,
  coast: '#8a9aa8',
  border: '#1a1a1a',
  route: '#7d7d7d',
  ink: '#1a1a1a',
  muted: '#4d4d4d',
  closed: '#9a9a9a',
  halo: 'rgba(0, 0, 0, 0.13)',
  intercept: OKABE_ITO.vermillion,
};

export const FONT_STACK = "'DejaVu Sans', 'Verdana', sans-serif";
