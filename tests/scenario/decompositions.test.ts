/** The runs a Shapley decomposition adds: one per coalition of players, named deterministically, none reused silently. */
import { describe, expect, it } from 'vitest';
import { UserError } from '../../src/core/errors.js';
import { readScenarioFile } from '../../src/scenario/load.js';
import { decompositionPlans, differsOnlyInStage, heldName, resolveVariants } from '../../src/scenario/variants.js';

const FIXTURE = 'tests/fixtures/compare-shapley.json';
const fixture = async () => structuredClone((await readScenarioFile(FIXTURE)) as Record<string, unknown>);
const added = (vs: ReturnType<typeof resolveVariants>) => vs.filter((v) => v.decomposes).map((v) => v.name);
const problems = (data: unknown) => {
  try {
    resolveVariants(data);
  } catch (e) {
    if (e instanceof UserError) return e.lines.join('\n');
    throw e;
  }
  return '';
};

describe('decomposition runs', () => {
  it('names a run by the variant, the held mechanisms in the order of MECHANISMS, and their stage', () => {
    expect(heldName('all@collaboration', ['protocols', 'patrols'], 'coexistence')).toBe('all@collaboration~patrols+protocols@coexistence');
  });

  it('three players (two listed mechanisms and the others): 8 coalitions, 6 runs added, the empty one the reference', async () => {
    const vs = resolveVariants(await fixture());
    const [three] = decompositionPlans(vs);
    expect(three!.players.map((p) => p.name)).toEqual(['justice', 'protocols', 'others']);
    expect(three!.players[2]!.mechanisms).toEqual(['patrols', 'information', 'victims', 'training']);
    expect(three!.emptyIsReference).toBe(true);
    const v = 'protocols@collaboration';
    // Bit i set: player i moves to the variant's stage; the players not in the coalition are held.
    expect(three!.runs).toEqual([
      'protocols',
      `${v}~patrols+information+victims+training+protocols@coexistence`,
      `${v}~patrols+information+justice+victims+training@coexistence`,
      `${v}~patrols+information+victims+training@coexistence`,
      `${v}~justice+protocols@coexistence`,
      `${v}~protocols@coexistence`,
      `${v}~justice@coexistence`,
      v,
    ]);
    expect(added(vs).filter((n) => n.startsWith(`${v}~`))).toEqual(three!.runs.slice(1, 7));
  });

  it('two players (one listed mechanism and the others), the variants differing in more than their stage: the empty coalition is run too', async () => {
    const vs = resolveVariants(await fixture());
    const two = decompositionPlans(vs)[1]!;
    const v = 'patrols+protocols@collaboration';
    expect(two.players.map((p) => p.name)).toEqual(['patrols', 'others']);
    expect(two.emptyIsReference).toBe(false);
    expect(two.runs).toEqual([
      `${v}~patrols+information+justice+victims+training+protocols@coexistence`,
      `${v}~information+justice+victims+training+protocols@coexistence`,
      `${v}~patrols@coexistence`,
      v,
    ]);
    const empty = vs.find((x) => x.name === two.runs[0])!;
    expect(empty.decomposes).toEqual({ variant: v, held: ['patrols', 'information', 'justice', 'victims', 'training', 'protocols'], stage: 'coexistence' });
    expect(empty.scenario.mechanismStages).toEqual({ patrols: 'coexistence', information: 'coexistence', justice: 'coexistence', victims: 'coexistence', training: 'coexistence', protocols: 'coexistence' });
    expect(empty.scenario.interventions.map((i) => i.kind).slice(-2)).toEqual(['operationalProtocols', 'jointPatrols']);
    // The fixture's five variants and 6 + 3 runs.
    expect(vs).toHaveLength(5 + 9);
  });

  it('shares the runs two decompositions of one variant both need', async () => {
    const data = await fixture();
    data.decompositions = [
      { variant: 'protocols@collaboration', against: 'protocols', mechanisms: ['patrols'] },
      { variant: 'protocols@collaboration', against: 'protocols', mechanisms: ['patrols', 'information'] },
    ];
    const vs = resolveVariants(data);
    const [a, b] = decompositionPlans(vs);
    expect(a!.runs.filter((r) => b!.runs.includes(r))).toEqual(['protocols', a!.runs[1], a!.runs[2], 'protocols@collaboration']);
    expect(added(vs)).toHaveLength(2 + 6 - 2);
    expect(new Set(added(vs)).size).toBe(added(vs).length);
  });

  it('all six mechanisms: 64 coalitions, 62 runs added; paper-interventions runs 92 a replicate', async () => {
    const vs = resolveVariants(await readScenarioFile('scenarios/paper-interventions.ts'));
    const plans = decompositionPlans(vs);
    expect(plans.map((p) => p.runs.length)).toEqual([64, 4, 4, 4, 8]);
    expect(plans.every((p) => p.emptyIsReference)).toBe(true);
    expect(added(vs).filter((n) => n.startsWith('all@collaboration~'))).toHaveLength(62);
    expect(vs).toHaveLength(18 + 62 + 2 + 2 + 2 + 6);
    expect(new Set(vs.map((v) => v.name)).size).toBe(vs.length);
  });

  it('checks what the empty coalition is: the reference only if it is at the held stage throughout and differs in nothing else', async () => {
    const vs = resolveVariants(await fixture());
    const s = (name: string) => vs.find((v) => v.name === name)!.scenario;
    expect(differsOnlyInStage(s('protocols@collaboration'), s('protocols'), 'coexistence')).toBe(true);
    expect(differsOnlyInStage(s('patrols+protocols@collaboration'), s('protocols'), 'coexistence')).toBe(false);
    expect(differsOnlyInStage(s('protocols@collaboration'), s('protocols'), 'collaboration')).toBe(false);
    // A reference whose stage moves on during the run is not the variant held at its first stage.
    const data = await fixture();
    const variants = data.variants as { name: string; patch?: Record<string, unknown> }[];
    variants[0]!.patch = {
      stages: [
        { date: '2019-01-01', stage: 'coexistence', source: 'test' },
        { date: '2020-01-01', stage: 'communication', source: 'test' },
      ],
    };
    const moving = decompositionPlans(resolveVariants(data));
    expect(moving[0]!.emptyIsReference).toBe(false);
    expect(moving[0]!.runs[0]).toBe('protocols@collaboration~patrols+information+justice+victims+training+protocols@coexistence');
  });

  it('rejects an unknown mechanism, a mechanism listed twice, and an empty list', async () => {
    const with_ = async (mechanisms: unknown) => {
      const data = await fixture();
      data.decompositions = [{ variant: 'protocols@collaboration', against: 'protocols', mechanisms }];
      return problems(data);
    };
    expect(await with_(['patrol'])).toContain('decompositions[0].mechanisms[0]');
    expect(await with_(['patrols', 'patrols'])).toContain('expected each mechanism once');
    expect(await with_([])).toContain('expected at least one mechanism');
  });
});
