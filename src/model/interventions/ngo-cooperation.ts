/** NGOs and international bodies (Oktavian et al. §3.4: UNODC, IOM, community networks). */
import { nonneg, prob } from '../parameters.js';
import { defineIntervention } from './define.js';

export default defineIntervention({
  kind: 'ngoCooperation',
  label: 'NGO cooperation',
  bilateral: false,
  meaning: 'awareness at origins grows each year, NGO outreach and deportation screening find more victims, less re-trafficking',
  source: 'Oktavian et al. §3.4: UNODC, IOM and community networks',
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
  apply(c, level, { p, yearsActive }) {
    // Awareness built by past campaigns stays after they end.
    c.awarenessBoost = Math.min(1, p.ngoAwarenessGain * yearsActive);
    c.ngoOutreach = Math.min(1, c.ngoOutreach * (1 + p.ngoIdGain * level));
    c.idDeportation = Math.min(1, c.idDeportation * (1 + p.ngoIdGain * level));
    c.reintegrationCut = p.ngoRetraffickCut * level;
  },
});
