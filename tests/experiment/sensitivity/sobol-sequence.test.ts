/** Sobol' sequence: known points, stratification, balance, limits. */
import { describe, expect, it } from 'vitest';
import { SOBOL_MAX_DIMS, SobolSequence, sobolPoints } from '../../../src/experiment/sensitivity/sobol-sequence.js';

/**
 * Points of the unscrambled 64-dimensional sequence (as integers × 2^30) at a few indices, zero
 * point counted as index 0. Computed with scipy.stats.qmc.Sobol(64, scramble=False), an independent
 * implementation using the same new-joe-kuo-6.21201 table; they check every embedded row.
 */
const REFERENCE: Record<number, number[]> = {
  1000: [
    235929600, 103809024, 556793856, 726663168, 300941312, 974127104, 49283072, 965738496, 537919488, 74448896, 91226112,
    273678336, 173015040, 412090368, 154140672, 397410304, 772800512, 370147328, 1064304640, 779091968, 560988160, 590348288,
    1020264448, 579862528, 625999872, 974127104, 42991616, 1051721728, 63963136, 365953024, 158334976, 156237824, 317718528,
    636485632, 860880896, 827326464, 911212544, 892338176, 330301440, 514850816, 980418560, 273678336, 1030750208, 753926144,
    902823936, 99614720, 936378368, 986710016, 1072693248, 514850816, 378535936, 554696704, 808452096, 470810624, 135266304,
    957349888, 487587840, 84934656, 948961280, 613416960, 479199232, 646971392, 277872640, 479199232,
  ],
  123457: [
    565321728, 733093888, 866787328, 1020387328, 718528512, 755113984, 231743488, 1035149312, 221683712, 804298752, 1072783360,
    301916160, 55812096, 838000640, 282763264, 173268992, 76570624, 935927808, 410181632, 705617920, 663674880, 110518272,
    1037737984, 1070473216, 263200768, 26255360, 388538368, 1018748928, 250634240, 886104064, 187179008, 618160128, 819372032,
    600186880, 550395904, 968777728, 739434496, 1039015936, 775299072, 935206912, 315629568, 659562496, 453517312, 926425088,
    280502272, 187179008, 478060544, 297574400, 233021440, 709074944, 816291840, 143826944, 681156608, 754688000, 496181248,
    540057600, 515170304, 572071936, 305651712, 961142784, 1059987456, 43835392, 198189056, 485482496,
  ],
  1048577: [
    536872448, 1040195072, 192814592, 358034944, 158088704, 417349120, 310886912, 628942336, 158778880, 15851008, 673009152,
    832554496, 596542976, 554256896, 698150400, 593963520, 983730688, 310614528, 1046845952, 77656576, 646624768, 155382272,
    912100864, 211409408, 804661760, 629161472, 411131392, 941977088, 356229632, 984342016, 1060790784, 797357568, 718915072,
    1022096896, 258112000, 205155840, 274781696, 217711104, 945324544, 906082816, 258701824, 423392768, 168648192, 155238912,
    285991424, 1029623296, 331471360, 96918016, 331414016, 751745536, 831829504, 113121792, 253233664, 50857472, 1038617088,
    263063040, 957222400, 887752192, 311660032, 399609344, 725123584, 733382144, 592088576, 769425920,
  ],
};

describe("Sobol' sequence", () => {
  it('starts with the known 2-D points after the zero point', () => {
    expect(sobolPoints(1, 2, 0).map((p) => [...p])).toEqual([[0, 0]]);
    expect(sobolPoints(7, 2).map((p) => [...p])).toEqual([
      [0.5, 0.5],
      [0.75, 0.25],
      [0.25, 0.75],
      [0.375, 0.375],
      [0.875, 0.875],
      [0.625, 0.125],
      [0.125, 0.625],
    ]);
  });

  it('matches reference points in all 64 dimensions, by jumping ahead and by stepping', () => {
    for (const [index, expected] of Object.entries(REFERENCE)) {
      const [p] = sobolPoints(1, SOBOL_MAX_DIMS, Number(index));
      expect([...p!].map((v) => v * 2 ** 30), `point ${index}`).toEqual(expected);
    }
    // Stepping through the gray code from 0 reaches the same point as the direct jump.
    const seq = new SobolSequence(SOBOL_MAX_DIMS, 0);
    for (let i = 0; i < 1000; i++) seq.next();
    expect(seq.index).toBe(1000);
    expect([...seq.next()].map((v) => v * 2 ** 30)).toEqual(REFERENCE[1000]);
  });

  it('stratifies each 1-D projection of the first 2^m points (zero point included)', () => {
    const pts = sobolPoints(1024, SOBOL_MAX_DIMS, 0);
    for (let m = 0; m <= 10; m++) {
      const n = 2 ** m;
      for (let d = 0; d < SOBOL_MAX_DIMS; d++) {
        const cells = new Set(pts.slice(0, n).map((p) => Math.floor(p[d]! * n)));
        expect(cells.size, `m=${m} d=${d + 1}`).toBe(n);
      }
    }
  });

  it('puts one of the first 2^m points in every elementary box of the first two dimensions (a (0, m, 2)-net)', () => {
    const m = 8, n = 2 ** m;
    const pts = sobolPoints(n, 2, 0);
    for (let a = 0; a <= m; a++) {
      const cells = new Set(pts.map((p) => `${Math.floor(p[0]! * 2 ** a)},${Math.floor(p[1]! * 2 ** (m - a))}`));
      expect(cells.size, `2^${a} × 2^${m - a}`).toBe(n);
    }
  });

  it('has coordinate means within 0.001 of 1/2 over 1024 points', () => {
    const pts = sobolPoints(1024, SOBOL_MAX_DIMS);
    for (let d = 0; d < SOBOL_MAX_DIMS; d++) {
      const mean = pts.reduce((s, p) => s + p[d]!, 0) / pts.length;
      expect(Math.abs(mean - 0.5), `d=${d + 1}`).toBeLessThan(0.001);
    }
  });

  it('rejects unsupported dimensions and indices with a clear error', () => {
    expect(() => sobolPoints(4, SOBOL_MAX_DIMS + 1)).toThrow(/at most 64 dimensions/);
    expect(() => sobolPoints(4, 0)).toThrow(/dimensions/);
    expect(() => sobolPoints(4, 2, -1)).toThrow(/skip/);
    expect(() => sobolPoints(1.5, 2)).toThrow(/count/);
    const last = new SobolSequence(1, 2 ** 32 - 1);
    expect(last.next()[0]).toBeGreaterThan(0);
    expect(() => last.next()).toThrow(/index/);
  });
});
