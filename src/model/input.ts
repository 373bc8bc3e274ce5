/**
 * What the model needs to run: the border as tables (origins, hubs, crossings, destinations,
 * routes), dated series and closures, the named coefficients, the cooperation stages and the
 * scheduled interventions. The model owns this type; the scenario layer validates files into it.
 */
import type { Mechanism, Stage, StageEntry } from './cooperation.js';
import type { InterventionDefinition, InterventionEntry } from './interventions/define.js';

export interface OriginInput {
  readonly id: string;
  readonly name: string;
  readonly province: string;
  readonly lat: number;
  readonly lon: number;
  /** Working-age persons. */
  readonly population: number;
  /** A far origin (Sulawesi, Nusa Tenggara, Java) feeding the Sabah corridor through a hub. */
  readonly far: boolean;
  readonly inflowPerYear: number;
  /** Key of the origin wage series: `wage_<wageRegion>` in `series`. */
  readonly wageRegion: string;
  readonly unemployment: number;
  readonly poverty: number;
  readonly kinShare: number;
  readonly awareness: number;
  readonly homePost?: string;
  /** Weekly chance a resident makes a short visit through the home post. */
  readonly visitRate: number;
  readonly hub: string;
}

export interface HubInput {
  readonly id: string;
  readonly name: string;
  readonly lat: number;
  readonly lon: number;
  readonly brokers: number;
  readonly traffickerShare: number;
  /** The Indonesian province the hub is in ('' if not given): where cases against its brokers are counted. */
  readonly province?: string;
}

export type CrossingKindName = 'post' | 'sea' | 'informal';

export interface CrossingInput {
  readonly id: string;
  readonly name: string;
  readonly kind: CrossingKindName;
  readonly lat: number;
  readonly lon: number;
  readonly counterpart?: string;
  readonly twinOf?: string;
  readonly opens?: string;
  readonly operating: boolean;
  readonly officers: number;
  /** Weight of the segment in Indonesia's patrol allocation. */
  readonly patrolCoverage: number;
  /** Weight of the segment in Malaysia's patrol allocation. */
  readonly patrolCoverageMY: number;
  readonly terrain: number;
  /** The Indonesian province the crossing is in ('' if not given): where what happens there is counted. */
  readonly province?: string;
}

export interface DestinationInput {
  readonly id: string;
  readonly name: string;
  readonly state: 'Sarawak' | 'Sabah';
  readonly lat: number;
  readonly lon: number;
  readonly demand: number;
  readonly exploitShare: number;
  /** How cut off workplaces are (0..1): the share of outside contact (NGOs) they prevent. */
  readonly isolation: number;
}

export interface RouteInput {
  readonly from: string;
  readonly to: string;
  readonly mode: 'road' | 'river' | 'sea' | 'path';
  readonly km: number;
  readonly hours: number;
  readonly costIdr: number;
  readonly inspection: boolean;
}

export interface DatedValue {
  readonly date: string;
  readonly value: number;
}

export interface ClosureInput {
  readonly crossing: string;
  readonly from: string;
  readonly to: string;
  /** Deportation batches still pass while the crossing is closed to others. */
  readonly deportations?: boolean;
}

/** A scheduled intervention: its kind names a registered definition (interventions/). */
export type { InterventionEntry } from './interventions/define.js';

export interface ModelInput {
  readonly name: string;
  /** First week's Monday, YYYY-MM-DD. */
  readonly start: string;
  readonly end: string;
  /**
   * Weeks simulated before `start` on the same rules, so that 2019 starts from a settled state
   * (workers abroad, people in exploitation, brokers and cases in the pipeline); not reported.
   */
  readonly spinUpWeeks?: number;
  readonly origins: readonly OriginInput[];
  readonly hubs: readonly HubInput[];
  readonly crossings: readonly CrossingInput[];
  readonly destinations: readonly DestinationInput[];
  readonly routes: readonly RouteInput[];
  /** Dated step series: fx_idr_per_myr, my_min_wage_myr, wage_<region>. */
  readonly series: Readonly<Record<string, readonly DatedValue[]>>;
  readonly closures: readonly ClosureInput[];
  /** Every coefficient the model and its registered interventions read, by name. */
  readonly params: Readonly<Record<string, number>>;
  readonly stages: readonly StageEntry[];
  /** Pins a cooperation mechanism to a stage whatever the stage in force (to decompose a change of stage). */
  readonly mechanismStages?: Readonly<Partial<Record<Mechanism, Stage>>>;
  readonly interventions: readonly InterventionEntry[];
  /** Dated events that are not policy measures (COVID-19, crackdowns): entries of events/ kinds. */
  readonly events?: readonly InterventionEntry[];
  /** Interventions beyond the built-in ones (a study's own measures, defined in a .ts scenario). */
  readonly extensions?: readonly InterventionDefinition[];
}
