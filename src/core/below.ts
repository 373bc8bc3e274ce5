/**
 * Which entities' keyed draws fall below a threshold this tick, for every entity at once. A
 * process that draws for everyone every week (the departure decision) keeps each entity's half
 * of the hash (rng.ts keyedEntity) and needs only the ids whose finished draw is below the
 * week's largest chance. The WebAssembly kernel (wasm/below.wat) finishes four draws at a time
 * in 128-bit lanes; where WebAssembly SIMD is missing the same scan runs in JS. Both give the
 * same ids: integer arithmetic only, so nothing depends on the platform.
 */
import { keyedBitsFrom, keyedEntity } from './rng.js';
import { BELOW_WASM } from './wasm/below.js';

type BelowKernel = (count: number, term: number, limit: number, out: number) => number;

const PAGE = 65536;
let compiled: WebAssembly.Module | null | undefined;

/** The kernel's module, compiled once per thread; null where WebAssembly SIMD is not available. */
function kernelModule(): WebAssembly.Module | null {
  if (compiled === undefined) {
    compiled = null;
    if (typeof WebAssembly === 'object') {
      const bytes = Uint8Array.from(atob(BELOW_WASM), (c) => c.charCodeAt(0));
      try {
        if (WebAssembly.validate(bytes)) compiled = new WebAssembly.Module(bytes);
      } catch {
        // A page whose content security policy forbids WebAssembly: the JS scan, the same ids.
      }
    }
  }
  return compiled;
}

/** The largest 32-bit value: a limit above it takes every entity. */
const ALL_BITS = 0xffffffff;

/**
 * The kept halves of one keyed process and the scan over them. Ids are never reused, so a kept
 * half stays right as entities are added. `simd: false` forces the JS scan (for tests).
 */
export class KeptHalves {
  private memory: WebAssembly.Memory | null = null;
  private kernel: BelowKernel | null = null;
  /** Kept halves, in entity order; its length (a multiple of 8: the kernel reads eight at a time) is the capacity. */
  private halves = new Uint32Array(0);
  /** Where the scan writes the ids it finds: as long as the halves. */
  private found = new Int32Array(0);
  private filled = 0;

  constructor(
    readonly key: number,
    private readonly simd = true,
  ) {}

  /** Which scan runs: the WebAssembly kernel, or JS where WebAssembly SIMD is missing. */
  get scan(): 'simd' | 'js' {
    return this.simd && kernelModule() ? 'simd' : 'js';
  }

  /** The halves of entities 0..count-1 (and perhaps more): keyedEntity(key, id). A view, valid until the next call. */
  upTo(count: number): Uint32Array {
    if (count > this.halves.length) this.grow(count);
    for (let id = this.filled; id < count; id++) this.halves[id] = keyedEntity(this.key, id);
    if (count > this.filled) this.filled = count;
    return this.halves;
  }

  /**
   * The ids 0..count-1 whose draw keyedBits(key, id, term) is below `limit` (a number of 32-bit
   * units, 0..2^32, need not be whole), in ascending order: a view, valid until the next call.
   */
  below(count: number, term: number, limit: number): Int32Array {
    const halves = this.upTo(count);
    const found = this.found;
    const whole = Math.ceil(limit); // bits < limit exactly when bits < ceil(limit): the bits are whole
    if (!(whole > 0) || count === 0) return found.subarray(0, 0);
    if (whole > ALL_BITS) {
      for (let id = 0; id < count; id++) found[id] = id;
      return found.subarray(0, count);
    }
    let k = 0;
    if (this.kernel) {
      k = this.kernel(count, term, whole | 0, this.halves.length * 4);
      while (k > 0 && found[k - 1]! >= count) k--; // the last block of eight may run past count
    } else {
      for (let id = 0; id < count; id++) if (keyedBitsFrom(halves[id]!, term) < whole) found[k++] = id;
    }
    return found.subarray(0, k);
  }

  /** Room for `count` entities (at least doubling): kept halves stay where they are, found ids are scratch. */
  private grow(count: number): void {
    const capacity = Math.max((count + 7) & ~7, this.halves.length * 2, 1024);
    const module = this.simd ? kernelModule() : null;
    if (module) {
      const pages = Math.ceil((capacity * 8) / PAGE);
      if (!this.memory) {
        this.memory = new WebAssembly.Memory({ initial: pages });
        const instance = new WebAssembly.Instance(module, { env: { memory: this.memory } });
        this.kernel = instance.exports.below as BelowKernel;
      } else if (pages > this.memory.buffer.byteLength / PAGE) {
        this.memory.grow(pages - this.memory.buffer.byteLength / PAGE);
      }
      // Halves at byte 0, found ids right after them; growing memory keeps its bytes.
      this.halves = new Uint32Array(this.memory.buffer, 0, capacity);
      this.found = new Int32Array(this.memory.buffer, capacity * 4, capacity);
    } else {
      const halves = new Uint32Array(capacity);
      halves.set(this.halves.subarray(0, this.filled));
      this.halves = halves;
      this.found = new Int32Array(capacity);
    }
  }
}
