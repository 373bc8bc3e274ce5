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
  label: {
    en: 'Joint protocols',
    id: 'Protokol bersama',
    ms: 'Protokol bersama',
  },
  bilateral: true,
  meaning: {
    en: 'shorter case and shelter delays; from cooperation, faster and surer evidence from Malaysia',
    id: 'penanganan perkara dan masa tinggal di rumah aman lebih singkat; mulai tahap kerja sama, bukti dari Malaysia datang lebih cepat dan lebih pasti',
    ms: 'kelewatan kes dan tempat perlindungan lebih singkat; mulai tahap kerjasama, bukti dari Malaysia tiba lebih cepat dan lebih pasti',
  },
  source: 'Oktavian et al. §3.4: joint roles and cross-border teams',
  costPerYearIdr: { value: 5e9, source: 'assumption: illustrative yearly programme cost, an order of magnitude for comparison only (not a budget figure)' },
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
  effects(level, { p, cap }) {
    const cut = 1 - p.protocolDelayCut * level;
    return {
      shelterWeeks: { factor: cut },
      caseSpeed: { factor: 1 / cut },
      ...(cap.commonProtocols ? { evidenceWeeksFactor: { factor: cut }, evidenceGain: { add: p.protocolCrossBorderGain * level } } : {}),
    };
  },
});
