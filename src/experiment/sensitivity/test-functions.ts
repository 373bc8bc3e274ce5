/**
 * Standard test functions of sensitivity analysis with analytic Sobol' indices, to check the
 * estimators. Inputs are points of the unit cube, as the designs produce them.
 */

export interface AnalyticIndices {
  /** First-order index of each input. */
  S1: number[];
  /** Total index of each input. */
  ST: number[];
}

/**
 * Ishigami & Homma (1990): f = sin x1 + a sin² x2 + b x3⁴ sin x1 with x_i uniform on [−π, π]
 * (mapped here from [0, 1]). x2 acts alone, x3 only through its interaction with x1.
 */
export function ishigami(u: ArrayLike<number>, a = 7, b = 0.1): number {
  const x1 = Math.PI * (2 * u[0]! - 1);
  const x2 = Math.PI * (2 * u[1]! - 1);
  const x3 = Math.PI * (2 * u[2]! - 1);
  return Math.sin(x1) + a * Math.sin(x2) ** 2 + b * x3 ** 4 * Math.sin(x1);
}

/** Analytic indices of the Ishigami function; a = 7, b = 0.1 gives S1 ≈ (0.3139, 0.4424, 0), ST ≈ (0.5576, 0.4424, 0.2437). */
export function ishigamiIndices(a = 7, b = 0.1): AnalyticIndices {
  const pi4 = Math.PI ** 4, pi8 = Math.PI ** 8;
  const v1 = 0.5 * (1 + (b * pi4) / 5) ** 2;
  const v2 = a ** 2 / 8;
  const v13 = (8 * b ** 2 * pi8) / 225;
  const v = v1 + v2 + v13;
  return { S1: [v1 / v, v2 / v, 0], ST: [(v1 + v13) / v, v2 / v, v13 / v] };
}

/** Coefficients of Sobol's g-function often used in tests: two important inputs, two minor ones, four inert ones. */
export const G_FUNCTION_A: readonly number[] = [0, 1, 4.5, 9, 99, 99, 99, 99];

/** Sobol's g-function: Π (|4 x_i − 2| + a_i) / (1 + a_i) on [0, 1]^k; small a_i means an important input. */
export function gFunction(x: ArrayLike<number>, a: readonly number[] = G_FUNCTION_A): number {
  let g = 1;
  for (let i = 0; i < a.length; i++) g *= (Math.abs(4 * x[i]! - 2) + a[i]!) / (1 + a[i]!);
  return g;
}

/** Analytic indices of the g-function: V_i = 1/(3(1+a_i)²), V = Π(1+V_i) − 1, S1_i = V_i/V, ST_i = V_i Π_{j≠i}(1+V_j)/V. */
export function gFunctionIndices(a: readonly number[] = G_FUNCTION_A): AnalyticIndices {
  const vi = a.map((ai) => 1 / (3 * (1 + ai) ** 2));
  const prod = vi.reduce((p, v) => p * (1 + v), 1);
  const v = prod - 1;
  return { S1: vi.map((x) => x / v), ST: vi.map((x) => (x * prod) / (1 + x) / v) };
}
