/**
 * The border map on a canvas: land, the Indonesia–Malaysia line, routes, places and every
 * crossing, with the week's movers animated as dots. What never changes is drawn once per
 * resize onto two offscreen layers (under and over the dots); each frame only composites them
 * with the halos, dots and crossing symbols, which keeps a frame to well under a millisecond.
 */
import { geoMercator, geoPath, type GeoProjection } from 'd3-geo';
import type { Basemap } from '../report/basemap.js';
import type { Scenario } from '../scenario/parse.js';
import { CROSSING_SLOTS, Outcome, Status } from '../model/codes.js';
import { nearestOnBox, placeLabels } from '../report/label-placement.js';
import { LOOKS, MAP, FONT_STACK } from './palette.js';
import { AGENT_STRIDE, type WeekReport } from './protocol.js';

/** The part of Borneo the border runs through, from Pontianak to Kota Kinabalu. */
const VIEW = { west: 108.85, east: 118.75, south: -0.35, north: 6.2 };
/** Informal twins sit a few km from their post; drawn at least this far (px) from it so both show. */
const TWIN_GAP = 20;
const COUNTRY_LABELS = [
  { text: 'INDONESIA', lon: 113.2, lat: 0.25 },
  { text: 'MALAYSIA', lon: 113.4, lat: 3.05 },
];

type XY = [number, number];


/** Display name: "PLBN Entikong" → "Entikong", "Nunukan town (…)" → "Nunukan town". */
export const shortName = (name: string) => name.replace(/^PLBN\s+/, '').replace(/\s*\(.*\)\s*$/, '');

