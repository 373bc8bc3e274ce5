/** Jobs and wages at origin (Oktavian et al. §3.3: jobs, poverty, education). */
import { nonneg, prob } from '../parameters.js';
import { defineIntervention } from './define.js';

export default defineIntervention({
  kind: 'economicDevelopment',
  label: 'Economic development',
  bilateral: false,
  meaning: 'origin wages up and unemployment down (the push)',
  source: 'Oktavian et al. §3.3: jobs, poverty, education at origin',
  params: {
    devWageGain: {
      ...nonneg('share', 'rise in origin wages from economic development at full intensity'),
      value: 0.3,
      source: 'assumption: development raises origin wages by 30% at full intensity; range 0.1–0.6',
      range: [0.1, 0.6],
    },
    devUnemploymentCut: {
      ...prob('cut in origin unemployment from economic development', 'share'),
      value: 0.4,
      source: 'assumption: and cuts unemployment by 40%; range 0.1–0.7',
      range: [0.1, 0.7],
    },
  },
  apply(c, level, { p }) {
    c.originWageFactor = c.originWageFactor * (1 + p.devWageGain * level);
    c.unemploymentFactor = c.unemploymentFactor * (1 - p.devUnemploymentCut * level);
  },
});
