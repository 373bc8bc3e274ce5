import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DrawSet } from '../../src/core/drawset.js';
import { IdList } from '../../src/core/idlist.js';
import { keyedBits, keyedEntity, tickTerm } from '../../src/core/rng.js';

const members = (s: DrawSet) => Array.from(s.ids.subarray(0, s.length)).sort((a, b) => a - b);
const found = (l: IdList) => Array.from(l.ids.subarray(0, l.length)).sort((a, b) => a - b);

describe('DrawSet', () => {
  it('holds exactly the entities added and not since removed, with each one’s half of the hash beside it, through any sequence (and growth)', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.boolean(), fc.nat({ max: 299 })), { maxLength: 400 }), (ops) => {
        const s = new DrawSet(11, 300, 4);
        const model = new Set<number>();
        for (const [add, id] of ops) {
          if (add) {
            s.add(id);
            model.add(id);
          } else {
            s.remove(id);
            model.delete(id);
          }
        }
        expect(members(s)).toEqual([...model].sort((a, b) => a - b));
        for (let id = 0; id < 300; id++) expect(s.has(id)).toBe(model.has(id));
        for (let i = 0; i < s.length; i++) expect(s.halves[i]).toBe(keyedEntity(11, s.ids[i]!) >>> 0);
      }),
      { numRuns: 100 },
    );
  });

  it('below finds exactly the members whose keyed draw is under the limit', () => {
    fc.assert(
      fc.property(
        fc.uniqueArray(fc.nat({ max: 4999 }), { maxLength: 300 }),
        fc.integer({ min: 0, max: 600 }),
        fc.integer({ min: 0, max: 2 ** 31 - 1 }),
        fc.oneof(fc.constant(0), fc.constant(2 ** 32), fc.double({ min: 0, max: 2 ** 32, noNaN: true })),
        (ids, week, key, limit) => {
          const s = new DrawSet(key, 5000);
          for (const id of ids) s.add(id);
          const out = new IdList(2);
          s.below(tickTerm(week), limit, out);
          expect(found(out)).toEqual(ids.filter((id) => keyedBits(key, id, tickTerm(week)) < limit).sort((a, b) => a - b));
        },
      ),
      { numRuns: 150 },
    );
  });
});
