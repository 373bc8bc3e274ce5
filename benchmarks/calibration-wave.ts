/**
 * One calibration wave: runs at --scale 20 that differ in a dozen parameters (points of a Sobol
 * design over their scenario ranges), each with its own seed, through the executor on 2 workers,
 * as `lintas calibrate` runs them. Timed for `runs` runs and scaled to the 2,000 of the target.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { execute } from '../src/experiment/executor.js';
import { sobolPoints } from '../src/experiment/sensitivity/sobol-sequence.js';
import { type Task, variantsOf } from '../src/experiment/tasks.js';

/** Dynamic parameters a wave varies (observation parameters would not change the runs' cost). */
const PARAMS = ['h0', 'raidRateSabah', 'raidRateSarawak', 'deportBatchSabah', 'deportBatchSarawak', 'brokerCapacityPerMonth', 'brokerEntryRate', 'brokerExitRate', 'irregularLeverage', 'denunciationThreat', 'ngoOutreach', 'selfReport'];

export interface WaveFigures {
  runs: number;
  scale: number;
  workers: number;
  parameters: number;
  seconds: number;
  secondsPer2000: number;
}

export async function calibrationWave(runs: number, workers = 2): Promise<WaveFigures> {
  const file = 'scenarios/baseline.ts';
  const ranges = (await variantsOf(file))[0]!.scenario.paramRanges;
  const points = sobolPoints(runs, PARAMS.length);
  const tasks: Task[] = points.map((u, i) => ({
    file,
    variant: -1,
    overrides: PARAMS.map((name, d) => {
      const [lo, hi] = ranges[name]!;
      return [`params.${name}`, lo + u[d]! * (hi - lo)];
    }),
    point: i,
    replicate: 0,
    seed: 1000 + i,
    scale: 20,
  }));
  const dir = mkdtempSync(join(tmpdir(), 'lintas-wave-'));
  const t0 = performance.now();
  await execute(tasks, { outDir: dir, workers, resume: false, manifest: { kind: 'bench-wave', runs }, rows: () => '', header: '', partialName: 'wave.partial.csv' });
  const seconds = (performance.now() - t0) / 1000;
  rmSync(dir, { recursive: true, force: true });
  return { runs, scale: 20, workers, parameters: PARAMS.length, seconds, secondsPer2000: (seconds * 2000) / runs };
}
