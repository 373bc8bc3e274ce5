import { describe, expect, it } from 'vitest';
import { AgentTable } from '../../src/core/store.js';

const schema = { a: 'u8', b: 'u16', c: 'i32', d: 'u32', e: 'f32', f: 'f64' } as const;

describe('AgentTable', () => {
  it('allocates one typed array per column, with the right constructor and capacity', () => {
    const t = new AgentTable('people', schema, 37);
    const expected = { a: Uint8Array, b: Uint16Array, c: Int32Array, d: Uint32Array, e: Float32Array, f: Float64Array };
    expect(Object.keys(t.cols).sort()).toEqual(Object.keys(schema).sort());
    for (const [key, ctor] of Object.entries(expected)) {
      const col = t.cols[key as keyof typeof schema];
      expect(col.constructor).toBe(ctor);
      expect(col.length).toBe(37);
      expect([...col].every((v) => v === 0)).toBe(true);
    }
    expect(t.capacity).toBe(37);
    expect(t.count).toBe(0);
    expect(t.name).toBe('people');
  });

  it('gives each column its own storage', () => {
    const t = new AgentTable('t', { x: 'i32', y: 'i32' }, 4);
    t.cols.x[0] = 5;
    expect(t.cols.y[0]).toBe(0);
  });

  it('reports the bytes its columns hold', () => {
    const t = new AgentTable('t', schema, 10);
    expect(t.bytes()).toBe(10 * (1 + 2 + 4 + 4 + 4 + 8));
  });

  it('hands out consecutive ids in creation order, never reusing one', () => {
    const t = new AgentTable('t', { x: 'f64' }, 100);
    const handed: number[] = [];
    for (const n of [1, 1, 5, 1, 10, 3]) {
      const first = t.add(n);
      for (let k = 0; k < n; k++) handed.push(first + k);
    }
    expect(handed).toEqual(Array.from({ length: 21 }, (_, i) => i));
    expect(t.count).toBe(21);
  });

  it('throws a clear error when full, and does not hand out ids past capacity', () => {
    const t = new AgentTable('brokers', { x: 'u8' }, 4);
    t.add(3);
    expect(() => t.add(2)).toThrow('agent table "brokers" is full (4 agents); raise its capacity');
    expect(t.count).toBe(3);
    expect(t.add()).toBe(3);
    expect(t.count).toBe(4);
    expect(() => t.add()).toThrow(/agent table "brokers" is full \(4 agents\)/);
    expect(t.count).toBe(4);
  });

  it('ids() is 0..count-1 in order, as a fresh Int32Array', () => {
    const t = new AgentTable('t', { x: 'u8' }, 50);
    expect([...t.ids()]).toEqual([]);
    t.add(7);
    const ids = t.ids();
    expect(ids).toBeInstanceOf(Int32Array);
    expect([...ids]).toEqual([0, 1, 2, 3, 4, 5, 6]);
    ids.reverse();
    expect([...t.ids()]).toEqual([0, 1, 2, 3, 4, 5, 6]);
    t.add(2);
    expect([...t.ids()]).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8]);
  });
});

describe('a growable table', () => {
  it('doubles its columns when full, keeping every row, and the column object keeps its fields', () => {
    const t = new AgentTable('grows', { a: 'u8', b: 'f64' }, 2, true);
    const cols = t.cols;
    for (let i = 0; i < 5; i++) {
      const id = t.add();
      cols.a[id] = id + 1;
      cols.b[id] = id / 2;
    }
    expect(t.capacity).toBe(8);
    expect(t.cols).toBe(cols);
    expect(Array.from(cols.a.subarray(0, 5))).toEqual([1, 2, 3, 4, 5]);
    expect(Array.from(cols.b.subarray(0, 5))).toEqual([0, 0.5, 1, 1.5, 2]);
    expect(() => new AgentTable('fixed', { a: 'u8' }, 2).add(3)).toThrow('agent table "fixed" is full (2 agents)');
  });
});
