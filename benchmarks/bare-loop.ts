/**
 * The practical limit: a bare struct-of-arrays loop over the same number of agents that makes
 * the same weekly random draw as the engine's departure decision (a keyed draw per agent and
 * week) and compares it with a per-agent hazard — the least work a weekly decision can cost in
 * JavaScript. `bareLoopTychei` does the same with a sequential tychei stream, for reference.
 */
import { keyedUniform, stream, streamKey } from '../src/core/rng.js';

export function bareLoop(agents: number, weeks: number): { agentSteps: number; seconds: number; departures: number } {
  const hazard = new Float32Array(agents);
  const status = new Uint8Array(agents);
  const key = streamKey(1, 'departure');
  for (let i = 0; i < agents; i++) hazard[i] = 0.0005 * (1 + (i % 7) / 7);
  let departures = 0;
  const t0 = performance.now();
  for (let t = 0; t < weeks; t++) {
    for (let i = 0; i < agents; i++) {
      if (status[i] === 0 && keyedUniform(key, i, t) < hazard[i]!) departures++;
    }
  }
  const seconds = (performance.now() - t0) / 1000;
  return { agentSteps: agents * weeks, seconds, departures };
}

export function bareLoopTychei(agents: number, weeks: number): { agentSteps: number; seconds: number; departures: number } {
  const hazard = new Float32Array(agents);
  const status = new Uint8Array(agents);
  const r = stream(1, 'bare');
  for (let i = 0; i < agents; i++) hazard[i] = 0.0005 * (1 + (i % 7) / 7);
  const next = r.next;
  let departures = 0;
  const t0 = performance.now();
  for (let t = 0; t < weeks; t++) {
    for (let i = 0; i < agents; i++) {
      if (status[i] === 0 && next() < hazard[i]!) {
        departures++;
      }
    }
  }
  const seconds = (performance.now() - t0) / 1000;
  return { agentSteps: agents * weeks, seconds, departures };
}
