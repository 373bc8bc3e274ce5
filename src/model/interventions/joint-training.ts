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
  label: 'Joint training',
  bilateral: true,
  meaning: 'more officers trained to identify victims at posts and on patrol, less collusion by trained officers; from cooperation, raids in Malaysia screen for victims',
  source: 'Oktavian et al. §3.4: victim identification, ethics',
  params: {
    trainingCollusionCut: {
      ...prob('cut in collusion from joint training', 'share'),
      value: 0.5,
      source: 'assumption: ethics training halves collusion by trained officers; range 0.1–0.8',
      range: [0.1, 0.8],
    },
  },
  apply(c, level, { p }) {
    c.trainedShare = c.trainedShare + (1 - c.trainedShare) * level;
    c.trainedCollusionCut = p.trainingCollusionCut * level;
    // Patrols trained like officers recognise victims as often as a trained officer would.
    c.idPatrol = Math.min(1, c.idPatrol + (p.idTrained - c.idPatrol) * level);
    if (c.cap.commonTraining) c.idRaid = c.idRaid + (p.idRaidTrained - c.idRaid) * level;
  },
});
