/** Reproducible synthetic draws for the decide tests: uniforms and normals from keyed draws. */
import { keyedUniform, streamKey } from '../../../src/core/rng.js';

/** n uniforms in [0, 1) of stream `name`, column `j`. */
export const uniforms = (name: string, j: number, n: number) => {
  const key = streamKey(7, name);
  return Array.from({ length: n }, (_, i) => keyedUniform(key, i, j));
};

/** n standard normals (Box–Muller) of stream `name`, column `j`. */
export const normals = (name: string, j: number, n: number) => {
  const key = streamKey(7, name);
  return Array.from({ length: n }, (_, i) => {
    const u1 = 1 - keyedUniform(key, i, 2 * j);
    const u2 = keyedUniform(key, i, 2 * j + 1);
    return Math.sqrt(-2 * Math.log(u1)) * Math.cos(2 * Math.PI * u2);
  });
};
