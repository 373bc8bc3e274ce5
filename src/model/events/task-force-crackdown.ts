/** Indonesia's national police trafficking task force (Satgas TPPO, formed 5 June 2023). */
import { nonneg } from '../parameters.js';
import { defineIntervention } from '../interventions/define.js';

export default defineIntervention({
  kind: 'taskForceCrackdown',
  label: 'Indonesian task-force crackdown',
  bilateral: false,
  meaning: 'more brokers arrested by the police',
  source: 'enforcement facts: the national police trafficking task force was formed on 5 Jun 2023 after a presidential instruction of 30 May 2023',
  params: {
    crackdownArrestGain: {
      ...nonneg('share', 'rise in the weekly arrest chance of brokers at full intensity'),
      value: 2,
      source: 'assumption: arrests tripled during the crackdown; range 0.5–5',
      range: [0.5, 5],
    },
  },
  effects(level, { p }) {
    return { brokerArrestChance: { factor: 1 + p.crackdownArrestGain * level } };
  },
});
