/** NGOs and international bodies (Oktavian et al. §3.4: UNODC, IOM, community networks). */
import { nonneg, prob } from '../parameters.js';
import { defineIntervention } from './define.js';

export default defineIntervention({
  kind: 'ngoCooperation',
  label: {
    en: 'NGO cooperation',
    id: 'Kerja sama dengan LSM',
    ms: 'Kerjasama dengan NGO',
  },
  bilateral: false,
  meaning: {
    en: 'awareness at origins grows each year, NGO outreach and deportation screening find more victims, less re-trafficking',
    id: 'kesadaran di daerah asal naik setiap tahun, penjangkauan LSM dan penyaringan saat deportasi menemukan lebih banyak korban, perdagangan orang berulang berkurang',
    ms: 'kesedaran di tempat asal meningkat setiap tahun, jangkauan NGO dan saringan semasa pengusiran menemui lebih ramai mangsa, kurang pemerdagangan berulang',
  },
  source: 'Oktavian et al. §3.4: UNODC, IOM and community networks',
  costPerYearIdr: { value: 15e9, source: 'assumption: illustrative yearly programme cost, an order of magnitude for comparison only (not a budget figure)' },
  params: {
    ngoAwarenessGain: {
      ...prob('rise in awareness at origins per year of NGO work', 'per year'),
      value: 0.05,
      source: 'assumption: awareness campaigns add five points a year (IOM, border facts §4); range 0.01–0.1',
      range: [0.01, 0.1],
    },
    ngoIdGain: {
      ...nonneg('multiplier', 'rise in NGO outreach and deportation screening at full intensity (1.5 = +150%)'),
      value: 1.5,
      source: 'assumption: NGO networks raise identification by 150%; range 0.5–3',
      range: [0.5, 3],
    },
    ngoRetraffickCut: {
      ...prob('cut in re-trafficking of identified victims from reintegration support', 'share'),
      value: 0.6,
      source: 'assumption: reintegration support cuts re-trafficking; range 0.2–0.8',
      range: [0.2, 0.8],
    },
  },
  effects(level, { p, yearsActive }) {
    return {
      // Awareness built by past campaigns stays after they end.
      awarenessBoost: { add: p.ngoAwarenessGain * yearsActive },
      ngoOutreach: { factor: 1 + p.ngoIdGain * level },
      idDeportation: { factor: 1 + p.ngoIdGain * level },
      reintegrationCut: { add: p.ngoRetraffickCut * level },
    };
  },
});
