/**
 * `npm run bench`: engine throughput on the baseline (full scale and --scale 20) next to the
 * bare-loop limit measured in the same run, the main comparison with 1 and 2 workers, and the
 * explorer's frame rate in Chromium, one process against shards of an experiment, written to
 * benchmarks/results.json.
 * Each model run is a child process so its peak memory is its own.
 */
import { execFileSync } from 'node:child_process';
import { cpus } from 'node:os';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { compare } from '../src/experiment/compare.js';
import { SPIN_UP_BUDGET_BYTES, variantsOf } from '../src/experiment/tasks.js';
import { SpinUps } from '../src/model/fork.js';
import { simulate } from '../src/model/model.js';
import { loadScenario } from '../src/scenario/load.js';
import { calibrationWave } from './calibration-wave.js';
import { convergence } from './convergence.js';
import { bareLoop, bareLoopTychei } from './bare-loop.js';
import { measureExplorerFps, type ExplorerFigures } from './explorer-fps.js';
import { measureShards } from './shards.js';

/**
 * Wall time of a whole `lintas` process (the built command): what a user waits for. The commands
 * take turns over 9 rounds (so that a slow spell of the host falls on all of them), median of each.
 */
function startup() {
  const commands = {
    nodeAlone: ['-e', '0'],
    version: ['bin/lintas.js', '--version'],
    validateJson: ['bin/lintas.js', 'validate', 'tests/fixtures/compare-small.json'],
    validateTs: ['bin/lintas.js', 'validate', 'scenarios/baseline.ts'],
  };
  const times = Object.fromEntries(Object.keys(commands).map((k) => [k, [] as number[]]));
  for (let round = 0; round < 9; round++)
    for (const [name, argv] of Object.entries(commands)) {
      const t0 = performance.now();
      execFileSync(process.execPath, argv, { stdio: 'ignore' });
      times[name]!.push((performance.now() - t0) / 1000);
    }
  const median = (name: string) => times[name]!.sort((a, b) => a - b)[4]!;
  return {
    note: 'seconds of wall time for the whole process, median of 9 taken in turns (bin/lintas.js, using dist/); nodeAlone: `node -e 0`, what this host takes to start Node itself',
    nodeAlone: median('nodeAlone'),
    version: median('version'),
    validateJson: median('validateJson'),
    validateTs: median('validateTs'),
  };
}

/** Wall time of `lintas run scenarios/baseline.ts --scale 20` as a user runs it (start-up, model, outputs), median of 5. */
function scale20Process() {
  const dir = mkdtempSync(join(tmpdir(), 'lintas-bench-run-'));
  const times = Array.from({ length: 5 }, () => {
    const t0 = performance.now();
    execFileSync(process.execPath, ['bin/lintas.js', 'run', 'scenarios/baseline.ts', '--scale', '20', '--out', dir], { stdio: 'ignore' });
    return (performance.now() - t0) / 1000;
  }).sort((a, b) => a - b);
  rmSync(dir, { recursive: true, force: true });
  return { command: 'lintas run scenarios/baseline.ts --scale 20 --out DIR', seconds: times[2]! };
}

/** The model against the bare loop, measured together: full scale, --scale 20, and a whole --scale 20 process. */
function modelFigures() {
  bareLoop(200_000, 5); // warm-up
  const bare = bareLoop(1_602_080, 313);
  const bareRate = bare.agentSteps / bare.seconds;
  bareLoopTychei(200_000, 5);
  const bareT = bareLoopTychei(1_602_080, 313);
  const full = modelRun(1);
  return {
    bareLoop: { draw: 'keyed (murmur3 finaliser of key, agent id, week)', agentSteps: bare.agentSteps, seconds: bare.seconds, agentStepsPerSecond: bareRate },
    bareLoopTychei: { draw: 'sequential seedrandom tychei stream', agentSteps: bareT.agentSteps, seconds: bareT.seconds, agentStepsPerSecond: bareT.agentSteps / bareT.seconds },
    baselineFullScale: { ...full, ratioToBareLoop: full.agentStepsPerSecond / bareRate },
    baselineScale20: modelRun(20),
    scale20Process: scale20Process(),
  };
}

// The command is timed as built (dist/): build it first, so that sources edited since the last build
// are not timed through tsx (bin/lintas.js runs them so when they are newer than the build).
execFileSync(process.execPath, ['scripts/build.mjs'], { stdio: 'inherit' });

