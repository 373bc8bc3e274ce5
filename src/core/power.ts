/**
 * x to the power y for the simulation path. V8 changed Math.pow (and `**`) between Node 22 and 24,
 * so the same run gave different bytes; Math.exp and Math.log agree on every supported Node
 * (tests/core/power.test.ts), so the power goes through them.
 */
export function power(x: number, y: number): number {
  if (y === 0) return 1;
  if (x === 0) return y > 0 ? 0 : Infinity;
  return Math.exp(y * Math.log(x));
}
