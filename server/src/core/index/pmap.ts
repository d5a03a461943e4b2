// A persistent string-keyed map: a shared, frozen `base` Map plus a small
// `top` Map of what changed since. A new version copies only `top`; when
// `top` outgrows √size·8 entries (1.8k at 50k keys), the two are merged into
// a new base — an O(n) copy every ~√n changes, so a keystroke stays cheap.
// Versions share everything else, so changing one page of a 50k-page index
// copies a few hundred entries, and lookups stay two native Map lookups.

const GONE: unique symbol = Symbol('deleted');
type Slot<V> = V | typeof GONE;

const MIN_TOP = 1024;

export class PMap<V> {
  private constructor(
    private readonly base: ReadonlyMap<string, V>,
    private readonly top: ReadonlyMap<string, Slot<V>>,
    readonly size: number,
  ) {}

  static empty<V>(): PMap<V> {
    return new PMap<V>(new Map(), new Map(), 0);
  }

  /** @internal */
  static of<V>(base: ReadonlyMap<string, V>, top: ReadonlyMap<string, Slot<V>>, size: number): PMap<V> {
    return new PMap(base, top, size);
  }

  get(key: string): V | undefined {
    const t = this.top.get(key);
    if (t !== undefined) return t === GONE ? undefined : t;
    return this.base.get(key);
  }

  has(key: string): boolean {
    return this.get(key) !== undefined;
  }

  *entries(): IterableIterator<[string, V]> {
    for (const [k, v] of this.top) if (v !== GONE) yield [k, v];
    for (const [k, v] of this.base) if (!this.top.has(k)) yield [k, v];
  }

  *keys(): IterableIterator<string> {
    for (const [k] of this.entries()) yield k;
  }

  *values(): IterableIterator<V> {
    for (const [, v] of this.entries()) yield v;
  }

  edit(): PMapBuilder<V> {
    return new PMapBuilder(this, this.base, this.top, this.size);
  }
}

/**
 * A batch of edits to a PMap; `build()` returns the new version, the old one
 * is untouched — and is itself returned when nothing changed, so that caches
 * keyed by a map (completion's page table) survive edits that don't touch it.
 */
export class PMapBuilder<V> {
  private top: Map<string, Slot<V>> | undefined;

  constructor(
    private readonly origin: PMap<V>,
    private readonly base: ReadonlyMap<string, V>,
    private readonly sharedTop: ReadonlyMap<string, Slot<V>>,
    private size: number,
  ) {}

  get(key: string): V | undefined {
    const t = (this.top ?? this.sharedTop).get(key);
    if (t !== undefined) return t === GONE ? undefined : t;
    return this.base.get(key);
  }

  has(key: string): boolean {
    return this.get(key) !== undefined;
  }

  set(key: string, value: V): void {
    const top = this.writable();
    const t = top.get(key);
    if (t === undefined ? !this.base.has(key) : t === GONE) this.size++;
    top.set(key, value);
  }

  delete(key: string): void {
    if (!this.has(key)) return;
    this.size--;
    const top = this.writable();
    if (this.base.has(key)) top.set(key, GONE);
    else top.delete(key);
  }

  build(): PMap<V> {
    if (!this.top) return this.origin;
    const top = this.top;
    this.top = undefined;
    if (top.size <= Math.max(MIN_TOP, Math.sqrt(this.base.size) * 8)) return PMap.of(this.base, top, this.size);
    const merged = new Map(this.base);
    for (const [k, v] of top) {
      if (v === GONE) merged.delete(k);
      else merged.set(k, v);
    }
    return PMap.of(merged, new Map(), this.size);
  }

  private writable(): Map<string, Slot<V>> {
    if (!this.top) this.top = new Map(this.sharedTop);
    return this.top;
  }
}

/**
 * A PMap of lists, `target → pages linking to it`, for the big backlink
 * tables: appending to an array is cheaper than a Set and half the memory.
 * Callers add a member to a key at most once (the index links a page's
 * distinct targets, and unlinks them all before linking again).
 */
export class PListMapBuilder {
  private readonly map: PMapBuilder<readonly string[]>;
  private readonly dirty = new Map<string, string[]>();

  constructor(base: PMap<readonly string[]>) {
    this.map = base.edit();
  }

  add(key: string, member: string): void {
    let list = this.dirty.get(key);
    if (!list) {
      list = this.map.get(key)?.slice() ?? [];
      this.dirty.set(key, list);
    }
    list.push(member);
  }

  remove(key: string, member: string): void {
    let list = this.dirty.get(key);
    if (!list) {
      const cur = this.map.get(key);
      if (!cur || !cur.includes(member)) return;
      list = cur.slice();
      this.dirty.set(key, list);
    }
    const i = list.indexOf(member);
    if (i !== -1) {
      list[i] = list[list.length - 1];
      list.pop();
    }
  }

  get(key: string): readonly string[] | undefined {
    const list = this.dirty.get(key) ?? this.map.get(key);
    return list && list.length > 0 ? list : undefined;
  }

  build(): PMap<readonly string[]> {
    for (const [key, list] of this.dirty) {
      if (list.length === 0) this.map.delete(key);
      else this.map.set(key, list);
    }
    this.dirty.clear();
    return this.map.build();
  }
}
