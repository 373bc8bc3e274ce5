/** NGOs and international bodies (seed paper §3.4: UNODC, IOM, community networks). */
import { nonneg, prob } from '../parameters.js';
import { defineIntervention } from './define.js';

export default defineIntervention({
  kind: 'ngoCooperation',
  label: 'NGO cooperation',
  bilateral: false,
  meaning: 'awareness at origins grows each year, NGO and deportation screening find more victims, less re-trafficking',
  source: 'seed paper §3.4: UNODC, IOM and community networks',
  params: {
    ngoAwarenessGain: {
      ...prob('rise in awareness at origins per year of NGO work', 'per year'),
      value: 0.05,
      source: 'assumption: awareness campaigns add five points a year (IOM, facts §4)',
    },
    ngoIdGain: {
      ...nonneg('multiplier', 'multiplier on NGO identification'),
      value: 1.5,
      source: 'assumption: NGO networks raise identification by 150%',
    },
    ngoRetraffickCut: {
      ...prob('cut in re-trafficking of identified victims from reintegration support', 'share'),
      value: 0.6,
      source: 'assumption: reintegration support cuts re-trafficking',
    },
  },
  apply(c, level, { p, yearsActive }) {
    // Awareness built by past campaigns stays after they end.
    c.awarenessBoost = Math.min(1, p.ngoAwarenessGain * yearsActive);
    c.idNgo = Math.min(1, c.idNgo * (1 + p.ngoIdGain * level));
    c.idDeportation = Math.min(1, c.idDeportation * (1 + p.ngoIdGain * level));
    c.reintegrationCut = p.ngoRetraffickCut * level;
  },
});
