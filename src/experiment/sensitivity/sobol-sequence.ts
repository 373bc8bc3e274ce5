/**
 * Sobol' low-discrepancy sequence (Bratley & Fox 1988, Antonov & Saleev gray-code order) with the
 * Joe & Kuo (2008) direction numbers, file new-joe-kuo-6.21201, for up to 64 dimensions.
 * Unscrambled: the points are a fixed function of their index, so designs are reproducible
 * without a seed. 32-bit integers throughout, so at most 2^32 − 1 points.
 */

/** Dimensions with direction numbers embedded below. */
export const SOBOL_MAX_DIMS = 64;

/**
 * Rows 2..64 of new-joe-kuo-6.21201: dimension d, degree s of the primitive polynomial, its
 * inner coefficients a (as bits), and the initial odd direction integers m_1..m_s.
 */
const JOE_KUO = `
2 1 0 1
3 2 1 1 3
4 3 1 1 3 1
5 3 2 1 1 1
6 4 1 1 1 3 3
7 4 4 1 3 5 13
8 5 2 1 1 5 5 17
9 5 4 1 1 5 5 5
10 5 7 1 1 7 11 19
11 5 11 1 1 5 1 1
12 5 13 1 1 1 3 11
13 5 14 1 3 5 5 31
14 6 1 1 3 3 9 7 49
15 6 13 1 1 1 15 21 21
16 6 16 1 3 1 13 27 49
17 6 19 1 1 1 15 7 5
18 6 22 1 3 1 15 13 25
19 6 25 1 1 5 5 19 61
20 7 1 1 3 7 11 23 15 103
21 7 4 1 3 7 13 13 15 69
22 7 7 1 1 3 13 7 35 63
23 7 8 1 3 5 9 1 25 53
24 7 14 1 3 1 13 9 35 107
25 7 19 1 3 1 5 27 61 31
26 7 21 1 1 5 11 19 41 61
27 7 28 1 3 5 3 3 13 69
28 7 31 1 1 7 13 1 19 1
29 7 32 1 3 7 5 13 19 59
30 7 37 1 1 3 9 25 29 41
31 7 41 1 3 5 13 23 1 55
32 7 42 1 3 7 3 13 59 17
33 7 50 1 3 1 3 5 53 69
34 7 55 1 1 5 5 23 33 13
35 7 56 1 1 7 7 1 61 123
36 7 59 1 1 7 9 13 61 49
37 7 62 1 3 3 5 3 55 33
38 8 14 1 3 1 15 31 13 49 245
39 8 21 1 3 5 15 31 59 63 97
40 8 22 1 3 1 11 11 11 77 249
41 8 38 1 3 1 11 27 43 71 9
42 8 47 1 1 7 15 21 11 81 45
43 8 49 1 3 7 3 25 31 65 79
44 8 50 1 3 1 1 19 11 3 205
45 8 52 1 1 5 9 19 21 29 157
46 8 56 1 3 7 11 1 33 89 185
47 8 67 1 3 3 3 15 9 79 71
48 8 70 1 3 7 11 15 39 119 27
49 8 84 1 1 3 1 11 31 97 225
50 8 97 1 1 1 3 23 43 57 177
51 8 103 1 3 7 7 17 17 37 71
52 8 115 1 3 1 5 27 63 123 213
53 8 122 1 1 3 5 11 43 53 133
54 9 8 1 3 5 5 29 17 47 173 479
55 9 13 1 3 3 11 3 1 109 9 69
56 9 16 1 1 1 5 17 39 23 5 343
57 9 22 1 3 1 5 25 15 31 103 499
58 9 25 1 1 1 11 11 17 63 105 183
59 9 44 1 1 5 11 9 29 97 231 363
60 9 47 1 1 5 15 19 45 41 7 383
61 9 52 1 3 7 7 31 19 83 137 221
62 9 55 1 1 1 3 23 15 111 223 83
63 9 59 1 1 5 13 31 15 55 25 161
64 9 62 1 1 3 13 25 47 39 87 257
`;

const BITS = 32;
const SCALE = 2 ** -BITS;

