/** Malaysian army and police guarding the land border (Op Benteng, from May 2020). */
import { nonneg } from '../parameters.js';
import { defineIntervention } from '../interventions/define.js';

export default defineIntervention({
  kind: 'borderGuard',
  label: 'Border guarded (Op Benteng)',
  bilateral: false,
  meaning: 'more Malaysian patrol units on the footpaths and water crossings',
  source: 'enforcement facts: Op Benteng on the Sarawak border from May 2020, 497 intruders and 28 boat skippers detained 1 May–18 Oct 2020',
  params: {
    guardPatrolGain: {
      ...nonneg('share', 'rise in Malaysian patrol units on informal segments at full intensity'),
      value: 1,
      source: 'assumption: the operation doubled Malaysian presence on the border; range 0.3–2',
      range: [0.3, 2],
    },
  },
  effects(level, { p }) {
    return { myPatrolFactor: { factor: 1 + p.guardPatrolGain * level } };
  },
});
