/**
 * Indonesia's national police trafficking task force (Satgas TPPO, formed 5 June 2023): more brokers
 * arrested, and more of the police's cases recorded as trafficking reports, most in its first weeks.
 * A campaign fades: both gains halve every `crackdownHalfLifeWeeks` weeks it has been in force, so a
 * crackdown scheduled for eighteen months is a burst and a tail, not eighteen months of the burst.
 */
import { power } from '../../core/power.js';
import { nonneg, pos, prob } from '../parameters.js';
import { defineIntervention } from '../interventions/define.js';

const WEEKS_PER_YEAR = 365.25 / 7;

/** What is left of a campaign's gains after `yearsActive` intensity-weighted years in force. */
export function campaignStrength(halfLifeWeeks: number, yearsActive: number): number {
  return power(0.5, (yearsActive * WEEKS_PER_YEAR) / halfLifeWeeks);
}

export default defineIntervention({
  kind: 'taskForceCrackdown',
  label: 'Indonesian task-force crackdown',
  bilateral: false,
  meaning: 'more brokers arrested by the police, and more cases recorded as police reports, fading over the weeks',
  source: 'enforcement facts: the national police trafficking task force was formed on 5 Jun 2023 after a presidential instruction of 30 May 2023',
  params: {
    crackdownArrestGain: {
      ...nonneg('share', 'rise in the weekly arrest chance of brokers at full intensity, at the start of the campaign'),
      value: 2,
      source: 'assumption: arrests tripled in the first weeks of the crackdown (494 suspects named nationally in its first two weeks); range 0.5–5',
      range: [0.5, 5],
    },
    crackdownFiling: {
      ...prob('share of the cases not otherwise reported that the campaign files as trafficking reports at full intensity, at its start', 'share'),
      value: 0.8,
      source: 'assumption: under the presidential instruction of 30 May 2023 every case is to be filed and announced (enforcement facts), so most cases the police would have closed or filed under other laws become trafficking reports; range 0.3–1. Not set from the task force\'s report count of June 2023, which is a held-out target',
      range: [0.3, 1],
    },
    crackdownHalfLifeWeeks: {
      ...pos('weeks', 'weeks in which a campaign\'s gains halve'),
      value: 8,
      source: 'assumption: campaign-style enforcement fades within months as attention moves on (the facts give the task force\'s first month only); range 2–52',
      range: [2, 52],
    },
  },
  effects(level, { p, yearsActive }) {
    const strength = level * campaignStrength(p.crackdownHalfLifeWeeks, yearsActive);
    return {
      brokerArrestChance: { factor: 1 + p.crackdownArrestGain * strength },
      policeFiling: { add: p.crackdownFiling * strength },
    };
  },
});
