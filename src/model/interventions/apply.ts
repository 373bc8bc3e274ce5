/**
 * The measures and events of a week acting on its levers: each contributes to the levers it moves
 * (its `effects`), and each lever combines the contributions by its rule (conditions.ts, LEVERS).
 */
import { type Conditions, type Contribution, combineLevers, type Lever, LEVER_NAMES, LEVERS } from '../conditions.js';
import type { InterventionDefinition } from './define.js';

/** A measure (or event) acting this week: its definition, its level and its intensity-weighted years in force. */
export interface Acting {
  def: InterventionDefinition;
  level: number;
  yearsActive: number;
}

/**
 * Moves the levers of `c` (which hold their base values, the week's stage and capabilities set)
 * by what each acting measure contributes at its level: every contribution is collected first,
 * from the base values, then each lever combines its own (combineLevers).
 */
export function applyMeasures(c: Conditions, acting: readonly Acting[], params: Readonly<Record<string, number>>): void {
  const base = {} as Record<Lever, number>;
  for (const lever of LEVER_NAMES) base[lever] = c[lever];
  const contributions = new Map<Lever, Contribution[]>();
  for (const { def, level, yearsActive } of acting) {
    const effects = def.effects(level, { p: params as never, yearsActive, stage: c.stage, cap: c.cap, base });
    for (const lever in effects) {
      if (!(lever in LEVERS)) throw new Error(`intervention "${def.kind}": "${lever}" is not a lever (conditions.ts, LEVERS)`);
      const e = effects[lever as Lever]!;
      let list = contributions.get(lever as Lever);
      if (!list) contributions.set(lever as Lever, (list = []));
      list.push({ kind: def.kind, add: e.add, factor: e.factor });
    }
  }
  combineLevers(c, base, contributions);
}
