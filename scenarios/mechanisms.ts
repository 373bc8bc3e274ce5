/**
 * How the model responds: one variant per lever of the actors' choices, each against the baseline
 * with common random numbers — brokers' outreach doubled, officers' willingness to collude low and
 * high, anti-collusion monitoring, employers' demand for labour halved and raised by half, the
 * 2020–22 hiring freeze lifted, patrols tripled (the enforcement elasticity), one footpath patrolled
 * eight times harder (displacement), and broker arrests tripled (does the market refill?). Each
 * answer follows from a named mechanism (docs/ODD.md, "Why each lever moves what it moves").
 *
 *   lintas compare scenarios/mechanisms.ts --replicates 6 --scale 20 --out out/mechanisms
 */
import { defineScenario, runIfMain, type ScenarioInput, variant } from 'lintas';
import baseline from './baseline.js';

const setParam = (d: { params?: Record<string, unknown> }, name: string, f: (v: number) => number) => {
  const params = d.params as Record<string, number | { value: number; source: string }>;
  const old = params[name]!;
  const value = f(typeof old === 'number' ? old : old.value);
  params[name] = { value, source: `variant: ${name} changed for the comparison` };
};

const scenario: ScenarioInput = defineScenario({
  ...baseline,
  name: 'mechanisms',
  description: 'each actor\'s lever moved alone, against the baseline',
  variants: [
    variant(baseline, { name: 'outreach-x2', description: 'brokers approach twice as many residents a week' }, (d) => setParam(d, 'brokerOutreachPerWeek', (v) => 2 * v)),
    variant(baseline, { name: 'collusion0.02', description: 'officers almost never willing to wave a group through' }, (d) => setParam(d, 'collusionMean', () => 0.02)),
    variant(baseline, { name: 'collusion0.6', description: 'officers often willing to wave a group through' }, (d) => setParam(d, 'collusionMean', () => 0.6)),
    variant(baseline, { name: 'antiCollusion', description: 'anti-collusion monitoring at full intensity from July 2019' }, (d) => {
      d.interventions!.push({ kind: 'antiCollusion', start: '2019-07-01', intensity: 1 });
    }),
    variant(baseline, { name: 'demand-x0.5', description: 'employers want half the foreign labour' }, (d) => setParam(d, 'employerDemand', () => 0.5)),
    variant(baseline, { name: 'demand-x1.5', description: 'employers want half as much foreign labour again' }, (d) => setParam(d, 'employerDemand', () => 1.5)),
    variant(baseline, { name: 'noHiringFreeze', description: 'the 2020–22 freeze on foreign-worker intake lifted' }, (d) => {
      d.events = d.events!.filter((e) => e.kind !== 'hiringFreeze');
    }),
    variant(baseline, { name: 'patrols-x3', description: 'three times the patrol units on both sides' }, (d) => {
      setParam(d, 'patrolUnits', (v) => 3 * v);
      setParam(d, 'malaysianPatrolUnits', (v) => 3 * v);
    }),
    variant(baseline, { name: 'entikongFootpath-x8', description: 'the footpaths by Entikong patrolled eight times harder' }, (d) => {
      const c = d.crossings!.find((x) => x.id === 'entikong_informal')!;
      c.patrolCoverage = 8 * (c.patrolCoverage ?? 0);
    }),
    variant(baseline, { name: 'brokerArrests-x3', description: 'three times the arrests of brokers outside victims\' cases' }, (d) => setParam(d, 'brokerArrestRate', (v) => 3 * v)),
  ],
});

export default scenario;

// Not awaited: the comparison imports this module, which must finish loading first.
void runIfMain(import.meta.url, true);
