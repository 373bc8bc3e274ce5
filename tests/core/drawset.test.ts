import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DrawSet } from '../../src/core/drawset.js';
import { IdList } from '../../src/core/idlist.js';
import { keyedBits, keyedEntity, tickTerm } from '../../src/core/rng.js';

const members = (s: DrawSet) => Array.from(s.ids.subarray(0, s.length)).sort((a, b) => a - b);
const found = (l: IdList) => Array.from(l.ids.subarray(0, l.length)).sort((a, b) => a - b);

describe('DrawSet', () => {
  it('holds exactly the entities added and not since removed, with each key’s half beside each, through any sequence (and growth)', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.boolean(), fc.nat({ max: 299 })), { maxLength: 400 }), (ops) => {
        const s = new DrawSet([11, 22], 300, 4);
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
        for (let i = 0; i < s.length; i++) {
          expect(s.halves[0]![i]).toBe(keyedEntity(11, s.ids[i]!) >>> 0);
          expect(s.halves[1]![i]).toBe(keyedEntity(22, s.ids[i]!) >>> 0);
        }
      }),
      { numRuns: 100 },
    );
  });

  it('belowEither with one limit at 0 finds exactly the members whose draw with the other key is under its limit', () => {
    fc.assert(
      fc.property(
        fc.uniqueArray(fc.nat({ max: 4999 }), { maxLength: 300 }),
        fc.integer({ min: 0, max: 600 }),
        fc.oneof(fc.constant(0), fc.constant(2 ** 32), fc.double({ min: 0, max: 2 ** 32, noNaN: true })),
        (ids, week, limit) => {
          const s = new DrawSet([7, 8], 5000);
          for (const id of ids) s.add(id);
          for (const [k, key] of [7, 8].entries()) {
            const out = new IdList(2);
            s.belowEither(tickTerm(week), k === 0 ? limit : 0, tickTerm(week), k === 1 ? limit : 0, out);
            expect(found(out)).toEqual(ids.filter((id) => keyedBits(key, id, tickTerm(week)) < limit).sort((a, b) => a - b));
          }
        },
      ),
      { numRuns: 150 },
    );
  });

  it('belowEither finds, each once, the members under either limit: the union of below with each key', () => {
    fc.assert(
      fc.property(
        fc.uniqueArray(fc.nat({ max: 4999 }), { maxLength: 300 }),
        fc.integer({ min: 0, max: 600 }),
        fc.double({ min: 0, max: 2 ** 32, noNaN: true }),
        fc.double({ min: 0, max: 2 ** 32, noNaN: true }),
        (ids, week, l0, l1) => {
          const s = new DrawSet([7, 8], 5000);
          for (const id of ids) s.add(id);
          const out = new IdList(2);
          s.belowEither(tickTerm(week), l0, tickTerm(week + 1), l1, out);
          const expected = ids.filter((id) => keyedBits(7, id, tickTerm(week)) < l0 || keyedBits(8, id, tickTerm(week + 1)) < l1);
          expect(found(out)).toEqual(expected.sort((a, b) => a - b));
        },
      ),
      { numRuns: 150 },
    );
  });
});