// `npm run bench -- shards|startup|model`: measure only that and update its entries of results.json.
const only = process.argv[2];
if (only === 'shards' || only === 'startup' || only === 'model') {
  const previous = JSON.parse(readFileSync('benchmarks/results.json', 'utf8'));
  const figures = only === 'shards' ? { shards: await measureShards(4) } : only === 'startup' ? { startup: startup() } : modelFigures();
  Object.assign(previous, figures);
  writeFileSync('benchmarks/results.json', `${JSON.stringify(previous, null, 2)}\n`);
  process.stderr.write(`${only}: ${JSON.stringify(figures)}\n`);
  process.exit(0);
}

interface RunFigures {
  scale: number;
  weeks: number;
  agents: number;
  agentSteps: number;
  seconds: number;
  agentStepsPerSecond: number;
  peakRssMB: number;
}

function modelRun(scale: number): RunFigures {
  const out = execFileSync(process.execPath, ['--import', 'tsx', 'benchmarks/full-run.ts', 'scenarios/baseline.ts', String(scale)], {
    encoding: 'utf8',
    maxBuffer: 1 << 20,
  });
  return JSON.parse(out.trim().split('\n').pop()!) as RunFigures;
}

const log = (s: string) => process.stderr.write(`${s}\n`);

log('bare loop (1.6M agents x 313 weeks, one keyed draw each, as the engine draws departures), the baseline at full scale and at --scale 20...');
const model = modelFigures();
log(`  bare loop ${(model.bareLoop.agentStepsPerSecond / 1e6).toFixed(1)} M agent-steps/s (tychei stream: ${(model.bareLoopTychei.agentStepsPerSecond / 1e6).toFixed(1)})`);
log(`  full scale ${model.baselineFullScale.seconds.toFixed(2)} s, ${(model.baselineFullScale.agentStepsPerSecond / 1e6).toFixed(1)} M agent-steps/s, peak ${model.baselineFullScale.peakRssMB.toFixed(0)} MB`);
log(`  --scale 20 ${model.baselineScale20.seconds.toFixed(2)} s in the model, ${model.scale20Process.seconds.toFixed(2)} s as a whole process`);

/**
 * The main comparison (paper-interventions: its variants and the runs its decompositions add) x 6
 * replicates at --scale 20: the size of the README's main command (552 runs since the decompositions
 * are Shapley values; 288 before) and at least the 280 runs the speed target names.
 */
const COMPARE_REPLICATES = 6;
async function timeCompare(workers: number, file = 'scenarios/paper-interventions.ts', scale = 20, replicates = COMPARE_REPLICATES) {
  const dir = mkdtempSync(join(tmpdir(), 'lintas-bench-'));
  const t0 = performance.now();
  const c = await compare({ file, replicates, scale, workers, outDir: dir, resume: false });
  const seconds = (performance.now() - t0) / 1000;
  rmSync(dir, { recursive: true, force: true });
  const runs = c.variants.length * c.replicates;
  return { workers, runs, seconds, runsPerSecond: runs / seconds };
}
/**
 * What sharing spin-ups saves (model/fork.ts): the same runs in this thread, from scratch and
 * through one SpinUps, each timed after a warm-up pass so that both meet optimised code.
 */
async function spinUpReuse(count: number) {
  const variants = (await variantsOf('scenarios/paper-interventions.ts')).slice(0, count);
  const pass = (spinUps?: SpinUps) => {
    const t0 = performance.now();
    for (const v of variants) simulate(v.scenario, { seed: 1, scale: 20, spinUps });
    return (performance.now() - t0) / 1000;
  };
  pass();
  const secondsFromScratch = pass();
  const spinUps = new SpinUps(SPIN_UP_BUDGET_BYTES);
  const secondsReusing = pass(spinUps);
  return { scale: 20, runs: variants.length, secondsFromScratch, secondsReusing, reused: spinUps.hits, spinUpsRun: spinUps.misses };
}
/** Full-scale runs through compare: a small scenario (the baseline and 3 variants), 1 replicate, on 2 workers. */
const COMPARE_FULL_SCALE = 'tests/fixtures/compare-small.json';
log('main comparison with 1 worker...');
const compare1 = await timeCompare(1);
log(`  ${compare1.runs} runs in ${compare1.seconds.toFixed(1)} s`);
log('main comparison with 2 workers...');
const compare2 = await timeCompare(2);
log(`  ${compare2.runs} runs in ${compare2.seconds.toFixed(1)} s`);

log('a comparison at full scale (--scale 1) with 2 workers...');
const compareFull = await timeCompare(2, COMPARE_FULL_SCALE, 1, 1);
log(`  ${compareFull.runs} runs in ${compareFull.seconds.toFixed(1)} s`);

