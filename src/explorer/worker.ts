/**
 * The simulation thread. The page sends 'init' (scenario data and the controls) and 'step'
 * (how many more weeks it wants); the worker answers with one 'week' message per simulated
 * week. The page paces the run, so the worker never runs ahead of what is asked for.
 */
import { Run } from './engine.js';
import type { FromWorker, ToWorker } from './protocol.js';

/** The parts of the worker global we use (the project's lib is DOM, not WebWorker). */
interface WorkerScope {
  onmessage: ((e: MessageEvent<ToWorker>) => void) | null;
  postMessage(message: FromWorker, transfer?: Transferable[]): void;
}
const scope = self as unknown as WorkerScope;

let run: Run | undefined;

/** A scenario that fails validation throws a UserError whose message is its problem lines. */
const describe = (e: unknown): string => (e instanceof Error ? e.message : String(e));

scope.onmessage = (e) => {
  const msg = e.data;
  if (msg.type === 'init') {
    run = undefined;
    try {
      run = new Run(msg.scenarioData, msg.config, msg.run);
      scope.postMessage({ type: 'ready', run: msg.run, weeks: run.weeks, start: run.scenario.start });
    } catch (err) {
      scope.postMessage({ type: 'error', run: msg.run, message: describe(err) });
    }
    return;
  }
  // A step for a run that has since been reset is dropped: the page has moved on.
  if (!run || run.id !== msg.run) return;
  for (let i = 0; i < msg.count; i++) {
    const r = run.step();
    if (!r) break;
    scope.postMessage({ type: 'week', ...r }, [r.agents.buffer, r.perCrossing.buffer, r.open.buffer]);
  }
};
