/**
 * The one palette: Okabe–Ito's eight colours, which stay apart under the common colour-vision
 * deficiencies. Metrics, the report and the explorer take their colours from here.
 */
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
