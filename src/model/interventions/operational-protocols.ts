/** Joint operational protocols: roles, cross-border teams (seed paper §3.4). */
import { prob } from '../parameters.js';
import { defineIntervention } from './define.js';

export default defineIntervention({
  kind: 'operationalProtocols',
  label: 'Joint protocols',
  bilateral: true,
  meaning: 'shorter case and shelter delays, less loss of cross-border prosecutions',
  source: 'seed paper §3.4: joint roles and cross-border teams',
  params: {
    protocolDelayCut: {
      ...prob('cut in case delays from joint protocols', 'share'),
      value: 0.4,
      source: 'assumption: joint protocols shorten case delays',
    },
    protocolCrossBorderGain: {
      ...prob('share of the cross-border penalty removed by joint protocols', 'share'),
      value: 0.7,
      source: 'assumption: cross-border teams bridge most of the evidence gap',
    },
  },
  apply(c, level, { p }) {
    c.shelterWeeks = c.shelterWeeks * (1 - p.protocolDelayCut * level);
    c.caseSpeed = c.caseSpeed / (1 - p.protocolDelayCut * level);
    c.crossBorderPenalty = c.crossBorderPenalty * (1 - p.protocolCrossBorderGain * level);
  },
});
