/** Joint training in victim identification and ethics (seed paper §3.4; JKLB, facts §5). */
import { prob } from '../parameters.js';
import { defineIntervention } from './define.js';

export default defineIntervention({
  kind: 'jointTraining',
  label: 'Joint training',
  bilateral: true,
  meaning: 'more officers trained (identification at posts), better identification by patrols, less collusion by trained officers',
  source: 'seed paper §3.4: victim identification, ethics',
  params: {
    trainingCollusionCut: {
      ...prob('cut in collusion from joint training', 'share'),
      value: 0.5,
      source: 'assumption: ethics training halves collusion by trained officers',
    },
  },
  apply(c, level, { p }) {
    c.trainedShare = c.trainedShare + (1 - c.trainedShare) * level;
    c.trainedCollusionCut = p.trainingCollusionCut * level;
    // Patrols trained like officers recognise victims as often as a trained officer would.
    c.idPatrol = Math.min(1, c.idPatrol + (p.idTrained - c.idPatrol) * level);
  },
});
