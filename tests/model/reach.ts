/**
 * What a phase touches, measured: the parts of the World it reads (a Proxy records each part it
 * asks for) and the parts it writes (a digest of every part before and after it runs). Used by
 * phases.test.ts to hold each phase to its declared reach.
 */
import { createHash } from 'node:crypto';
import type { Part, World } from '../../src/model/state.js';

const PARTS: readonly Part[] = ['fixed', 'agents', 'queues', 'week', 'beliefs', 'justice', 'rec'];

/** A digest of everything reachable from a value: typed arrays by their bytes, the rest by its values. */
export function digest(value: unknown): string {
  const h = createHash('sha1');
  const seen = new Set<object>();
  const walk = (v: unknown): void => {
    if (typeof v === 'function') return;
    if (typeof v !== 'object' || v === null) {
      h.update(`${typeof v}:${String(v)};`);
      return;
    }
    if (seen.has(v)) return;
    seen.add(v);
    if (ArrayBuffer.isView(v)) {
      h.update(new Uint8Array(v.buffer, v.byteOffset, v.byteLength));
      return;
    }
    const entries = v instanceof Map ? [...v] : Object.entries(v);
    h.update(`{${entries.length}`);
    for (const [k, x] of entries) {
      h.update(`${String(k)}=`);
      walk(x);
    }
    h.update('}');
  };
  walk(value);
  return h.digest('hex');
}

export interface Reach {
  reads: Set<Part>;
  writes: Set<Part>;
}

/** Runs `run` on the world, returning the parts it asked for and the parts it changed. */
export function measure(w: World, run: (w: World) => void): Reach {
  const before = PARTS.map((p) => digest(w[p]));
  const reads = new Set<Part>();
  const proxy = new Proxy(w, {
    get(target, key, receiver) {
      if ((PARTS as readonly (string | symbol)[]).includes(key)) reads.add(key as Part);
      return Reflect.get(target, key, receiver);
    },
  });
  run(proxy);
  const writes = new Set<Part>(PARTS.filter((p, i) => digest(w[p]) !== before[i]));
  return { reads, writes };
}
