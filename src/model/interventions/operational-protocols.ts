/**
 * Joint operational protocols: roles, procedures, cross-border teams (Oktavian et al. §3.4). They
 * shorten case and shelter delays at home at any stage; from the cooperation stage, when the two
 * sides share protocols, they also speed the cross-border steps of a case and recover part of the
 * evidence requests that would fail.
 */
import { prob } from '../parameters.js';
import { defineIntervention } from './define.js';

export default defineIntervention({
  kind: 'operationalProtocols',
  label: 'Joint protocols',
  bilateral: true,
  meaning: 'shorter case and shelter delays; from cooperation, faster and surer evidence from Malaysia',
  source: 'Oktavian et al. §3.4: joint roles and cross-border teams',
  params: {
    protocolDelayCut: {
      ...prob('cut in case delays from joint protocols', 'share'),
      value: 0.4,
      source: 'assumption: joint protocols shorten case delays; range 0.1–0.6',
      range: [0.1, 0.6],
    },
    protocolCrossBorderGain: {
      ...prob('share of failed evidence requests to Malaysia that shared protocols recover', 'share'),
      value: 0.5,
      source: 'assumption: cross-border teams bridge part of the evidence gap; range 0.2–0.8',
      range: [0.2, 0.8],
    },
  },
  apply(c, level, { p }) {
    c.shelterWeeks = c.shelterWeeks * (1 - p.protocolDelayCut * level);
    c.caseSpeed = c.caseSpeed / (1 - p.protocolDelayCut * level);
    if (c.cap.commonProtocols) {
      c.evidenceWeeksFactor = c.evidenceWeeksFactor * (1 - p.protocolDelayCut * level);
      c.evidenceGain = p.protocolCrossBorderGain * level;
    }
  },
});
