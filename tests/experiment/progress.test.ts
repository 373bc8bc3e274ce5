/** The non-terminal progress reporter: a line every tenth, elapsed and remaining time, resumed runs. */
import { describe, expect, it } from 'vitest';
import { formatDuration, progressReporter } from '../../src/experiment/progress.js';
import { localize } from '../../src/i18n/index.js';

function fake() {
  const lines: string[] = [];
  let t = 0;
  return { lines, tick: (ms: number) => (t += ms), reporter: progressReporter({ write: (l) => lines.push(l), now: () => t }) };
}

describe('progress', () => {
  it('prints a line at every tenth of the runs with elapsed and remaining time', () => {
    const f = fake();
    f.reporter.start(288);
    for (let i = 0; i < 288; i++) {
      f.tick(1000);
      f.reporter.increment();
    }
    f.reporter.stop();
    expect(f.lines).toHaveLength(10);
    expect(f.lines[0]).toBe('runs 29/288 (10%), 29s elapsed, about 4m19s left');
    expect(f.lines[1]).toBe('runs 58/288 (20%), 58s elapsed, about 3m50s left');
    expect(f.lines[9]).toBe('runs 288/288 (100%), 4m48s elapsed');
  });

  it('counts resumed runs as done but does not time them', () => {
    const f = fake();
    f.reporter.start(100, 45);
    expect(f.lines).toEqual(['runs: 45 of 100 already done, resuming']);
    for (let i = 0; i < 5; i++) {
      f.tick(2000);
      f.reporter.increment();
    }
    expect(f.lines[1]).toBe('runs 50/100 (50%), 10s elapsed, about 1m40s left');
  });

  it('prints at every run when there are fewer than ten, and at stop only if the last step did not', () => {
    const f = fake();
    f.reporter.start(3);
    f.reporter.increment();
    f.reporter.increment();
    f.reporter.stop();
    expect(f.lines).toEqual(['runs 1/3 (33%), 0s elapsed, about 0s left', 'runs 2/3 (66%), 0s elapsed, about 0s left']);
    const g = fake();
    g.reporter.start(25);
    for (let i = 0; i < 4; i++) g.reporter.increment();
    g.reporter.stop();
    expect(g.lines).toEqual(['runs 3/25 (12%), 0s elapsed, about 0s left', 'runs 4/25 (16%), 0s elapsed']);
  });

  it("speaks the reader's language, with its digit grouping", () => {
    const lines: string[] = [];
    let t = 0;
    const id = progressReporter({ write: (l) => lines.push(l), now: () => t, loc: localize('id') });
    id.start(12_000, 3_000);
    for (let i = 0; i < 1_800; i++) {
      t += 500;
      id.increment();
    }
    expect(lines).toEqual([
      'simulasi: 3.000 dari 12.000 sudah selesai, dilanjutkan',
      'simulasi 3.600/12.000 (30%), 5m00s berlalu, sekitar 1h10m lagi',
      'simulasi 4.800/12.000 (40%), 15m00s berlalu, sekitar 1h00m lagi',
    ]);
    const ms: string[] = [];
    const m = progressReporter({ write: (l) => ms.push(l), now: () => 0, loc: localize('ms') });
    m.start(2);
    m.increment();
    m.increment();
    expect(ms).toEqual(['larian 1/2 (50%), 0s berlalu, kira-kira 0s lagi', 'larian 2/2 (100%), 0s berlalu']);
  });

  it('formats durations', () => {
    expect(formatDuration(65_000)).toBe('1m05s');
    expect(formatDuration(42_400)).toBe('42s');
    expect(formatDuration(7_380_000)).toBe('2h03m');
  });
});
