/** Closing the non-resident ID loophole (Oktavian et al. §3.3: Permendagri 8/2016). */
import { defineIntervention } from './define.js';

export default defineIntervention({
  kind: 'documentAlignment',
  label: 'Close the ID loophole',
  bilateral: false,
  meaning: 'closes the non-resident ID loophole that supplies fraudulent papers',
  source: 'Oktavian et al. §3.3: non-resident ID issuance',
  params: {},
  apply(c, level) {
    c.fraudDocChance = c.fraudDocChance * (1 - level);
  },
});
