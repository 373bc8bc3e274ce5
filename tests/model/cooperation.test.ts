/** Rules of cooperation.ts: the stage in force on a date, and what each stage lets each mechanism do. */
import { beforeAll, describe, expect, it } from 'vitest';
import { type Capabilities, capabilities, MECHANISMS, type Mechanism, PatrolMode, STAGES, type Stage, type StageEntry, stageOn } from '../../src/model/cooperation.js';
import type { Params } from '../../src/model/parameters.js';
import { scenarioWith } from './helpers.js';

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

describe('capabilities', () => {
  let p: Params;
  const all = (stage: Stage) => capabilities(() => stage, p);

  beforeAll(async () => {
    // Distinct values, so each field can be traced to its parameter.
    p = {
      ...(await scenarioWith()).params,
      infoAccuracyCommunication: 0.41,
      infoLagCommunication: 8,
      infoAccuracyCoordination: 0.71,
      infoLagCoordination: 2,
      infoAccuracyCollaboration: 0.91,
      evidenceInformal: 0.11,
      evidenceMla: 0.42,
      mlaWeeks: 26,
      evidenceJoint: 0.83,
      jointInvestigationWeeks: 9,
      suspectReturn: 0.55,
      extraditionWeeks: 27,
      referralCooperation: 0.31,
      referralCollaboration: 0.81,
    } as Params;
  });

  it('lets nothing cross the line at coexistence', () => {
    expect(all('coexistence')).toEqual({
      patrolMode: PatrolMode.parallel,
      infoAccuracy: 0,
      infoLagWeeks: 0,
      watchLists: false,
      evidenceChance: 0,
      evidenceWeeks: 0,
      suspectReturn: 0,
      returnWeeks: 27,
      referral: 0,
      commonTraining: false,
      commonProtocols: false,
    } satisfies Capabilities);
  });

  it('gives each stage its documented processes', () => {
    expect(all('communication')).toMatchObject({ patrolMode: PatrolMode.parallel, infoAccuracy: 0.41, infoLagWeeks: 8, watchLists: false, evidenceChance: 0.11, evidenceWeeks: 26, suspectReturn: 0, referral: 0, commonTraining: false, commonProtocols: false });
    expect(all('cooperation')).toMatchObject({ patrolMode: PatrolMode.parallel, infoAccuracy: 0.41, infoLagWeeks: 8, watchLists: false, evidenceChance: 0.42, evidenceWeeks: 26, suspectReturn: 0, referral: 0.31, commonTraining: true, commonProtocols: true });
    expect(all('coordination')).toMatchObject({ patrolMode: PatrolMode.coordinated, infoAccuracy: 0.71, infoLagWeeks: 2, watchLists: true, evidenceChance: 0.42, evidenceWeeks: 26, suspectReturn: 0, referral: 0.31, commonTraining: true, commonProtocols: true });
    expect(all('collaboration')).toMatchObject({ patrolMode: PatrolMode.joint, infoAccuracy: 0.91, infoLagWeeks: 0, watchLists: true, evidenceChance: 0.83, evidenceWeeks: 9, suspectReturn: 0.55, referral: 0.81, commonTraining: true, commonProtocols: true });
  });

  it('never takes a process away as the stage rises (with rising stage parameters)', () => {
    const caps = STAGES.map(all);
    for (let i = 1; i < caps.length; i++) {
      const [a, b] = [caps[i - 1]!, caps[i]!];
      expect(b.patrolMode).toBeGreaterThanOrEqual(a.patrolMode);
      expect(b.infoAccuracy).toBeGreaterThanOrEqual(a.infoAccuracy);
      expect(b.evidenceChance).toBeGreaterThanOrEqual(a.evidenceChance);
      expect(b.suspectReturn).toBeGreaterThanOrEqual(a.suspectReturn);
      expect(b.referral).toBeGreaterThanOrEqual(a.referral);
      for (const flag of ['watchLists', 'commonTraining', 'commonProtocols'] as const) if (a[flag]) expect(b[flag], flag).toBe(true);
    }
  });

  it('reads each mechanism at its own stage: pinning one moves only its own fields', () => {
    const FIELDS: Record<Mechanism, (keyof Capabilities)[]> = {
      patrols: ['patrolMode'],
      information: ['infoAccuracy', 'infoLagWeeks', 'watchLists'],
      justice: ['evidenceChance', 'evidenceWeeks', 'suspectReturn'],
      victims: ['referral'],
      training: ['commonTraining'],
      protocols: ['commonProtocols'],
    };
    const low = all('coexistence');
    const high = all('collaboration');
    for (const m of MECHANISMS) {
      const one = capabilities((k) => (k === m ? 'collaboration' : 'coexistence'), p);
      for (const f of Object.keys(low) as (keyof Capabilities)[]) expect(one[f], `${m} raised: ${f}`).toEqual(FIELDS[m].includes(f) ? high[f] : low[f]);
      const allBut = capabilities((k) => (k === m ? 'coexistence' : 'collaboration'), p);
      for (const f of Object.keys(low) as (keyof Capabilities)[]) expect(allBut[f], `${m} held: ${f}`).toEqual(FIELDS[m].includes(f) ? low[f] : high[f]);
    }
  });
});
