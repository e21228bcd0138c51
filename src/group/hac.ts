/**
 * Average-link agglomerative clustering with a stopping threshold (UPGMA; Manning, Raghavan &
 * Schütze, Introduction to Information Retrieval, ch. 17.3 "group-average agglomerative
 * clustering"): two clusters merge while the mean similarity over all their cross pairs is at least
 * the threshold. Unlike single link, one close pair cannot pull two subjects together: a chain
 * a–b–c joins c only when c is close to a and b on average.
 *
 * The result is a fixed function of the set of items: items are sorted by id first, and ties are
 * broken by the clusters' smallest item, so the arrival order never shows. Similarities are sparse
 * (pairs that share no term are 0 and never stored), which is what keeps big inputs tractable. A
 * pair at -Infinity can never end up in one cluster (a cannot-link constraint).
 */

export interface Edge {
  a: number;
  b: number;
  sim: number;
}

/** A binary max-heap on (score, then the smaller tie keys first), for the best pair to merge next. */
class PairHeap {
  private readonly items: Array<[number, number, number, number, number]> = [];

  get size(): number {
    return this.items.length;
  }

  private better(x: [number, number, number, number, number], y: [number, number, number, number, number]): boolean {
    return x[0] !== y[0] ? x[0] > y[0] : x[1] !== y[1] ? x[1] < y[1] : x[2] < y[2];
  }

  /** score, tie keys (smallest members), cluster ids, pushed as one entry. */
  push(entry: [number, number, number, number, number]): void {
    const h = this.items;
    h.push(entry);
    let i = h.length - 1;
    while (i > 0) {
      const p = (i - 1) >> 1;
      if (!this.better(h[i]!, h[p]!)) break;
      [h[i], h[p]] = [h[p]!, h[i]!];
      i = p;
    }
  }

  pop(): [number, number, number, number, number] | undefined {
    const h = this.items;
    const top = h[0];
    const last = h.pop();
    if (h.length > 0 && last) {
      h[0] = last;
      let i = 0;
      for (;;) {
        const l = 2 * i + 1;
        const r = l + 1;
        let m = i;
        if (l < h.length && this.better(h[l]!, h[m]!)) m = l;
        if (r < h.length && this.better(h[r]!, h[m]!)) m = r;
        if (m === i) break;
        [h[i], h[m]] = [h[m]!, h[i]!];
        i = m;
      }
    }
    return top;
  }
}

/**
 * Clusters items 0..n-1 (already in canonical order) from their sparse pairwise similarities.
 * Returns each item's cluster as the smallest item index in it.
 */
export function averageLink(n: number, edges: Iterable<Edge>, threshold: number): number[] {
  const size = new Array<number>(n).fill(1);
  const low = Array.from({ length: n }, (_, i) => i);
  const alive = new Array<boolean>(n).fill(true);
  const nbr: Array<Map<number, number>> = Array.from({ length: n }, () => new Map());
  const parent = Array.from({ length: n }, (_, i) => i);
  for (const { a, b, sim } of edges) {
    // A negative similarity is kept: -Infinity is a cannot-link (its sums stay -Infinity).
    if (a === b || sim === 0) continue;
    nbr[a]!.set(b, (nbr[a]!.get(b) ?? 0) + sim);
    nbr[b]!.set(a, (nbr[b]!.get(a) ?? 0) + sim);
  }
  const heap = new PairHeap();
  const offer = (x: number, y: number, sum: number) => {
    const avg = sum / (size[x]! * size[y]!);
    if (avg < threshold) return;
    const [p, q] = low[x]! < low[y]! ? [x, y] : [y, x];
    heap.push([avg, low[p]!, low[q]!, p, q]);
  };
  for (let a = 0; a < n; a++) for (const [b, sum] of nbr[a]!) if (a < b) offer(a, b, sum);

  while (heap.size) {
    const [avg, , , x, y] = heap.pop()!;
    if (!alive[x] || !alive[y]) continue;
    // Stale entry: the pair's sum changed since (a merge touched one side); the current one is queued too.
    const sum = nbr[x]!.get(y);
    if (sum === undefined || sum / (size[x]! * size[y]!) !== avg) continue;
    // Merge the smaller neighbour map into the larger; the survivor keeps the smaller `low`.
    const [keep, gone] = nbr[x]!.size >= nbr[y]!.size ? [x, y] : [y, x];
    alive[gone] = false;
    parent[gone] = keep;
    size[keep] = size[x]! + size[y]!;
    low[keep] = Math.min(low[x]!, low[y]!);
    nbr[keep]!.delete(gone);
    for (const [z, s] of nbr[gone]!) {
      if (z === keep) continue;
      const merged = (nbr[keep]!.get(z) ?? 0) + s;
      nbr[keep]!.set(z, merged);
      nbr[z]!.delete(gone);
      nbr[z]!.set(keep, merged);
    }
    nbr[gone]!.clear();
    for (const [z, s] of nbr[keep]!) offer(keep, z, s);
  }
  const root = (i: number): number => {
    while (parent[i] !== i) i = parent[i]!;
    return i;
  };
  return Array.from({ length: n }, (_, i) => low[root(i)]!);
}
