/**
 * Progress of long work where nobody watches a terminal (CI logs, a pipe, a batch job): a line
 * at every tenth of the runs, e.g. "runs 29/288 (10%), 1m05s elapsed, about 9m45s left", in the
 * reader's language (compare --lang). Runs already done when it starts (a --resume) count as done
 * and are not timed. The clock is read here only to report, never in the simulation.
 */
import { localize, type Locale } from '../i18n/index.js';

export interface ProgressReporter {
  /** Begins: `total` runs, of which `done` are already finished (resumed). */
  start(total: number, done?: number): void;
  /** One more run finished. */
  increment(): void;
  /** Ends: prints the last line if the last step did not. */
  stop(): void;
}

export interface ProgressOptions {
  /** Where lines go (default: stderr). */
  write?: (line: string) => void;
  /** Milliseconds since some origin (default: Date.now). */
  now?: () => number;
  /** What is counted (default "runs", in the language). */
  label?: string;
  /** The language of the lines (default English). */
  loc?: Locale;
  /** Share of the total between lines (default 0.1). */
  every?: number;
}

/** "1m05s", "2h03m", "42s". */
export function formatDuration(ms: number): string {
  const s = Math.max(0, Math.round(ms / 1000));
  if (s < 60) return `${s}s`;
  const m = Math.floor(s / 60);
  if (m < 60) return `${m}m${String(s % 60).padStart(2, '0')}s`;
  return `${Math.floor(m / 60)}h${String(m % 60).padStart(2, '0')}m`;
}

export function progressReporter(o: ProgressOptions = {}): ProgressReporter {
  const write = o.write ?? ((line: string) => process.stderr.write(`${line}\n`));
  const now = o.now ?? Date.now;
  const loc = o.loc ?? localize();
  const label = o.label ?? loc.t('progress.runs');
  const every = o.every ?? 0.1;
  let total = 0;
  let done = 0;
  let resumed = 0;
  let t0 = 0;
  let nextMark = 0;
  let lastPrinted = -1;
  const line = (final = false) => {
    const elapsed = now() - t0;
    const timed = done - resumed;
    const left = !final && timed > 0 && done < total ? loc.t('progress.left', { time: formatDuration((elapsed / timed) * (total - done)) }) : '';
    const pct = total ? Math.floor((100 * done) / total) : 100;
    write(loc.t('progress.line', { label, done: loc.int(done), total: loc.int(total), pct, elapsed: formatDuration(elapsed), left }));
    lastPrinted = done;
  };
  const step = () => Math.max(1, Math.ceil(total * every));
  return {
    start(n, already = 0) {
      total = n;
      done = resumed = Math.min(already, n);
      t0 = now();
      lastPrinted = -1;
      // The first mark is the next multiple of the step above what is already done.
      nextMark = (Math.floor(done / step()) + 1) * step();
      if (done > 0) write(loc.t('progress.resuming', { label, done: loc.int(done), total: loc.int(total) }));
    },
    increment() {
      done++;
      if (done >= nextMark || done === total) {
        line();
        while (nextMark <= done) nextMark += step();
      }
    },
    stop() {
      if (lastPrinted !== done && total > 0) line(true);
    },
  };
}
