/**
 * Joint patrols on footpaths and water crossings (Oktavian et al. §3.4; the GBC's reactivated joint
 * posts and coordinated patrol, border facts §5). The programme fields patrol units from both sides;
 * how they work depends on the cooperation stage (cooperation.ts, patrols.ts): in parallel, each
 * side on its own side of the line; coordinated, allocated where the two sides' own patrols
 * leave gaps, handing crossers over at the line; or as joint teams working across it.
 */
import { nonneg } from '../parameters.js';
import { defineIntervention } from './define.js';

export default defineIntervention({
  kind: 'jointPatrols',
  label: {
    en: 'Joint patrols',
    id: 'Patroli bersama',
    ms: 'Rondaan bersama',
  },
  bilateral: true,
  meaning: {
    en: 'patrol units from both sides on the informal segments: in parallel, coordinated or as joint teams, as the stage allows',
    id: 'satuan patroli dari kedua negara di ruas tidak resmi: berjalan sendiri-sendiri, terkoordinasi, atau sebagai tim gabungan, sejauh tahap kerja sama memungkinkan',
    ms: 'unit rondaan dari kedua-dua pihak di laluan tidak rasmi: secara selari, diselaraskan atau sebagai pasukan bersama, setakat yang dibenarkan oleh tahap kerjasama',
  },
  source: 'Oktavian et al. §3.4: joint patrols on the routes traffickers use',
  costPerYearIdr: { value: 40e9, source: 'assumption: illustrative yearly programme cost, an order of magnitude for comparison only (not a budget figure)' },
  params: {
    jointPatrolUnits: {
      ...nonneg('patrol units', 'patrol units (both sides together) the joint programme fields on informal segments at full intensity'),
      value: 35,
      source:
        'assumption: half of the 70 units both sides field now (40 Indonesian, 30 Malaysian); plausible range 10–70, from a token programme to doubling the present effort',
      range: [10, 70],
    },
  },
  effects(level, { p }) {
    return { jointUnits: { add: p.jointPatrolUnits * level } };
  },
});
