/**
 * A small classification tree (CART: Breiman et al. 1984), the second view of scenario discovery:
 * where PRIM finds one box of high density, the tree splits all draws into regions by one
 * parameter at a time, each split the threshold that most lowers the Gini impurity of the two
 * halves. Shallow (three levels by default) and with leaves of at least a few percent of the
 * draws, so a reader can follow each path as a rule. Written here rather than taken from npm
 * (ml-cart, the maintained-looking package, last released four years ago and without the rule
 * paths needed): it is a few dozen lines, deterministic, and exact on ties.
 */

export interface CartOptions {
  /** Levels below the root (default 3). */
  maxDepth?: number;
  /** The fewest draws in a leaf (default: 5% of the draws, at least 3). */
  minLeaf?: number;
}

/** A node of the tree, in depth-first order; the root is node 0. */
export interface CartNode {
  id: number;
  depth: number;
  /** The conditions from the root to this node, e.g. `params.h0 ≤ 0.00012`. */
  rule: string[];
  /** Draws in the node, and cases of interest among them. */
  n: number;
  cases: number;
  /** Share of the node's draws that are cases of interest. */
  share: number;
  /** The split of an inner node: draws with parameter ≤ threshold go left. */
  split?: { parameter: string; threshold: number; left: number; right: number };
}

const gini = (cases: number, n: number) => (n ? 2 * (cases / n) * (1 - cases / n) : 0);

/** A threshold printed as the shortest text that still separates the two values around it. */
function threshold(a: number, b: number): number {
  const mid = (a + b) / 2;
  for (let digits = 1; digits <= 17; digits++) {
    const t = Number(mid.toPrecision(digits));
    if (t >= a && t < b) return t;
  }
  return mid;
}

interface Split {
  j: number;
  t: number;
  gain: number;
}

/** The split of a node's draws that lowers the Gini impurity most, with at least minLeaf draws each side. */
function bestSplit(x: readonly (readonly number[])[], y: readonly boolean[], idx: readonly number[], minLeaf: number): Split | undefined {
  const n = idx.length;
  const total = idx.reduce((s, i) => s + (y[i] ? 1 : 0), 0);
  const parent = gini(total, n);
  let best: Split | undefined;
  x.forEach((col, j) => {
    const order = [...idx].sort((a, b) => col[a]! - col[b]!);
    let left = 0;
    for (let k = 0; k < n - 1; k++) {
      left += y[order[k]!] ? 1 : 0;
      const a = col[order[k]!]!, b = col[order[k + 1]!]!;
      const nl = k + 1;
      if (a === b || nl < minLeaf || n - nl < minLeaf) continue;
      const gain = parent - (nl / n) * gini(left, nl) - ((n - nl) / n) * gini(total - left, n - nl);
      if (gain > 1e-12 && (!best || gain > best.gain + 1e-12)) best = { j, t: threshold(a, b), gain };
    }
  });
  return best;
}

/** A fixed, short rendering of a threshold in a rule. */
const show = (t: number) => String(Number(t.toPrecision(4)));

/** Grows a classification tree of the cases of interest y over the parameters x (x[j][i]), depth first. */
export function cart(x: readonly (readonly number[])[], y: readonly boolean[], names: readonly string[], options: CartOptions = {}): CartNode[] {
  const n = y.length;
  const maxDepth = options.maxDepth ?? 3;
  const minLeaf = options.minLeaf ?? Math.max(3, Math.ceil(0.05 * n));
  const nodes: CartNode[] = [];
  const grow = (idx: number[], depth: number, rule: string[]): number => {
    const cases = idx.reduce((s, i) => s + (y[i] ? 1 : 0), 0);
    const node: CartNode = { id: nodes.length, depth, rule, n: idx.length, cases, share: idx.length ? cases / idx.length : 0 };
    nodes.push(node);
    if (depth >= maxDepth || cases === 0 || cases === idx.length) return node.id;
    const s = bestSplit(x, y, idx, minLeaf);
    if (!s) return node.id;
    const col = x[s.j]!;
    const name = names[s.j]!;
    const left = grow(idx.filter((i) => col[i]! <= s.t), depth + 1, [...rule, `${name} ≤ ${show(s.t)}`]);
    const right = grow(idx.filter((i) => col[i]! > s.t), depth + 1, [...rule, `${name} > ${show(s.t)}`]);
    node.split = { parameter: name, threshold: s.t, left, right };
    return node.id;
  };
  grow(y.map((_, i) => i), 0, []);
  return nodes;
}

/** The leaf a point falls in. */
export function leafOf(nodes: readonly CartNode[], names: readonly string[], point: readonly number[]): CartNode {
  let node = nodes[0]!;
  while (node.split) {
    const j = names.indexOf(node.split.parameter);
    node = nodes[point[j]! <= node.split.threshold ? node.split.left : node.split.right]!;
  }
  return node;
}
