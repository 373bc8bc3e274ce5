/**
 * `lintas/report`: the chart specifications (Vega-Lite) and readers a notebook or a script uses
 * to draw what an experiment wrote. Part of the public API (CONTRIBUTING.md, "Versioning").
 *
 * @packageDocumentation
 */
export { borderMapSpec, comparisonSpec, darkFigureSpec, flowsByChannelSpec, flowsByCrossingSpec } from './charts.js';
export { mapData } from './map-data.js';
export { morrisSpec, shortName, sobolSpec } from './sensitivity.js';
export { readBands } from './report.js';
export { svgToPng, toSvg } from './render.js';