/** Direction integers V_1..V_32 of every dimension, V_j = m_j · 2^(32−j), built once on load. */
const DIRECTIONS: readonly Uint32Array[] = (() => {
  const dims: Uint32Array[] = [];
  // Dimension 1 is the van der Corput sequence in base 2: every m_j = 1.
  const first = new Uint32Array(BITS);
  for (let j = 0; j < BITS; j++) first[j] = 2 ** (BITS - 1 - j);
  dims.push(first);
  for (const line of JOE_KUO.trim().split('\n')) {
    const [d, s, a, ...m] = line.trim().split(/\s+/).map(Number) as [number, number, number, ...number[]];
    if (d !== dims.length + 1 || m.length !== s) throw new Error(`malformed Joe–Kuo row for dimension ${d}`);
    const v = new Uint32Array(BITS);
    for (let j = 0; j < s; j++) v[j] = m[j]! * 2 ** (BITS - 1 - j);
    // The recurrence of the primitive polynomial, written on V directly (Joe & Kuo's code):
    // V_j = V_{j−s} ⊕ (V_{j−s} >> s) ⊕ a_1 V_{j−1} ⊕ … ⊕ a_{s−1} V_{j−s+1}.
    for (let j = s; j < BITS; j++) {
      let x = v[j - s]! ^ (v[j - s]! >>> s);
      for (let k = 1; k < s; k++) if ((a >>> (s - 1 - k)) & 1) x ^= v[j - k]!;
      v[j] = x >>> 0;
    }
    dims.push(v);
  }
  return dims;
})();

function checkDims(dims: number): void {
  if (!Number.isInteger(dims) || dims < 1) throw new Error(`Sobol' sequence needs a whole number of dimensions ≥ 1, got ${dims}`);
  if (dims > SOBOL_MAX_DIMS)
    throw new Error(`Sobol' sequence supports at most ${SOBOL_MAX_DIMS} dimensions (Joe–Kuo direction numbers embedded), got ${dims}`);
}

function checkIndex(index: number, what: string): void {
  if (!Number.isInteger(index) || index < 0 || index >= 2 ** BITS)
    throw new Error(`Sobol' ${what} must be a whole number in [0, 2^32), got ${index}`);
}

/**
 * Sobol' points in gray-code order, one after another. Point 0 is the all-zero point; start at
 * `skip` to leave it (and more) out. Each point is a fresh Float64Array in [0, 1)^dims.
 */
export class SobolSequence {
  private readonly x: Uint32Array;
  private n: number;

  constructor(
    readonly dims: number,
    skip = 0,
  ) {
    checkDims(dims);
    checkIndex(skip, 'skip');
    this.n = skip;
    // Jump straight to point `skip`: its integers are the XOR of V_j over the set bits of gray(skip).
    this.x = new Uint32Array(dims);
    const gray = (skip ^ Math.floor(skip / 2)) >>> 0;
    for (let j = 0; j < BITS; j++) {
      if (((gray >>> j) & 1) === 0) continue;
      for (let d = 0; d < dims; d++) this.x[d] = this.x[d]! ^ DIRECTIONS[d]![j]!;
    }
  }

  /** Index (in the whole sequence, zero point included) of the point next() returns. */
  get index(): number {
    return this.n;
  }

  next(): Float64Array {
    checkIndex(this.n, 'index');
    const out = new Float64Array(this.dims);
    for (let d = 0; d < this.dims; d++) out[d] = this.x[d]! * SCALE;
    // Gray code: going from n to n + 1 flips exactly one bit, the lowest zero bit c of n.
    const n = this.n;
    if (n + 1 < 2 ** BITS) {
      const c = 31 - Math.clz32(~n & (n + 1));
      for (let d = 0; d < this.dims; d++) this.x[d] = this.x[d]! ^ DIRECTIONS[d]![c]!;
    }
    this.n = n + 1;
    return out;
  }
}

/**
 * The n Sobol' points with indices skip, skip + 1, …, in `dims` dimensions. skip = 1 (default)
 * drops the all-zero point, which maps to the corner of the input box. Balance (each 1-D
 * projection of 2^m points exactly stratified) holds for points 0..2^m − 1, so with skip = 0
 * and n a power of two.
 */
export function sobolPoints(n: number, dims: number, skip = 1): Float64Array[] {
  if (!Number.isInteger(n) || n < 0) throw new Error(`Sobol' point count must be a whole number ≥ 0, got ${n}`);
  const seq = new SobolSequence(dims, skip);
  return Array.from({ length: n }, () => seq.next());
}
