/**
 * A bounded "keep the best K" heap. The root is the worst entry kept, so a new entry either beats it
 * (and replaces it) or is dropped: memory stays at K however long the stream is.
 */
export class TopK<T> {
  private readonly items: T[] = [];

  /**
   * @param capacity how many to keep (`Infinity` keeps all)
   * @param better `true` when `a` ranks above `b`
   */
  constructor(
    readonly capacity: number,
    private readonly better: (a: T, b: T) => boolean,
  ) {}

  get size(): number {
    return this.items.length;
  }

  /** True when an entry that ranks like `probe` would be kept (used to skip work for the rest). */
  wouldKeep(probe: T): boolean {
    return this.items.length < this.capacity || this.better(probe, this.items[0]!);
  }

  /** Offers an entry; returns whether it was kept. */
  offer(item: T): boolean {
    const h = this.items;
    if (h.length < this.capacity) {
      h.push(item);
      this.up(h.length - 1);
      return true;
    }
    if (this.capacity === 0 || !this.better(item, h[0]!)) return false;
    h[0] = item;
    this.down(0);
    return true;
  }

  /** The entries kept, best first. */
  sorted(): T[] {
    return [...this.items].sort((a, b) => (this.better(a, b) ? -1 : this.better(b, a) ? 1 : 0));
  }

  private up(i: number): void {
    const h = this.items;
    while (i > 0) {
      const p = (i - 1) >> 1;
      // Min-heap on rank: the worse entry moves up towards the root.
      if (!this.better(h[p]!, h[i]!)) break;
      [h[p], h[i]] = [h[i]!, h[p]!];
      i = p;
    }
  }

  private down(i: number): void {
    const h = this.items;
    for (;;) {
      const l = 2 * i + 1;
      const r = l + 1;
      let w = i;
      if (l < h.length && this.better(h[w]!, h[l]!)) w = l;
      if (r < h.length && this.better(h[w]!, h[r]!)) w = r;
      if (w === i) return;
      [h[w], h[i]] = [h[i]!, h[w]!];
      i = w;
    }
  }
}
