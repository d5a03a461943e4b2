// A persistent string-keyed map: 1024 chunks by key hash, shared between
// versions. An edit copies only the chunks (and member sets) it touches, so
// changing one page of a 50k-page index copies a few hundred entries, not 50k.

const CHUNK_BITS = 10;
const CHUNKS = 1 << CHUNK_BITS;

function chunkOf(key: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < key.length; i++) h = Math.imul(h ^ key.charCodeAt(i), 0x01000193);
  return (h >>> 0) & (CHUNKS - 1);
}

type Chunks<V> = readonly (ReadonlyMap<string, V> | undefined)[];

export class PMap<V> {
  private constructor(
    /** @internal */ readonly chunks: Chunks<V>,
    readonly size: number,
  ) {}

  static empty<V>(): PMap<V> {
    return new PMap<V>(new Array(CHUNKS).fill(undefined), 0);
  }

  /** @internal */
  static of<V>(chunks: Chunks<V>, size: number): PMap<V> {
    return new PMap(chunks, size);
  }

  get(key: string): V | undefined {
    return this.chunks[chunkOf(key)]?.get(key);
  }

  has(key: string): boolean {
    return this.chunks[chunkOf(key)]?.has(key) ?? false;
  }

  *entries(): IterableIterator<[string, V]> {
    for (const c of this.chunks) if (c) yield* c.entries();
  }

  *keys(): IterableIterator<string> {
    for (const c of this.chunks) if (c) yield* c.keys();
  }

  *values(): IterableIterator<V> {
    for (const c of this.chunks) if (c) yield* c.values();
  }

  edit(): PMapBuilder<V> {
    return new PMapBuilder(this);
  }
}

/** A batch of edits to a PMap; `build()` returns the new version, the old one is untouched. */
export class PMapBuilder<V> {
  private readonly chunks: (ReadonlyMap<string, V> | undefined)[];
  private readonly owned = new Set<number>();
  private size: number;

  constructor(base: PMap<V>) {
    this.chunks = base.chunks.slice();
    this.size = base.size;
  }

  get(key: string): V | undefined {
    return this.chunks[chunkOf(key)]?.get(key);
  }

  has(key: string): boolean {
    return this.chunks[chunkOf(key)]?.has(key) ?? false;
  }

  set(key: string, value: V): void {
    const c = this.writable(chunkOf(key));
    if (!c.has(key)) this.size++;
    c.set(key, value);
  }

  delete(key: string): void {
    const i = chunkOf(key);
    if (!this.chunks[i]?.has(key)) return;
    this.writable(i).delete(key);
    this.size--;
  }

  build(): PMap<V> {
    this.owned.clear();
    return PMap.of(this.chunks.slice(), this.size);
  }

  private writable(i: number): Map<string, V> {
    if (this.owned.has(i)) return this.chunks[i] as Map<string, V>;
    const copy = new Map(this.chunks[i] ?? []);
    this.chunks[i] = copy;
    this.owned.add(i);
    return copy;
  }
}

/** A PMap of sets, `target → pages linking to it`: members are added and removed in place within one batch. */
export class PSetMapBuilder {
  private readonly map: PMapBuilder<ReadonlySet<string>>;
  private readonly owned = new Set<string>();

  constructor(base: PMap<ReadonlySet<string>>) {
    this.map = base.edit();
  }

  add(key: string, member: string): void {
    const cur = this.map.get(key);
    if (cur?.has(member)) return;
    this.writable(key, cur).add(member);
  }

  remove(key: string, member: string): void {
    const cur = this.map.get(key);
    if (!cur?.has(member)) return;
    if (cur.size === 1) {
      this.map.delete(key);
      this.owned.delete(key);
      return;
    }
    this.writable(key, cur).delete(member);
  }

  get(key: string): ReadonlySet<string> | undefined {
    return this.map.get(key);
  }

  build(): PMap<ReadonlySet<string>> {
    this.owned.clear();
    return this.map.build();
  }

  private writable(key: string, cur: ReadonlySet<string> | undefined): Set<string> {
    if (cur && this.owned.has(key)) return cur as Set<string>;
    const copy = new Set(cur ?? []);
    this.map.set(key, copy);
    this.owned.add(key);
    return copy;
  }
}