/** A fixed pseudo-random number in [0, 1) per agent id and salt, for where its dot runs. Visual only. */
function jitter(id: number, salt: number): number {
  let h = Math.imul(id ^ (salt * 0x9e3779b9), 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return (h >>> 0) / 4294967296;
}

const ease = (t: number) => (t < 0.5 ? 2 * t * t : 1 - (-2 * t + 2) ** 2 / 2);

export class BorderMap {
  private projection: GeoProjection = geoMercator();
  private under = document.createElement('canvas');
  private over = document.createElement('canvas');
  private width = 0;
  private height = 0;
  private dpr = 1;
  private crossingXY: XY[] = [];
  private originXY: XY[] = [];
  private hubXY: XY[] = [];
  private destXY: XY[] = [];

  constructor(
    readonly canvas: HTMLCanvasElement,
    private readonly scenario: Scenario,
    private readonly basemap: Basemap,
    /** The hidden list that names every crossing drawn and where (for tests and screen readers). */
    private readonly list: HTMLElement,
    /** A crossing's kind in the reader's words (post, sea route, footpath). */
    private readonly kindLabel: (kind: string) => string = (kind) => kind,
  ) {}

  /** Fits the map to the canvas's CSS size and redraws the fixed layers. */
  resize(): void {
    this.dpr = window.devicePixelRatio || 1;
    this.width = this.canvas.clientWidth;
    this.height = this.canvas.clientHeight;
    for (const c of [this.canvas, this.under, this.over]) {
      c.width = Math.round(this.width * this.dpr);
      c.height = Math.round(this.height * this.dpr);
    }
    const box = {
      type: 'MultiPoint' as const,
      coordinates: [
        [VIEW.west, VIEW.south],
        [VIEW.east, VIEW.north],
      ],
    };
    this.projection = geoMercator().fitExtent(
      [
        [12, 12],
        [this.width - 12, this.height - 12],
      ],
      box,
    );
    this.place();
    this.drawUnder();
    this.drawOver();
    this.describe();
  }

  private xy(lon: number, lat: number): XY {
    return this.projection([lon, lat]) as XY;
  }

  private place(): void {
    const s = this.scenario;
    this.hubXY = s.hubs.map((h) => this.xy(h.lon, h.lat));
    // Far origins lie off the map: their people appear at the hub they arrive through.
    this.originXY = s.origins.map((o) => (o.far ? this.hubXY[s.hubs.findIndex((h) => h.id === o.hub)]! : this.xy(o.lon, o.lat)));
    this.destXY = s.destinations.map((d) => this.xy(d.lon, d.lat));
    const at = s.crossings.map((c) => this.xy(c.lon, c.lat));
    this.crossingXY = s.crossings.map((c, i) => {
      const twin = c.twinOf ? s.crossings.findIndex((o) => o.id === c.twinOf) : -1;
      if (twin < 0) return at[i]!;
      const [px, py] = at[twin]!;
      let [dx, dy] = [at[i]![0] - px, at[i]![1] - py];
      const d = Math.hypot(dx, dy);
      if (d >= TWIN_GAP) return at[i]!;
      if (d === 0) [dx, dy] = [1, 0];
      const k = TWIN_GAP / (d || 1);
      return [px + dx * k, py + dy * k];
    });
  }

  private context(c: HTMLCanvasElement): CanvasRenderingContext2D {
    const ctx = c.getContext('2d')!;
    ctx.setTransform(this.dpr, 0, 0, this.dpr, 0, 0);
    return ctx;
  }

  /** Sea, land, the border line, routes and places: everything the dots move over. */
  private drawUnder(): void {
    const ctx = this.context(this.under);
    this.drawLand(ctx);
    this.drawRoutes(ctx);
    this.drawPlaces(ctx);
  }

  /** Sea, land, the country names and the border line. */
  private drawLand(ctx: CanvasRenderingContext2D): void {
    ctx.fillStyle = MAP.sea;
    ctx.fillRect(0, 0, this.width, this.height);
    const path = geoPath(this.projection, ctx);
    for (const f of this.basemap.land.features) {
      ctx.beginPath();
      path(f);
      ctx.fillStyle = MAP.land[f.properties.country] ?? '#eeeeee';
      ctx.fill();
      ctx.strokeStyle = MAP.coast;
      ctx.lineWidth = 1;
      ctx.stroke();
    }
    ctx.font = `bold 20px ${FONT_STACK}`;
    ctx.textAlign = 'center';
    ctx.fillStyle = 'rgba(0, 0, 0, 0.38)';
    for (const l of COUNTRY_LABELS) {
      const [x, y] = this.xy(l.lon, l.lat);
      ctx.fillText(l.text.split('').join('\u2009'), x, y);
    }
    ctx.beginPath();
    path(this.basemap.border);
    ctx.strokeStyle = '#ffffff';
    ctx.lineWidth = 6;
    ctx.stroke();
    ctx.setLineDash([10, 5]);
    ctx.strokeStyle = MAP.border;
    ctx.lineWidth = 3;
    ctx.stroke();
  }

  /** Routes, by mode: road solid, sea and river dashed, footpath dotted. */
  private drawRoutes(ctx: CanvasRenderingContext2D): void {
    const s = this.scenario;
    const where = new Map<string, XY>();
    s.origins.forEach((o, i) => where.set(o.id, this.originXY[i]!));
    s.hubs.forEach((h, i) => where.set(h.id, this.hubXY[i]!));
    s.crossings.forEach((c, i) => where.set(c.id, this.crossingXY[i]!));
    s.destinations.forEach((d, i) => where.set(d.id, this.destXY[i]!));
    const far = new Set(s.origins.filter((o) => o.far).map((o) => o.id));
    ctx.strokeStyle = MAP.route;
    ctx.lineWidth = 1.6;
    for (const r of s.routes) {
      if (far.has(r.from) || far.has(r.to)) continue;
      const a = where.get(r.from), b = where.get(r.to);
      if (!a || !b) continue;
      ctx.setLineDash(r.mode === 'path' ? [2, 4] : r.mode === 'road' ? [] : [8, 5]);
      ctx.beginPath();
      ctx.moveTo(a[0], a[1]);
      ctx.lineTo(b[0], b[1]);
      ctx.stroke();
    }
    ctx.setLineDash([]);
  }

  /** Origins (circles), hubs (diamonds) and places of work (squares). */
  private drawPlaces(ctx: CanvasRenderingContext2D): void {
    const s = this.scenario;
    ctx.lineWidth = 2;
    ctx.strokeStyle = MAP.ink;
    s.origins.forEach((o, i) => {
      if (o.far) return;
      const [x, y] = this.originXY[i]!;
      ctx.beginPath();
      ctx.arc(x, y, 6, 0, 2 * Math.PI);
      ctx.fillStyle = '#ffffff';
      ctx.fill();
      ctx.stroke();
    });
    for (const [x, y] of this.hubXY) {
      ctx.beginPath();
      ctx.moveTo(x, y - 8);
      ctx.lineTo(x + 8, y);
      ctx.lineTo(x, y + 8);
      ctx.lineTo(x - 8, y);
      ctx.closePath();
      ctx.fillStyle = MAP.muted;
      ctx.fill();
    }
    for (const [x, y] of this.destXY) {
      ctx.fillStyle = '#ffffff';
      ctx.fillRect(x - 7, y - 7, 14, 14);
      ctx.strokeRect(x - 7, y - 7, 14, 14);
      ctx.fillStyle = MAP.ink;
      ctx.fillRect(x - 3, y - 3, 6, 6);
    }
  }

  /**
   * Labels placed so none overlaps another or a symbol (src/report/label-placement.ts): posts
   * always, with a leader line where a label had to move away; places only where there is room
   * beside them. Type scales with the map (18px on a 960px-wide map).
   */
  private drawOver(): void {
    const ctx = this.context(this.over);
    ctx.clearRect(0, 0, this.width, this.height);
    const s = this.scenario;
    const px = Math.round(Math.max(12, Math.min(18, this.width / 53)));
    const symbol = ([x, y]: XY, r: number) => ({ x: x - r, y: y - r, w: 2 * r, h: 2 * r });
    const obstacles = [...this.crossingXY.map((p) => symbol(p, 9)), ...this.destXY.map((p) => symbol(p, 8)), ...this.hubXY.map((p) => symbol(p, 7))];
    const font = { post: `bold ${px}px ${FONT_STACK}`, dest: `italic ${px - 2}px ${FONT_STACK}`, hub: `${px - 2}px ${FONT_STACK}` };
    const items = [
      ...s.crossings.flatMap((c, i) => (c.kind === 'informal' ? [] : [{ id: `c${i}`, text: shortName(c.name), x: this.crossingXY[i]![0], y: this.crossingXY[i]![1], kind: 'post' as const }])),
      ...s.destinations.map((d, i) => ({ id: `d${i}`, text: shortName(d.name), x: this.destXY[i]![0], y: this.destXY[i]![1], kind: 'dest' as const, optional: true })),
      ...s.hubs.map((h, i) => ({ id: `h${i}`, text: shortName(h.name), x: this.hubXY[i]![0], y: this.hubXY[i]![1], kind: 'hub' as const, optional: true })),
    ];
    const kindOf = new Map(items.map((i) => [i.id, i.kind]));
    const placed = placeLabels(items, {
      fontSize: px,
      width: this.width,
      height: this.height,
      obstacles,
      gap: 11,
      pad: 2,
      measure: (text) => {
        const item = items.find((i) => i.text === text);
        ctx.font = font[item?.kind ?? 'post'];
        return ctx.measureText(text).width;
      },
    });
    this.labelBoxes = placed.map((l) => ({ text: l.text, ...l.box }));
    for (const l of placed) {
      const kind = kindOf.get(l.id)!;
      if (l.leader) {
        const [ex, ey] = nearestOnBox(l.box, l.x, l.y);
        ctx.strokeStyle = MAP.ink;
        ctx.lineWidth = 1.5;
        ctx.beginPath();
        ctx.moveTo(l.x, l.y);
        ctx.lineTo(ex, ey);
        ctx.stroke();
      }
      ctx.font = font[kind];
      ctx.textBaseline = 'middle';
      ctx.textAlign = 'left';
      ctx.lineJoin = 'round';
      ctx.lineWidth = 5;
      ctx.strokeStyle = 'rgba(255, 255, 255, 0.92)';
      ctx.strokeText(l.text, l.tx, l.ty);
      ctx.fillStyle = kind === 'post' ? MAP.ink : MAP.muted;
      ctx.fillText(l.text, l.tx, l.ty);
    }
  }

  /** The label boxes drawn (CSS pixels on the canvas), for tests. */
  labelBoxes: { text: string; x: number; y: number; w: number; h: number }[] = [];

  /** Names every crossing drawn, with its kind and position, in the hidden list and on the canvas. */
  private describe(): void {
    const s = this.scenario;
    this.list.replaceChildren(
      ...s.crossings.map((c, i) => {
        const li = document.createElement('li');
        const [x, y] = this.crossingXY[i]!;
        li.textContent = `${c.name} (${this.kindLabel(c.kind)})`;
        Object.assign(li.dataset, { id: c.id, kind: c.kind, x: x.toFixed(1), y: y.toFixed(1) });
        return li;
      }),
    );
    this.canvas.dataset.postCount = String(s.crossings.filter((c) => c.kind === 'post').length);
    this.canvas.dataset.crossingCount = String(s.crossings.length);
  }

  /** One frame: the week's movers `phase` (0–1) of the way along their leg. */
  draw(week: WeekReport | null, phase: number): void {
    const ctx = this.context(this.canvas);
    ctx.setTransform(1, 0, 0, 1, 0, 0);
    ctx.drawImage(this.under, 0, 0);
    ctx.setTransform(this.dpr, 0, 0, this.dpr, 0, 0);
    if (week) {
      this.drawHalos(ctx, week);
      this.drawDots(ctx, week, phase);
    }
    this.drawCrossings(ctx, week);
    ctx.setTransform(1, 0, 0, 1, 0, 0);
    ctx.drawImage(this.over, 0, 0);
  }

  /** A halo sized by the week's crossings at each crossing point, a ring by its interceptions. */
  private drawHalos(ctx: CanvasRenderingContext2D, week: WeekReport): void {
    const pc = week.perCrossing;
    this.crossingXY.forEach(([x, y], c) => {
      const base = c * CROSSING_SLOTS;
      const passed = pc[base + Outcome.regular]! + pc[base + Outcome.colluded]! + pc[base + Outcome.informal]!;
      const stopped = pc[base + Outcome.intercepted]!;
      if (passed > 0) {
        ctx.beginPath();
        ctx.arc(x, y, Math.min(44, 9 + 1.1 * Math.sqrt(passed)), 0, 2 * Math.PI);
        ctx.fillStyle = MAP.halo;
        ctx.fill();
      }
      if (stopped > 0) {
        ctx.beginPath();
        ctx.arc(x, y, Math.min(40, 11 + 1.1 * Math.sqrt(stopped)), 0, 2 * Math.PI);
        ctx.strokeStyle = MAP.intercept;
        ctx.lineWidth = 3;
        ctx.stroke();
      }
    });
  }

  /**
   * Travelling agents go from where they set off to their crossing; agents who crossed this
   * week go on from the crossing to where they will work. Each dot leaves a little later and
   * runs a little to the side of the line, both fixed per agent, so a flow reads as a stream.
   */
  private drawDots(ctx: CanvasRenderingContext2D, week: WeekReport, phase: number): void {
    const a = week.agents;
    ctx.lineWidth = 1;
    ctx.strokeStyle = '#1a1a1a';
    for (let k = 0; k < a.length; k += AGENT_STRIDE) {
      const [id, status, start, startNode, crossing, destination, look] = [a[k]!, a[k + 1]!, a[k + 2]!, a[k + 3]!, a[k + 4]!, a[k + 5]!, a[k + 6]!];
      const to = this.crossingXY[crossing];
      const from = status === Status.crossed ? to : start === 1 ? this.hubXY[startNode] : this.originXY[startNode];
      const end = status === Status.crossed ? this.destXY[destination] : to;
      if (!from || !end) continue;
      const delay = 0.35 * jitter(id, 1);
      const t = ease(Math.min(1, Math.max(0, (phase - delay) / 0.65)));
      const [dx, dy] = [end[0] - from[0], end[1] - from[1]];
      const len = Math.hypot(dx, dy) || 1;
      const side = (jitter(id, 2) - 0.5) * 16 * Math.sin(Math.PI * t);
      const x = from[0] + dx * t - (dy / len) * side;
      const y = from[1] + dy * t + (dx / len) * side;
      ctx.beginPath();
      ctx.arc(x, y, 5, 0, 2 * Math.PI);
      ctx.fillStyle = LOOKS[look]?.color ?? '#000000';
      ctx.fill();
      ctx.stroke();
    }
  }

  /** Posts (squares), the sea route (triangle), informal crossings (open circles); grey with a cross when closed. */
  private drawCrossings(ctx: CanvasRenderingContext2D, week: WeekReport | null): void {
    const s = this.scenario;
    s.crossings.forEach((c, i) => {
      const [x, y] = this.crossingXY[i]!;
      const open = week ? week.open[i] === 1 : c.kind === 'informal' || (c.operating && !!c.opens && c.opens <= s.start);
      const fill = open ? MAP.ink : MAP.closed;
      ctx.lineWidth = 2.5;
      ctx.strokeStyle = '#ffffff';
      ctx.fillStyle = fill;
      ctx.beginPath();
      if (c.kind === 'post') ctx.rect(x - 8, y - 8, 16, 16);
      else if (c.kind === 'sea') {
        ctx.moveTo(x, y - 10);
        ctx.lineTo(x + 10, y + 8);
        ctx.lineTo(x - 10, y + 8);
        ctx.closePath();
      } else {
        ctx.arc(x, y, 7, 0, 2 * Math.PI);
        ctx.fillStyle = '#ffffff';
        ctx.strokeStyle = fill;
      }
      ctx.fill();
      ctx.stroke();
      if (!open && c.kind !== 'informal') {
        ctx.strokeStyle = '#ffffff';
        ctx.lineWidth = 2.5;
        ctx.beginPath();
        ctx.moveTo(x - 5, y - 5);
        ctx.lineTo(x + 5, y + 5);
        ctx.moveTo(x + 5, y - 5);
        ctx.lineTo(x - 5, y + 5);
        ctx.stroke();
      }
    });
  }
}
