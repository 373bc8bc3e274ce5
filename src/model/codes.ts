/** Numeric codes stored in the agent tables, and their names for outputs. */

export const Status = {
  home: 0,
  preparing: 1,
  recruited: 2,
  travelling: 3,
  crossed: 4,
  workingRegular: 5,
  workingIrregular: 6,
  exploited: 7,
  identified: 8,
  detained: 9,
  deported: 10,
  returned: 11,
} as const;
export const STATUS_NAMES = Object.keys(Status) as (keyof typeof Status)[];
export const STATUS_COUNT = STATUS_NAMES.length;

export const Docs = { none: 0, passport: 1, borderPass: 2, fraudulent: 3 } as const;

export const Channel = { none: 0, procedural: 1, broker: 2, kin: 3 } as const;

/** How a crossing attempt ended, for per-post counts. */
export const Outcome = { regular: 0, colluded: 1, informal: 2, intercepted: 3 } as const;
export const OUTCOME_NAMES = ['regular', 'colluded', 'informal', 'intercepted'] as const;
/**
 * Slots per crossing and week in the per-crossing table: the four outcomes, then border-resident
 * visits, victims identified at the crossing, deportees returned through it, and people
 * trafficked this week who had crossed there (counted in the week they are trafficked).
 */
export const VISIT_SLOT = 4;
export const IDENTIFIED_SLOT = 5;
export const DEPORTED_SLOT = 6;
export const TRAFFICKED_SLOT = 7;
export const CROSSING_SLOTS = 8;

export const NO_ID = -1;

/** Where a case stands. A suspect who fled waits abroad for return (or escapes: closed). */
export const CaseStage = { investigation: 0, prosecution: 1, closed: 2, suspectAbroad: 3 } as const;

/** The evidence held in Malaysia for a cross-border case. */
export const Evidence = { notNeeded: 0, pending: 1, arrived: 2, failed: 3 } as const;

/** Where a victim was identified: at the border (posts, patrols), in Malaysia, or at deportation. */
export const Place = { border: 0, malaysia: 1, deportation: 2 } as const;
