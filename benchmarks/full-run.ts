/** Runs one scenario in this process and prints wall time, peak memory and agent-steps as JSON (for run.ts). */
import { simulate } from '../src/model/model.js';
import { loadScenario } from '../src/scenario/load.js';

const [file = 'scenarios/baseline.ts', scaleArg = '1'] = process.argv.slice(2);
const scenario = await loadScenario(file);
const t0 = performance.now();
let agentSteps = 0;
const model = simulate(scenario, { seed: scenario.seed, scale: Number(scaleArg), onWeek: (_t, m) => (agentSteps += m.state.migrants.count) });
const seconds = (performance.now() - t0) / 1000;
process.stdout.write(
  `${JSON.stringify({
    scale: Number(scaleArg),
    weeks: model.week,
    agents: model.state.migrants.count,
    agentSteps,
    seconds,
    agentStepsPerSecond: agentSteps / seconds,
    peakRssMB: process.resourceUsage().maxRSS / 1024,
  })}\n`,
);
