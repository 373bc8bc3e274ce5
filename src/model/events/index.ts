/**
 * Dated events that are not policy measures of the paper: COVID-19 and its movement control
 * orders, the freeze on foreign-worker intake, suspended deportations, border guarding, and
 * enforcement crackdowns on both sides. They have the same shape as interventions (one file
 * each, a hook that moves the week's levers by the level of the entries in force) and are
 * scheduled under the scenario's `events`.
 */
import type { InterventionDefinition } from '../interventions/define.js';
import { InterventionRegistry } from '../interventions/index.js';
import borderGuard from './border-guard.js';
import deportationSuspension from './deportation-suspension.js';
import enforcementCrackdown from './enforcement-crackdown.js';
import hiringFreeze from './hiring-freeze.js';
import movementControl from './movement-control.js';
import taskForceCrackdown from './task-force-crackdown.js';

export const BUILTIN_EVENTS = [
  movementControl,
  hiringFreeze,
  deportationSuspension,
  borderGuard,
  enforcementCrackdown,
  taskForceCrackdown,
] as const satisfies readonly InterventionDefinition[];

export type EventKind = (typeof BUILTIN_EVENTS)[number]['kind'];

export const EVENTS = new InterventionRegistry(BUILTIN_EVENTS);
