import { describe, expect, it } from 'vitest';
import { Schedule, type Phase } from '../../src/core/schedule.js';

interface Ctx {
  log: string[];
}
const phase = (name: string): Phase<Ctx> => ({ name, run: (ctx, tick) => void ctx.log.push(`${name}@${tick}`) });

describe('Schedule', () => {
  it('runs the phases in listed order, once per tick', () => {
    const s = new Schedule([phase('decide'), phase('move'), phase('resolve')]);
    const ctx: Ctx = { log: [] };
    s.run(ctx, 3);
    expect(ctx.log).toEqual([
      'decide@0', 'move@0', 'resolve@0',
      'decide@1', 'move@1', 'resolve@1',
      'decide@2', 'move@2', 'resolve@2',
    ]);
  });

  it('keeps the list order, not an alphabetical one', () => {
    const s = new Schedule([phase('z'), phase('a'), phase('m')]);
    const ctx: Ctx = { log: [] };
    s.step(ctx, 7);
    expect(ctx.log).toEqual(['z@7', 'a@7', 'm@7']);
  });

  it('calls onTick after all phases of each tick', () => {
    const s = new Schedule([phase('a'), phase('b')]);
    const ctx: Ctx = { log: [] };
    s.run(ctx, 2, (t) => ctx.log.push(`tick ${t} done`));
    expect(ctx.log).toEqual(['a@0', 'b@0', 'tick 0 done', 'a@1', 'b@1', 'tick 1 done']);
  });

  it('rejects duplicate phase names', () => {
    expect(() => new Schedule([phase('a'), phase('b'), phase('a')])).toThrow('phase "a" is listed twice');
  });

  it('run(from) resumes at the given tick', () => {
    const s = new Schedule([phase('a'), phase('b')]);
    const ctx: Ctx = { log: [] };
    const ticks: number[] = [];
    s.run(ctx, 5, (t) => ticks.push(t), 3);
    expect(ctx.log).toEqual(['a@3', 'b@3', 'a@4', 'b@4']);
    expect(ticks).toEqual([3, 4]);
  });

  it('a run split in two equals one run', () => {
    const s = new Schedule([phase('a'), phase('b')]);
    const whole: Ctx = { log: [] };
    s.run(whole, 6);
    const split: Ctx = { log: [] };
    s.run(split, 2);
    s.run(split, 6, undefined, 2);
    expect(split.log).toEqual(whole.log);
  });

  it('does nothing when from is at or past the end', () => {
    const s = new Schedule([phase('a')]);
    const ctx: Ctx = { log: [] };
    s.run(ctx, 3, undefined, 3);
    s.run(ctx, 0);
    expect(ctx.log).toEqual([]);
  });
});
