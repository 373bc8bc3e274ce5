/** Helpers for the catalog tests: a catalog's leaves by dotted key, and the values every language shares. */
/** Every leaf of a catalog by its dotted key (array items as key.0, key.1, …). */
export function leaves(o: unknown, prefix = ''): Map<string, string> {
  const out = new Map<string, string>();
  if (typeof o === 'string') out.set(prefix, o);
  else if (o && typeof o === 'object') for (const [k, v] of Object.entries(o)) for (const [kk, vv] of leaves(v, prefix ? `${prefix}.${k}` : k)) out.set(kk, vv);
  return out;
}
/** Values the same in every language: names, identifiers, and words the languages share. */
export const SAME_EVERYWHERE = new Set([
  'format.dates',
  'language.en',
  'language.id',
  'language.ms',
  'report.htmlTitle',
  'report.parametersHead.0',
  'calibration.parametersHead.0',
  'calibration.targetsHead.0',
  // A method's name (ABC-SMC) is the same in every language.
  'calibration.method.abc',
  'report.parametersHead.3',
  'report.variantsHead.3',
  'chart.crossingKind.informal',
  'explorer.bilateral',
  'explorer.interventions',
  'stage.communication',
  'stage.coordination',
  'stage.collaboration',
  'cli.table.interval',
  'cli.table.variant',
  'chart.variant',
  'chart.crossings',
  'report.kind.calibrated',
  'sensitivity.morrisHead.0',
  'sensitivity.morrisHead.2',
  'sensitivity.morrisHead.4',
  'sensitivity.morrisHead.5',
  'sensitivity.sobolHead.0',
  'sensitivity.sobolHead.2',
  'sensitivity.sobolHead.4',
  'sensitivity.flipHead.0',
  'decide.boxHead.0',
  'decide.voiHead.0',
]);

