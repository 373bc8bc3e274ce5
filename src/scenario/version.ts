/**
 * Which lintas wrote an output, and in which scenario format: recorded in every output's
 * manifest (manifest.json, summary.json, scenario.json), so that an old output says what made it.
 * Both follow the versioning policy in CONTRIBUTING.md; a test checks LINTAS_VERSION against
 * package.json.
 */

/** The version of the lintas package (semver over the public API and the output formats). */
export const LINTAS_VERSION = '0.2.0';

/**
 * The version of the scenario file format (the fields of a scenario, in .ts, .json or .yaml).
 * Raised by one when a scenario that was valid stops being valid or changes meaning.
 */
export const SCENARIO_FORMAT_VERSION = 1;

/** What an output records about its maker. */
export interface WrittenBy {
  lintas: string;
  scenarioFormat: number;
}

/** The `writtenBy` field of every manifest. */
export const WRITTEN_BY: Readonly<WrittenBy> = Object.freeze({ lintas: LINTAS_VERSION, scenarioFormat: SCENARIO_FORMAT_VERSION });
