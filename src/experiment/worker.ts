/**
 * Worker-thread entry (through worker-entry.mjs): runs one task. A user's mistake found while
 * running (a bad override) comes back as its lines, since an Error subclass does not survive the
 * trip between threads; the executor throws it again as a UserError.
 */
import { UserError } from '../core/errors.js';
import { runTask, type Task } from './tasks.js';

export default async function run(task: Task) {
  try {
    return await runTask(task);
  } catch (e) {
    if (e instanceof UserError) return { userError: e.lines };
    throw e;
  }
}
