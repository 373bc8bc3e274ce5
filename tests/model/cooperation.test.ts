/** Rules of cooperation.ts: the stage in force on a date and its multiplier. */
import { describe, expect, it } from 'vitest';
import { STAGES, type StageEntry, stageMultiplier, stageOn } from '../../src/model/cooperation.js';
import type { Params } from '../../src/model/parameters.js';

const stages: StageEntry[] = [
  { date: '2019-01-01', stage: 'coexistence' },
  { date: '2021-01-04', stage: 'cooperation' },
  { date: '2023-06-01', stage: 'collaboration' },
];

describe('stageOn', () => {
  it('is the last entry on or before the date', () => {
    expect(stageOn(stages, '2019-01-01')).toBe('coexistence');
    expect(stageOn(stages, '2020-12-31')).toBe('coexistence');
    expect(stageOn(stages, '2021-01-04')).toBe('cooperation');
    expect(stageOn(stages, '2023-05-31')).toBe('cooperation');
    expect(stageOn(stages, '2023-06-01')).toBe('collaboration');
    expect(stageOn(stages, '2030-01-01')).toBe('collaboration');
  });

  it('is the first entry before any entry applies', () => {
    expect(stageOn(stages, '2018-12-31')).toBe('coexistence');
    expect(stageOn([{ date: '2020-01-01', stage: 'coordination' }], '1999-01-01')).toBe('coordination');
  });
});

describe('stageMultiplier', () => {
  const p = {
    stageCoexistence: 0.11,
    stageCommunication: 0.22,
    stageCooperation: 0.33,
    stageCoordination: 0.44,
    stageCollaboration: 0.55,
  } as unknown as Params;

  it('reads each stage its own parameter', () => {
    expect(STAGES.map((s) => stageMultiplier(s, p))).toEqual([0.11, 0.22, 0.33, 0.44, 0.55]);
  });

  it('covers every stage with a number', () => {
    for (const s of STAGES) expect(Number.isFinite(stageMultiplier(s, p))).toBe(true);
  });
});
