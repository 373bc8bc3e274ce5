/** Malaysian enforcement operations against irregular workers (raids stepped up). */
import { nonneg } from '../parameters.js';
import { defineIntervention } from '../interventions/define.js';

export default defineIntervention({
  kind: 'enforcementCrackdown',
  label: 'Malaysian enforcement crackdown',
  bilateral: false,
  meaning: 'raids on workplaces stepped up',
  source: 'enforcement facts: Sabah Immigration was told to arrest at least 7,000 in 2020; operations 1,199 (2019), 700 (2022)',
  params: {
    crackdownRaidGain: {
      ...nonneg('share', 'rise in raid rates at full intensity'),
      value: 1,
      source: 'assumption: a crackdown doubles the raid rate; range 0.3–3',
      range: [0.3, 3],
    },
  },
  effects(level, { p }) {
    return { raidFactor: { factor: 1 + p.crackdownRaidGain * level } };
  },
});
