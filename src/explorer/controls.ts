/**
 * The player: the play, step and reset buttons, the seed, the speed, and the keys that press them;
 * the panels of ui.ts (interventions, stage) reset the run when one changes. Each reset starts a
 * fresh run in the worker, which simulates; the player asks it for the weeks the clock wants next.
 */
import type { Locale } from '../i18n/index.js';
import type { Scenario } from '../scenario/parse.js';
import type { FromWorker, RunConfig, ToWorker } from './protocol.js';
import type { View } from './render.js';
import type { RunState } from './state.js';
import { $, type Controls, buildControls } from './ui.js';

/** Persons per agent: the `--scale 20` the issue asks the explorer to run at. */
const SCALE = 20;

export class Player {
  private readonly worker = new Worker('/worker.js', { type: 'module' });
  private readonly seedInput = $<HTMLInputElement>('seed');
  private readonly speedSelect = $<HTMLSelectElement>('speed');
  private readonly playButton = $<HTMLButtonElement>('play');
  private readonly message = $('message');
  private readonly controls: Controls;

  constructor(
    private readonly state: RunState,
    private readonly view: View,
    private readonly scenario: Scenario,
    /** The scenario as the page fetched it: the worker parses its own copy. */
    private readonly scenarioData: unknown,
    private readonly loc: Locale,
  ) {
    this.seedInput.value = String(scenario.seed);
    $('scale-note').textContent = loc.t('explorer.scaleNote', { scale: SCALE, scenario: scenario.name, start: loc.date(scenario.start), end: loc.date(scenario.end) });
    this.controls = buildControls(scenario, () => this.reset(), loc);
    this.worker.onmessage = (e: MessageEvent<FromWorker>) => this.receive(e.data);
    this.worker.onerror = (e) => {
      this.message.textContent = loc.t('explorer.stopped', { message: e.message });
    };
    this.bindButtons();
  }

  private send(m: ToWorker): void {
    this.worker.postMessage(m);
  }

  private receive(m: FromWorker): void {
    const { clock } = this.state;
    if (m.run !== this.state.run) return;
    if (m.type === 'ready') clock.horizon = m.weeks;
    else if (m.type === 'week') clock.receive(m);
    else {
      this.message.textContent = this.loc.t('explorer.couldNotRun', { message: m.message });
      this.setPlaying(false);
    }
  }

  /** The run the controls ask for now; a seed that is not one is shown as the scenario's, which runs. */
  private config(): RunConfig {
    const { seedInput, scenario } = this;
    let seed = Number(seedInput.value);
    if (seedInput.value.trim() === '' || !Number.isSafeInteger(seed) || seed < 0) {
      // Show the seed that actually runs rather than keep a value that was ignored.
      seed = scenario.seed;
      seedInput.value = String(seed);
    }
    return {
      seed,
      scale: SCALE,
      interventions: this.controls.interventions(),
      stage: this.controls.stage(),
    };
  }

  /** A fresh world with the controls as they are now; keeps playing if it was. */
  reset(): void {
    const run = this.state.next();
    this.view.clear();
    this.message.textContent = '';
    if (this.state.playing) this.state.startStats(performance.now());
    this.send({ type: 'init', run, scenarioData: this.scenarioData, config: this.config() });
  }

  setPlaying(on: boolean): void {
    const { state } = this;
    state.setPlaying(on);
    this.playButton.textContent = this.loc.t(on ? 'explorer.pause' : 'explorer.play');
    this.playButton.setAttribute('aria-pressed', String(on));
    if (on) {
      if (state.clock.atEnd) this.reset();
      state.clock.play();
      state.startStats(performance.now());
    } else state.clock.pause();
  }

  /** Weeks per second, from the speed select; Infinity at 'max'. */
  speed(): number {
    return this.speedSelect.value === 'max' ? Infinity : Number(this.speedSelect.value);
  }

  /** Asks for the weeks the clock wants next, in small batches so a reset never waits on a long one. */
  requestAhead(): void {
    const { state } = this;
    for (let n = state.clock.request(this.speed()); n > 0; n -= 16) this.send({ type: 'step', run: state.run, count: Math.min(16, n) });
  }

  private bindButtons(): void {
    $('play').addEventListener('click', () => this.setPlaying(!this.state.playing));
    $('step').addEventListener('click', () => {
      if (this.state.playing) this.setPlaying(false);
      this.state.clock.step();
    });
    $('reset').addEventListener('click', () => this.reset());
    this.seedInput.addEventListener('change', () => this.reset());
    // For a presenter's clicker or keyboard: Space plays or pauses, → or Page Down steps, R resets.
    // Form controls keep their own keys.
    document.addEventListener('keydown', (e) => {
      if (e.target instanceof HTMLInputElement || e.target instanceof HTMLSelectElement || e.target instanceof HTMLButtonElement) return;
      if (e.ctrlKey || e.metaKey || e.altKey) return;
      const button = e.key === ' ' ? 'play' : e.key === 'ArrowRight' || e.key === 'PageDown' ? 'step' : e.key === 'r' || e.key === 'R' ? 'reset' : null;
      if (!button) return;
      e.preventDefault();
      $(button).click();
    });
  }
}
