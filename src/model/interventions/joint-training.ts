/**
 * Joint training in victim identification and ethics (Oktavian et al. §3.4; the joint training
 * committee, border facts §5). It trains Indonesian officers at the posts and patrols; from the
 * cooperation stage, with a common curriculum, it also reaches Malaysian enforcement, whose raids
 * then screen for victims as trained officers would.
 */
import { prob } from '../parameters.js';
import { defineIntervention } from './define.js';

export default defineIntervention({
  kind: 'jointTraining',
  label: {
    en: 'Joint training',
    id: 'Pelatihan bersama',
    ms: 'Latihan bersama',
  },
  bilateral: true,
  meaning: {
    en: 'more officers trained to identify victims at posts and on patrol, less collusion by trained officers; from cooperation, raids in Malaysia screen for victims',
    id: 'lebih banyak petugas terlatih untuk identifikasi korban di pos dan saat patroli, kolusi berkurang di antara petugas terlatih; mulai tahap kerja sama, razia di Malaysia juga menyaring korban',
    ms: 'lebih ramai pegawai dilatih untuk pengenalpastian mangsa di pos dan semasa rondaan, kurang pakatan oleh pegawai terlatih; mulai tahap kerjasama, serbuan di Malaysia turut menyaring mangsa',
  },
  source: 'Oktavian et al. §3.4: victim identification, ethics',
  costPerYearIdr: { value: 5e9, source: 'assumption: illustrative yearly programme cost, an order of magnitude for comparison only (not a budget figure)' },
  params: {
    trainingCollusionCut: {
      ...prob('cut in collusion from joint training', 'share'),
      value: 0.5,
      source: 'assumption: ethics training halves collusion by trained officers; range 0.1–0.8',
      range: [0.1, 0.8],
    },
  },
  effects(level, { p, cap, base }) {
    return {
      trainedShare: { add: (1 - base.trainedShare) * level },
      trainedCollusionCut: { add: p.trainingCollusionCut * level },
      // Patrols trained like officers recognise victims as often as a trained officer would.
      idPatrol: { add: (p.idTrained - base.idPatrol) * level },
      ...(cap.commonTraining ? { idRaid: { add: (p.idRaidTrained - base.idRaid) * level } } : {}),
    };
  },
});
