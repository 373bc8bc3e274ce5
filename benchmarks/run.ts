/**
 * `npm run bench`: engine throughput on the baseline (full scale and --scale 20) next to the
 * bare-loop limit measured in the same run, written to benchmarks/results.json.
 * Each model run is a child process so its peak memory is its own.
 */
import { execFileSync } from 'node:child_process';
import { cpus } from 'node:os';
import { writeFileSync } from 'node:fs';
import { bareLoop } from './bare-loop.js';

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

log('bare loop (1.6M agents x 313 weeks, one tychei draw each)...');
bareLoop(200_000, 5); // warm-up
const bare = bareLoop(1_602_080, 313);
const bareRate = bare.agentSteps / bare.seconds;
log(`  ${(bareRate / 1e6).toFixed(1)} M agent-steps/s`);

log('baseline at full scale...');
const full = modelRun(1);
log(`  ${full.seconds.toFixed(2)} s, ${(full.agentStepsPerSecond / 1e6).toFixed(1)} M agent-steps/s, peak ${full.peakRssMB.toFixed(0)} MB`);
log('baseline at --scale 20...');
const scaled = modelRun(20);
log(`  ${scaled.seconds.toFixed(2)} s`);

const results = {
  machine: { node: process.version, cpus: cpus().length, cpu: cpus()[0]?.model ?? 'unknown' },
  bareLoop: { agentSteps: bare.agentSteps, seconds: bare.seconds, agentStepsPerSecond: bareRate },
  baselineFullScale: { ...full, ratioToBareLoop: full.agentStepsPerSecond / bareRate },
  baselineScale20: scaled,
};
writeFileSync('benchmarks/results.json', JSON.stringify(results, null, 2) + '\n');
log('wrote benchmarks/results.json');
