/**
 * Colours and labels shared by the map, the legend and the charts. Okabe–Ito colours, which stay
 * apart under the common colour-vision deficiencies, on a light ground that survives a projector
 * in a lit room. Where two things share a hue they mean related things: procedural journeys
 * mostly cross regularly (blue), kin-assisted ones mostly on footpaths (green).
 */

/** Dot colour for each Look (protocol.ts), in Look order. */
export const LOOKS = [
  { key: 'procedural', label: 'procedural placement', color: '#0072B2' },
  { key: 'kin', label: 'kin-assisted or on their own', color: '#009E73' },
  { key: 'broker', label: 'through a broker', color: '#E69F00' },
  { key: 'deceived', label: 'broker, deceptive offer', color: '#CC79A7' },
] as const;

/** Migrant crossings by how they passed the line, as the metrics name them. */
export const CROSSING_CHANNELS = [
  { metric: 'crossings_regular', label: 'regular', color: '#0072B2' },
  { metric: 'crossings_colluded', label: 'colluded', color: '#D55E00' },
  { metric: 'crossings_informal', label: 'informal', color: '#009E73' },
] as const;

export const DARK_FIGURE = [
  { metric: 'trafficked', label: 'trafficked (true)', color: '#882255' },
  { metric: 'identified', label: 'identified victims', color: '#0072B2' },
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
  intercept: '#D55E00',
};

export const FONT_STACK = "'DejaVu Sans', 'Verdana', sans-serif";
