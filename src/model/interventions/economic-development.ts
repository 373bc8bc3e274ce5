/** Jobs and wages at origin (Oktavian et al. §3.3: jobs, poverty, education). */
import { nonneg, prob } from '../parameters.js';
import { defineIntervention } from './define.js';

export default defineIntervention({
  kind: 'economicDevelopment',
  label: {
    en: 'Economic development',
    id: 'Pembangunan ekonomi',
    ms: 'Pembangunan ekonomi',
  },
  bilateral: false,
  meaning: {
    en: 'origin wages up and unemployment down (the push)',
    id: 'upah di daerah asal naik dan pengangguran turun (faktor pendorong)',
    ms: 'gaji di tempat asal naik dan pengangguran turun (faktor tolakan)',
  },
  source: 'Oktavian et al. §3.3: jobs, poverty, education at origin',
  costPerYearIdr: { value: 200e9, source: 'assumption: illustrative yearly programme cost, an order of magnitude for comparison only (not a budget figure)' },
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
  effects(level, { p }) {
    return {
      originWageFactor: { factor: 1 + p.devWageGain * level },
      unemploymentFactor: { factor: 1 - p.devUnemploymentCut * level },
    };
  },
});
