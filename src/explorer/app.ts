/**
 * The explorer page. The worker simulates; this thread only animates. Weeks arrive from the
 * worker into the Playback clock (state.ts, driven by the player of controls.ts); a
 * requestAnimationFrame loop moves the clock on, draws the current week's movers part of the
 * way along their legs, and feeds totals and charts (render.ts).
 */
import type { Basemap } from '../report/basemap.js';
import { isLang, langOf, localize, type Locale } from '../i18n/index.js';
import { parseScenario } from '../scenario/parse.js';
import { Player } from './controls.js';
import { View } from './render.js';
import { RunState } from './state.js';

export type { Stats } from './state.js';

/**
 * The page's language: ?lang= when the switch has set it, else the browser's (navigator.languages),
 * else English. The switch reloads the page in the language chosen.
 */
function pageLocale(): Locale {
  const asked = new URLSearchParams(location.search).get('lang');
  return localize(asked && isLang(asked) ? asked : langOf(navigator.languages?.length ? navigator.languages : [navigator.language ?? 'en']));
}

/** The static page text (elements marked data-i18n, labels marked data-i18n-aria) in the page's language, and the switch. */
function translatePage(loc: Locale): void {
  document.documentElement.lang = loc.lang;
  for (const el of document.querySelectorAll<HTMLElement>('[data-i18n]')) el.textContent = loc.t(el.dataset.i18n!);
  for (const el of document.querySelectorAll<HTMLElement>('[data-i18n-aria]')) el.setAttribute('aria-label', loc.t(el.dataset.i18nAria!));
  const select = document.getElementById('lang') as HTMLSelectElement | null;
  if (!select) return;
  select.value = loc.lang;
  select.addEventListener('change', () => {
    const url = new URL(location.href);
    url.searchParams.set('lang', select.value);
    location.assign(url.toString());
  });
}

const loc = pageLocale();

/** Each frame: the clock moves on, the weeks that came into view are added, the page is drawn. */
function animate(state: RunState, view: View, player: Player): void {
  let last = performance.now();
  view.startFps(last);
  const frame = (now: number): void => {
    const dt = Math.min(0.1, (now - last) / 1000);
    last = now;
    const speed = player.speed();
    for (const w of state.clock.advance(dt, speed)) {
      state.add(w);
      view.push(w, state);
    }
    if (state.playing && state.clock.atEnd) player.setPlaying(false);
    player.requestAhead();
    view.draw(now, state, speed);
    state.endFrame(now);
    requestAnimationFrame(frame);
  };
  requestAnimationFrame(frame);
}

async function main(): Promise<void> {
  translatePage(loc);
  const [scenarioData, basemap] = await Promise.all([
    fetch('/scenario.json').then((r) => r.json() as Promise<unknown>),
    fetch('/basemap.json').then((r) => r.json() as Promise<Basemap>),
    // The map's labels are drawn on a canvas, which does not wait for web fonts by itself.
    document.fonts.load(`18px 'DejaVu Sans'`),
    document.fonts.load(`bold 18px 'DejaVu Sans'`),
  ]);
  const scenario = parseScenario(scenarioData);
  const view = await View.create(scenario, basemap, loc);
  const state = new RunState();
  const player = new Player(state, view, scenario, scenarioData, loc);
  window.__lintasStats = state.stats;
  window.__lintas = {
    totals: () => ({ ...state.totals }),
    chartRows: () => view.chartRows(),
    mapLabels: () => view.map.labelBoxes,
    ready: false,
  };
  player.reset();
  animate(state, view, player);
  window.__lintas.ready = true;
}

main().catch((e: unknown) => {
  const el = document.getElementById('message');
  if (el) el.textContent = loc.t('explorer.couldNotStart', { message: e instanceof Error ? e.message : String(e) });
  throw e;
});
