/** Closing the non-resident ID loophole (Oktavian et al. §3.3: Permendagri 8/2016). */
import { defineIntervention } from './define.js';

export default defineIntervention({
  kind: 'documentAlignment',
  label: {
    en: 'Close the ID loophole',
    id: 'Menutup celah KTP',
    ms: 'Menutup kelemahan kad pengenalan',
  },
  bilateral: false,
  meaning: {
    en: 'closes the non-resident ID loophole that supplies fraudulent papers',
    id: 'menutup celah KTP bagi bukan penduduk yang menjadi sumber dokumen palsu',
    ms: 'menutup kelemahan kad pengenalan bukan pemastautin yang membekalkan dokumen palsu',
  },
  source: 'Oktavian et al. §3.3: non-resident ID issuance',
  costPerYearIdr: { value: 3e9, source: 'assumption: illustrative yearly programme cost, an order of magnitude for comparison only (not a budget figure)' },
  params: {},
  effects(level) {
    return { fraudDocChance: { factor: 1 - level } };
  },
});