log('spin-up reuse: the first 24 paper variants in this thread, from scratch and sharing spin-ups...');
const reuse = await spinUpReuse(24);
log(`  ${reuse.runs} runs: ${reuse.secondsFromScratch.toFixed(1)} s from scratch, ${reuse.secondsReusing.toFixed(1)} s reusing ${reuse.reused} spin-ups (${reuse.spinUpsRun} run)`);

log('a calibration wave: 400 runs at --scale 20, a dozen parameters varied, 2 workers...');
const wave = await calibrationWave(400);
log(`  ${wave.runs} runs in ${wave.seconds.toFixed(1)} s: ${(wave.secondsPer2000 / 60).toFixed(1)} min for 2,000`);

log('start-up of the command...');
const start = startup();
log(`  --version ${start.version.toFixed(2)} s, validate .json ${start.validateJson.toFixed(2)} s, validate .ts ${start.validateTs.toFixed(2)} s (node -e 0: ${start.nodeAlone.toFixed(2)} s)`);

log('one process against 4 shards and a merge...');
const shards = await measureShards(4);
log(`  one process ${shards.oneProcessSeconds.toFixed(1)} s; shards ${shards.shardSeconds.map((x) => x.toFixed(1)).join(' + ')} s, merge ${shards.mergeSeconds.toFixed(1)} s`);

log('convergence over scales (5 seeds each)...');
const baselineScenario = await loadScenario('scenarios/baseline.ts');
const convergenceRows = convergence(baselineScenario, [1, 5, 20, 50], [1, 2, 3, 4, 5], log);

// The explorer's frame rate while it simulates the baseline at scale 20, measured in Chromium
// (benchmarks/explorer-fps.ts, which also writes benchmarks/artifacts/explorer.json).
log('explorer frame rate (Chromium)...');
let explorer: ExplorerFigures | null = null;
try {
  explorer = await measureExplorerFps();
  log(`  ${explorer.fps} fps, ${explorer.weeksPerSecond} weeks/s`);
} catch (e) {
  log(`  not measured: ${(e as Error).message.split('\n')[0]}`);
}

/** The speed targets of issue #16, each with the figure that answers it (from this run). */
const targets = {
  startUnderThreeTenthsOfASecond: { nodeAlone: start.nodeAlone, version: start.version, validateTs: start.validateTs, validateJson: start.validateJson, met: Math.max(start.version, start.validateTs, start.validateJson) < 0.3 },
  fullScaleWithinTwiceTheBareLoop: { costRatio: 1 / model.baselineFullScale.ratioToBareLoop, met: 1 / model.baselineFullScale.ratioToBareLoop <= 2 },
  scale20RunUnderOneSecond: { seconds: model.scale20Process.seconds, met: model.scale20Process.seconds < 1 },
  compareOf280RunsWithin30SecondsOn2Workers: { runs: compare2.runs, seconds: compare2.seconds, secondsFor280: (280 * compare2.seconds) / compare2.runs, met: compare2.runs >= 280 && compare2.seconds <= 30 },
  calibrationWaveOf2000RunsWithin15MinutesOn2Workers: { runs: wave.runs, seconds: wave.seconds, secondsFor2000: wave.secondsPer2000, met: wave.secondsPer2000 <= 15 * 60 },
};
log(`targets: ${Object.entries(targets).map(([k, v]) => `${k} ${v.met ? 'met' : 'NOT met'}`).join('; ')}`);

const results = {
  machine: { node: process.version, cpus: cpus().length, cpu: cpus()[0]?.model ?? 'unknown' },
  targets,
  ...model,
  compare: {
    scenario: 'scenarios/paper-interventions.ts',
    replicates: COMPARE_REPLICATES,
    scale: 20,
    oneWorker: compare1,
    twoWorkers: compare2,
    speedup: compare1.seconds / compare2.seconds,
    parallelEfficiency: compare1.seconds / (2 * compare2.seconds),
  },
  compareFullScale: { scenario: COMPARE_FULL_SCALE, replicates: 1, scale: 1, ...compareFull },
  spinUpReuse: reuse,
  calibrationWave: wave,
  startup: start,
  shards,
  convergence: { note: 'key totals of the baseline (persons, 2019–2024), mean and 95% interval over seeds 1–5, at each --scale', rows: convergenceRows },
  explorer,
};
writeFileSync('benchmarks/results.json', `${JSON.stringify(results, null, 2)}\n`);
log('wrote benchmarks/results.json');
