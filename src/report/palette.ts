/**
 * The one palette: Okabe–Ito's eight colours, which stay apart under the common colour-vision
 * deficiencies. The report and the explorer take their colours from here, metrics' included.
 */
import type { MetricName } from '../model/metrics.js';

export const OKABE_ITO = {
  black: '#000000',
  orange: '#E69F00',
  skyBlue: '#56B4E9',
  bluishGreen: '#009E73',
  yellow: '#F0E442',
  blue: '#0072B2',
  vermillion: '#D55E00',
  reddishPurple: '#CC79A7',
} as const;

export type PaletteColour = (typeof OKABE_ITO)[keyof typeof OKABE_ITO];

/** The colour each metric that charts draw is drawn in. */
const METRIC_COLOURS: Partial<Record<MetricName, PaletteColour>> = {
  channel_procedural: OKABE_ITO.blue,
  channel_broker: OKABE_ITO.orange,
  channel_kin: OKABE_ITO.bluishGreen,
  crossings_regular: OKABE_ITO.blue,
  crossings_colluded: OKABE_ITO.vermillion,
  crossings_informal: OKABE_ITO.bluishGreen,
  interceptions: OKABE_ITO.black,
  trafficked: OKABE_ITO.reddishPurple,
  identified: OKABE_ITO.skyBlue,
  deportations: OKABE_ITO.orange,
};

/** The colour a chart draws a metric in; only metrics that charts draw have one. */
export function colourOf(m: MetricName): string {
  const c = METRIC_COLOURS[m];
  if (!c) throw new Error(`metric "${m}" has no colour in the palette`);
  return c;
}
