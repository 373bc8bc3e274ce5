/** Worker-thread entry (through worker-entry.mjs): runs one task. */
import { runTask, type Task } from './tasks.js';

export default function run(task: Task) {
  return runTask(task);
}
