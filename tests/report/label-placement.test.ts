/** Label placement: no two boxes overlap, none covers an obstacle, leader lines where a label moved out. */
import { describe, expect, it } from 'vitest';
import { overlaps, placeLabels } from '../../src/report/label-placement.js';

describe('placeLabels', () => {
  it('places crowded labels without overlaps, clear of markers, inside the frame', () => {
    const pts = Array.from({ length: 10 }, (_, i) => ({ id: `p${i}`, text: `Crossing number ${i}`, x: 200 + (i % 3) * 6, y: 150 + Math.floor(i / 3) * 6 }));
    const obstacles = pts.map((p) => ({ x: p.x - 4, y: p.y - 4, w: 8, h: 8 }));
    const placed = placeLabels(pts, { fontSize: 11, width: 500, height: 400, obstacles });
    placed.forEach((a, i) => {
      expect(a.box.x).toBeGreaterThanOrEqual(0);
      expect(a.box.x + a.box.w).toBeLessThanOrEqual(500);
      for (const b of placed.slice(i + 1)) expect(overlaps(a.box, b.box), `${a.id}/${b.id}`).toBe(false);
      for (const o of obstacles) expect(overlaps(a.box, o)).toBe(false);
    });
    expect(placed[0]!.leader).toBe(false); // the first takes the spot beside its point
    expect(placed.some((p) => p.leader)).toBe(true); // later ones move out, with a leader line
  });
});
