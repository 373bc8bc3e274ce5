/**
 * Runs one scenario in this process and prints, as JSON (for run.ts): wall time, peak memory,
 * agent-steps, and the time each weekly phase takes (the spin-up included).
 */
import { PHASES } from '../src/model/model.js';
import { createWorld } from '../src/model/state.js';
import { initPopulation } from '../src/model/population.js';
import { registryFor } from '../src/model/interventions/index.js';
import { loadScenario } from '../src/scenario/load.js';

const [file = 'scenarios/baseline.ts', scaleArg = '1'] = process.argv.slice(2);
const scenario = await loadScenario(file);
const scale = Number(scaleArg);
const t0 = performance.now();
// The same construction and weekly order as createModel, with a clock around each phase.
const w = createWorld(scenario, scenario.seed, scale, registryFor(scenario.extensions));
initPopulation(w);
const init = (performance.now() - t0) / 1000;
const phaseSeconds: Record<string, number> = Object.fromEntries(PHASES.map((p) => [p.name, 0]));
let agentSteps = 0;
while (w.tick < w.fixed.geo.weeks) {
  const t = w.tick;
  for (const phase of PHASES) {
    const a = performance.now();
    phase.run(w, t);
    phaseSeconds[phase.name]! += (performance.now() - a) / 1000;
  }
  agentSteps += w.agents.migrants.count;
}
const seconds = (performance.now() - t0) / 1000;
process.stdout.write(
  `${JSON.stringify({
    scale,
    weeks: w.fixed.geo.weeks,
    spinUpWeeks: w.fixed.geo.spinUp,
    agents: w.agents.migrants.count,
    agentSteps,
    seconds,
    initSeconds: init,
    agentStepsPerSecond: agentSteps / seconds,
    phaseSeconds: Object.fromEntries(Object.entries(phaseSeconds).map(([k, v]) => [k, Number(v.toFixed(3))])),
    peakRssMB: process.resourceUsage().maxRSS / 1024,
  })}\n`,
);
