/** The palette (report/palette.ts): Okabe–Ito's colours, and the colour of each metric charts draw. */
import { describe, expect, it } from 'vitest';
import { METRICS } from '../../src/model/metrics.js';
import { colourOf, OKABE_ITO } from '../../src/report/palette.js';

describe('colourOf', () => {
  it('gives the palette colour of a metric that charts draw', () => {
    expect(colourOf('trafficked')).toBe(OKABE_ITO.reddishPurple);
    expect(colourOf('channel_procedural')).toBe(OKABE_ITO.blue);
    const palette = new Set<string>(Object.values(OKABE_ITO));
    const drawn = METRICS.filter((m) => {
      try {
        colourOf(m);
        return true;
      } catch {
        return false;
      }
    });
    expect(drawn.length).toBe(10);
    for (const m of drawn) expect(palette.has(colourOf(m))).toBe(true);
  });

  it('throws for a metric without a colour, naming it', () => {
    expect(() => colourOf('departures')).toThrow('metric "departures" has no colour in the palette');
  });
});
