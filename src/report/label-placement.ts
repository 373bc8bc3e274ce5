/**
 * Label placement on a map, in pixels: each label takes the first spot around its point that is
 * inside the frame and clear of every marker and of the labels placed before it; where the spots
 * next to the point are taken it moves further out and gets a leader line back to its point.
 * Text width is estimated from the font size (DejaVu Sans is wide: 0.62 em a character on average,
 * with a margin), so that boxes are never smaller than the drawn text. Pure: runs in Node and in
 * the browser.
 */

export interface Box {
  x: number;
  y: number;
  w: number;
  h: number;
}

export interface LabelInput {
  id: string;
  text: string;
  /** The point labelled, in pixels. */
  x: number;
  y: number;
  /** Shown only where a spot right beside its point is free (no leader line); otherwise left out. */
  optional?: boolean;
}

export interface PlacedLabel extends LabelInput {
  /** Where the text goes: its left edge and vertical middle (align left, baseline middle). */
  tx: number;
  ty: number;
  box: Box;
  /** Whether the label sits away from its point and needs a leader line to it. */
  leader: boolean;
}

export const overlaps = (a: Box, b: Box, pad = 0) => a.x < b.x + b.w + pad && b.x < a.x + a.w + pad && a.y < b.y + b.h + pad && b.y < a.y + a.h + pad;

/** An upper bound of a text's width at a font size (px), for DejaVu Sans. */
export const textWidth = (text: string, fontSize: number, bold = false) => text.length * fontSize * (bold ? 0.7 : 0.64) + 2;

export interface PlacementOptions {
  fontSize: number;
  bold?: boolean;
  width: number;
  height: number;
  /** Markers and other things labels must not cover. */
  obstacles: Box[];
  /** Gap between the point and the nearest edge of its label (px). */
  gap?: number;
  /** Extra space kept between boxes (px). */
  pad?: number;
  /** The drawn width of a text, where it can be measured (a canvas); else estimated from the font size. */
  measure?: (text: string) => number;
}

/** Spots around a point at distance r, nearest directions first: right, left, above, below, then the diagonals. */
function spots(x: number, y: number, w: number, h: number, r: number): Box[] {
  const dirs: [number, number][] = [
    [1, 0],
    [-1, 0],
    [0, -1],
    [0, 1],
    [1, -1],
    [-1, -1],
    [1, 1],
    [-1, 1],
  ];
  return dirs.map(([dx, dy]) => {
    const bx = dx > 0 ? x + r : dx < 0 ? x - r - w : x - w / 2;
    const by = dy > 0 ? y + r : dy < 0 ? y - r - h : y - h / 2;
    return { x: bx, y: by, w, h };
  });
}

/** Places every label (in the order given: the most important first); never two boxes overlapping. */
export function placeLabels(labels: readonly LabelInput[], o: PlacementOptions): PlacedLabel[] {
  const gap = o.gap ?? 7;
  const pad = o.pad ?? 1;
  const h = o.fontSize * 1.25;
  const taken: Box[] = [...o.obstacles];
  const inside = (b: Box) => b.x >= 1 && b.y >= 1 && b.x + b.w <= o.width - 1 && b.y + b.h <= o.height - 1;
  const out: PlacedLabel[] = [];
  for (const l of labels) {
    const w = o.measure ? o.measure(l.text) + 2 : textWidth(l.text, o.fontSize, o.bold);
    let chosen: Box | undefined;
    let ring = 0;
    // Rings further out until a spot is free; the frame bounds the search.
    for (let r = gap; !chosen && r < Math.max(o.width, o.height); r += ring === 0 ? gap + 4 : h) {
      chosen = spots(l.x, l.y, w, h, r).find((b) => inside(b) && !taken.some((t) => overlaps(b, t, pad)));
      ring++;
      if (l.optional) break;
    }
    if (!chosen && l.optional) continue;
    const box = chosen ?? { x: l.x + gap, y: l.y - h / 2, w, h };
    taken.push(box);
    out.push({ ...l, tx: box.x, ty: box.y + h / 2, box, leader: ring > 1 });
  }
  return out;
}

/** The point of a box nearest to (x, y): where a leader line from the labelled point ends. */
export function nearestOnBox(b: Box, x: number, y: number): [number, number] {
  return [Math.min(Math.max(x, b.x), b.x + b.w), Math.min(Math.max(y, b.y), b.y + b.h)];
}
