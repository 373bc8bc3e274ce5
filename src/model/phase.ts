/**
 * A phase of the weekly schedule with its reach: the parts of the World (state.ts) it reads and
 * the parts it writes. Each phase module declares its phases near its top, so a reader sees what a
 * phase may touch before its code; tests/model/phases.test.ts runs every phase and fails if one
 * reads or writes a part it did not declare.
 */
import type { Phase } from '../core/schedule.js';
import type { Part, World } from './state.js';

/** The parts a phase reads (and does not write), and the parts it writes (and may read). */
export interface Reach {
  readonly reads: readonly Part[];
  readonly writes: readonly Part[];
}

/** A phase of the model's schedule, with its reach. */
export interface ModelPhase extends Phase<World>, Reach {}

/** A named phase that runs `run` once a week and touches only the parts in `reach`. */
export function definePhase(name: string, reach: Reach, run: (w: World) => void): ModelPhase {
  return { name, reads: reach.reads, writes: reach.writes, run: (w) => run(w) };
}
