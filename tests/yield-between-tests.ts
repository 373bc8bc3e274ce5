/**
 * Setup for both suites: before each test, let the worker's event loop take its messages. Vitest
 * awaits tests through promises only, so a file of synchronous model runs can hold the loop for
 * minutes; the worker's progress reports to the main process then wait unanswered, and after 60 s
 * vitest fails the whole run with "Timeout calling onTaskUpdate". A timer then an immediate
 * always pass through the poll phase, where the answers arrive.
 */
import { beforeEach } from 'vitest';

beforeEach(async () => {
  await new Promise((resolve) => setTimeout(resolve, 0));
  await new Promise((resolve) => setImmediate(resolve));
});
