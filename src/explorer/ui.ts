/**
 * The page's panels: intervention sliders and the stage select, the running totals, and the
 * legend. They only read and show values; controls.ts decides what a change means.
 */
import { STAGES, stageOn, type Stage } from '../model/cooperation.js';
import { BUILTIN, textIn } from '../model/interventions/index.js';
import { colourOf } from '../report/palette.js';
import type { Scenario } from '../scenario/parse.js';
import type { Locale } from '../i18n/index.js';
import { CROSSING_CHANNELS, LOOKS, MAP } from './palette.js';

/** The page's element with this id. */
export const $ = <T extends HTMLElement>(id: string) => document.getElementById(id) as T;

export interface Controls {
  interventions(): Partial<Record<string, number>>;
  /** The stage chosen, or null while the scenario's own stages are left alone. */
  stage(): Stage | null;
}

/** Builds one slider per intervention and the stage select; `onChange` fires when one is let go. */
export function buildControls(s: Scenario, onChange: () => void, loc: Locale): Controls {
  const { t } = loc;
  const box = $('interventions');
  const sliders = new Map<string, HTMLInputElement>();
  for (const def of BUILTIN.definitions) {
    const kind = def.kind;
    const row = document.createElement('div');
    row.className = 'slider';
    const id = `iv-${kind}`;
    const value = document.createElement('span');
    value.className = 'value';
    value.textContent = loc.fixed(0, 1);
    const label = document.createElement('label');
    label.htmlFor = id;
    label.title = textIn(def.meaning, loc.lang);
    const name = document.createElement('span');
    name.textContent = textIn(def.label, loc.lang);
    if (def.bilateral) {
      const tag = document.createElement('span');
      tag.className = 'tag';
      tag.textContent = t('explorer.bilateral');
      name.append(tag);
    }
    label.append(name, value);
    const input = Object.assign(document.createElement('input'), { type: 'range', id, min: '0', max: '1', step: '0.1', value: '0' });
    input.dataset.kind = kind;
    input.setAttribute('aria-describedby', `${id}-v`);
    value.id = `${id}-v`;
    // The number follows the thumb; the run restarts only once the slider is let go.
    input.addEventListener('input', () => (value.textContent = loc.fixed(Number(input.value), 1)));
    input.addEventListener('change', onChange);
    row.append(label, input);
    box.append(row);
    sliders.set(kind, input);
  }

  const stage = $<HTMLSelectElement>('stage');
  const own = stageOn(s.stages, s.start);
  for (const st of STAGES) {
    const opt = document.createElement('option');
    opt.value = st;
    opt.textContent = t(`stage.${st}`);
    opt.selected = st === own;
    stage.append(opt);
  }
  let stageTouched = false;
  stage.addEventListener('change', () => {
    stageTouched = true;
    onChange();
  });

  return {
    interventions: () => Object.fromEntries([...sliders].map(([k, el]) => [k, Number(el.value)])),
    stage: () => (stageTouched ? (stage.value as Stage) : null),
  };
}

const totalsRows = ({ t }: Locale): { metric: string; label: string; color?: string }[] => [
  { metric: 'departures', label: t('explorer.totals.departures') },
  ...CROSSING_CHANNELS.map((c) => ({ metric: c.metric, label: t('explorer.totals.crossed', { channel: t(`explorer.channel.${c.metric}`) }), color: c.color })),
  { metric: 'interceptions', label: t('explorer.totals.interceptions') },
  { metric: 'trafficked', label: t('explorer.totals.trafficked'), color: colourOf('trafficked') },
  { metric: 'identified', label: t('explorer.totals.identified'), color: colourOf('identified') },
  { metric: 'deportations', label: t('explorer.totals.deportations') },
];

export class TotalsPanel {
  private cells = new Map<string, HTMLElement>();
  private share: HTMLElement;

  constructor(private readonly loc: Locale) {
    const dl = $('totals');
    const TOTALS = totalsRows(loc);
    for (const t of TOTALS) {
      const dt = document.createElement('dt');
      if (t.color) {
        const sw = document.createElement('span');
        sw.className = 'swatch';
        sw.style.background = t.color;
        dt.append(sw);
      }
      dt.append(t.label);
      const dd = document.createElement('dd');
      dd.dataset.metric = t.metric;
      this.cells.set(t.metric, dd);
      dl.append(dt, dd);
    }
    this.share = document.createElement('span');
    this.share.className = 'sub';
    const dt = [...dl.querySelectorAll('dt')][TOTALS.findIndex((t) => t.metric === 'identified')]!;
    dt.append(' ', this.share);
    this.show({});
  }

  /** Shows running totals (persons since the start of the run). */
  show(totals: Record<string, number>): void {
    for (const [metric, el] of this.cells) {
      const v = totals[metric] ?? 0;
      el.textContent = this.loc.int(v);
      el.dataset.value = String(v);
    }
    const t = totals.trafficked ?? 0;
    this.share.textContent = t > 0 ? `(${this.loc.fixed((100 * (totals.identified ?? 0)) / t, 0)}%)` : '';
  }
}

const svg = (body: string) => `<svg width="26" height="26" viewBox="-13 -13 26 26" aria-hidden="true">${body}</svg>`;

/** The key to every mark on the map. */
export function buildLegend({ t }: Locale): void {
  const l = (key: string) => t(`explorer.legend.${key}`);
  const groups: [string, [string, string][]][] = [
    [l('moving'), LOOKS.map((look) => [svg(`<circle r="6" fill="${look.color}" stroke="#1a1a1a"/>`), t(`explorer.look.${look.key}`)])],
    [
      l('crossings'),
      [
        [svg(`<rect x="-8" y="-8" width="16" height="16" fill="${MAP.ink}"/>`), l('post')],
        [svg(`<path d="M0 -10 L10 8 L-10 8 Z" fill="${MAP.ink}"/>`), l('sea')],
        [svg(`<circle r="7" fill="#fff" stroke="${MAP.ink}" stroke-width="2.5"/>`), l('footpath')],
        [svg(`<rect x="-8" y="-8" width="16" height="16" fill="${MAP.closed}"/><path d="M-5 -5 L5 5 M5 -5 L-5 5" stroke="#fff" stroke-width="2.5"/>`), l('closed')],
        [svg(`<circle r="11" fill="${MAP.halo}"/>`), l('crossed')],
        [svg(`<circle r="10" fill="none" stroke="${MAP.intercept}" stroke-width="3"/>`), l('stopped')],
      ],
    ],
    [
      l('places'),
      [
        [svg(`<circle r="6" fill="#fff" stroke="${MAP.ink}" stroke-width="2"/>`), l('origin')],
        [svg(`<path d="M0 -8 L8 0 L0 8 L-8 0 Z" fill="${MAP.muted}"/>`), l('hub')],
        [svg(`<rect x="-7" y="-7" width="14" height="14" fill="#fff" stroke="${MAP.ink}" stroke-width="2"/><rect x="-3" y="-3" width="6" height="6" fill="${MAP.ink}"/>`), l('work')],
        [svg(`<path d="M-12 0 H12" stroke="${MAP.border}" stroke-width="3" stroke-dasharray="7 4"/>`), l('border')],
      ],
    ],
  ];
  $('legend').innerHTML = groups
    .map(([title, items]) => `<div class="group"><span class="group-title">${title}</span>${items.map(([icon, label]) => `<span class="item">${icon}${label}</span>`).join('')}</div>`)
    .join('');
}
