// The wiki index as a value. `applyChanges(index, changes)` returns a new
// index and leaves the old one intact: it re-parses only the changed pages,
// re-resolves only the links whose answer a change can affect (the pages
// linking to a removed page, and those whose lookups touched a key that a
// page gained or lost), and patches the backlink tables. Building from
// scratch is the same call on `emptyIndex`.
import { isMarkdownSyntax, type Link, type PageData } from '../types';
import { dirname } from '../paths';
import type { WikiConfig } from '../config';
import { parsePage, type ParseOptions } from '../scan/page';
import { PMap, PMapBuilder, PListMapBuilder } from './pmap';
import { resolveLink, type LookupView, type Resolution, type ResolveContext } from './resolve';
import { pageKeys, fileKeys, keys } from './keys';
import { safePage } from './safePage';

export interface PageEntry {
  readonly data: PageData;
  /** One per `data.links`, in the same order. */
  readonly resolved: readonly Resolution[];
  /** Lookup keys the page's links consulted beyond exact hits. */
  readonly deps: readonly string[];
}

export interface WikiIndex {
  readonly ctx: ResolveContext;
  readonly parseOptions: ParseOptions;
  readonly version: number;
  readonly pages: PMap<PageEntry>;
  /** Files that are not pages (attachments), by root-relative path. */
  readonly files: PMap<true>;
  readonly lookup: PMap<readonly string[]>;
  /** Pages per top-level folder. */
  readonly kinds: PMap<number>;
  /** Page or file path → pages with a link resolving to it (each once, in no order). */
  readonly incoming: PMap<readonly string[]>;
  /** Dangling key (`systems/envoy`) → pages linking to that missing target. */
  readonly dangling: PMap<readonly string[]>;
  /** Lookup key → pages whose links consulted it. */
  readonly deps: PMap<readonly string[]>;
}

export type Change =
  | { readonly kind: 'page'; readonly path: string; readonly text: string }
  | { readonly kind: 'parsed'; readonly data: PageData }
  | { readonly kind: 'file'; readonly path: string }
  | { readonly kind: 'delete'; readonly path: string };

export function parseOptionsOf(config: WikiConfig): ParseOptions {
  const { sourceFolders, seenInHeading, countKey, countPattern, linkKeys } = config;
  return { sourceFolders, seenInHeading, countKey, countPattern, linkKeys };
}

export function emptyIndex(config: WikiConfig, vaultPrefix = ''): WikiIndex {
  return {
    ctx: { config, vaultPrefix },
    parseOptions: parseOptionsOf(config),
    version: 0,
    pages: PMap.empty(), files: PMap.empty(), lookup: PMap.empty(), kinds: PMap.empty(),
    incoming: PMap.empty(), dangling: PMap.empty(), deps: PMap.empty(),
  };
}

export function applyChanges(index: WikiIndex, changes: Iterable<Change>): WikiIndex {
  const batch = new Batch(index);
  for (const change of changes) batch.apply(change);
  return batch.finish();
}

const NO_DEPS: readonly string[] = [];

const EMPTY_ENTRY: PageEntry = { data: undefined as unknown as PageData, resolved: [], deps: [] };

/** Calls `gone` for what is only in `a`, `come` for what is only in `b`. */
function diff(a: ReadonlySet<string>, b: ReadonlySet<string>, gone: (k: string) => void, come: (k: string) => void): void {
  for (const k of a) if (!b.has(k)) gone(k);
  for (const k of b) if (!a.has(k)) come(k);
}

const NOTHING: ReadonlySet<string> = new Set();

/** The distinct pages/files, and dangling keys, a page's links resolve to. */
function targetsOf(entry: PageEntry): [ReadonlySet<string>, ReadonlySet<string>] {
  if (entry.resolved.length === 0) return [NOTHING, NOTHING];
  const pages = new Set<string>();
  let dangling: Set<string> | undefined;
  for (const r of entry.resolved) {
    if (r.kind === 'page' || r.kind === 'file') pages.add(r.path);
    else if (r.kind === 'dangling') (dangling ??= new Set()).add(r.key);
  }
  return [pages, dangling ?? NOTHING];
}

class Batch implements LookupView {
  private readonly pages: PMapBuilder<PageEntry>;
  private readonly files: PMapBuilder<true>;
  private readonly lookupB: PListMapBuilder;
  private readonly kinds: PMapBuilder<number>;
  private readonly incoming: PListMapBuilder;
  private readonly danglingB: PListMapBuilder;
  private readonly depsB: PListMapBuilder;
  /** Keys that some page or file started or stopped answering to. */
  private readonly affected = new Set<string>();
  /** Pages whose links must be resolved again. */
  private readonly pending = new Set<string>();
  /** Re-parsed pages: the entry whose contributions are still in the backlink tables. */
  private readonly linked = new Map<string, PageEntry>();

  constructor(private readonly base: WikiIndex) {
    this.pages = base.pages.edit();
    this.files = base.files.edit();
    this.lookupB = new PListMapBuilder(base.lookup);
    this.kinds = base.kinds.edit();
    this.incoming = new PListMapBuilder(base.incoming);
    this.danglingB = new PListMapBuilder(base.dangling);
    this.depsB = new PListMapBuilder(base.deps);
  }

  apply(change: Change): void {
    if (change.kind === 'file') return this.addFile(change.path);
    if (change.kind === 'delete') return this.remove(change.path);
    const data = change.kind === 'parsed' ? change.data : safePage(change.path, change.text, this.base.parseOptions, parsePage);
    this.setPage(data);
  }

  finish(): WikiIndex {
    for (const key of this.affected) for (const page of this.depsB.get(key) ?? []) this.pending.add(page);
    for (const path of this.pending) this.resolvePage(path);
    return {
      ...this.base,
      version: this.base.version + 1,
      pages: this.pages.build(), files: this.files.build(), lookup: this.lookupB.build(), kinds: this.kinds.build(),
      incoming: this.incoming.build(), dangling: this.danglingB.build(), deps: this.depsB.build(),
    };
  }

  private setPage(data: PageData): void {
    const old = this.pages.get(data.path);
    if (old && !this.linked.has(data.path)) this.linked.set(data.path, old);
    if (this.files.has(data.path)) this.removeFile(data.path);
    const before = old ? pageKeys(old.data) : [];
    const after = pageKeys(data);
    for (const key of before) if (!after.includes(key)) this.unindex(key, data.path);
    for (const key of after) if (!before.includes(key)) this.index(key, data.path);
    if (!old) this.countKind(data.kind, +1);
    this.pages.set(data.path, { data, resolved: [], deps: [] });
    this.pending.add(data.path);
  }

  private remove(path: string): void {
    const old = this.pages.get(path);
    if (!old) return this.removeFile(path);
    this.relink(path, this.linked.get(path) ?? old, EMPTY_ENTRY);
    this.linked.delete(path);
    for (const key of pageKeys(old.data)) this.unindex(key, path);
    this.countKind(old.data.kind, -1);
    this.pages.delete(path);
    this.pending.delete(path);
    for (const source of this.incoming.get(path) ?? []) this.pending.add(source);
  }

  private addFile(path: string): void {
    if (this.files.has(path) || this.pages.has(path)) return;
    this.files.set(path, true);
    for (const key of fileKeys(path)) this.index(key, path);
  }

  private removeFile(path: string): void {
    if (!this.files.has(path)) return;
    this.files.delete(path);
    for (const key of fileKeys(path)) this.unindex(key, path);
    for (const source of this.incoming.get(path) ?? []) this.pending.add(source);
  }

  private index(key: string, path: string): void {
    this.lookupB.add(key, path);
    this.affected.add(key);
  }

  private unindex(key: string, path: string): void {
    this.lookupB.remove(key, path);
    this.affected.add(key);
  }

  private countKind(kind: string, delta: number): void {
    if (!kind) return;
    const n = (this.kinds.get(kind) ?? 0) + delta;
    if (n <= 0) this.kinds.delete(kind);
    else this.kinds.set(kind, n);
    if (n === 0 || (n === 1 && delta > 0)) this.affected.add(keys.kind(kind));
  }

  private resolvePage(path: string): void {
    const entry = this.pages.get(path);
    if (!entry) return;
    const deps: string[] = [];
    const memo = { wiki: this.memoFor('\0wiki'), bare: this.memoFor('\0bare'), folder: this.memoFor(dirname(path)) };
    const resolved = entry.data.links.map((link) => this.resolve(path, memo, link, deps));
    const next: PageEntry = { data: entry.data, resolved, deps: deps.length ? [...new Set(deps)] : NO_DEPS };
    this.relink(path, this.linked.get(path) ?? entry, next);
    this.linked.delete(path);
    this.pages.set(path, next);
  }

  /**
   * Exact hits memoized for the batch: `[[systems/kube-proxy]]` resolves the
   * same from every page, and a wiki links to the same targets thousands of
   * times. Markdown links are relative, so they are memoized per folder.
   */
  private readonly exact = new Map<string, Map<string, Resolution>>();

  private memoFor(scope: string): Map<string, Resolution> {
    let m = this.exact.get(scope);
    if (!m) this.exact.set(scope, (m = new Map()));
    return m;
  }

  private resolve(path: string, memo: { wiki: Map<string, Resolution>; bare: Map<string, Resolution>; folder: Map<string, Resolution> }, link: Link, deps: string[]): Resolution {
    const relative = isMarkdownSyntax(link.syntax);
    const scope = relative ? memo.folder : link.syntax === 'bare' ? memo.bare : memo.wiki;
    const hit = scope.get(link.target);
    if (hit) return hit;
    const before = deps.length;
    const r = resolveLink(this, this.base.ctx, path, link, deps);
    // A wikilink found relative to its page (`[[../x]]`) is only valid from that folder: not memoized for the wiki.
    if ((r.kind === 'page' || r.kind === 'file') && deps.length === before && (relative || (r.rule !== 'relative' && !link.target.startsWith('.')))) {
      scope.set(link.target, r);
    }
    return r;
  }

  /**
   * Moves a page's contributions to the backlink tables from `before` to
   * `after`, touching only what differs: retyping a source that cites a page
   * with 10k citers must not copy that page's list of 10k.
   */
  private relink(path: string, before: PageEntry, after: PageEntry): void {
    const [oldPages, oldDangling] = targetsOf(before);
    const [newPages, newDangling] = targetsOf(after);
    diff(oldPages, newPages, (t) => this.incoming.remove(t, path), (t) => this.incoming.add(t, path));
    diff(oldDangling, newDangling, (k) => this.danglingB.remove(k, path), (k) => this.danglingB.add(k, path));
    if (before.deps.length || after.deps.length) diff(new Set(before.deps), new Set(after.deps), (k) => this.depsB.remove(k, path), (k) => this.depsB.add(k, path));
  }

  // LookupView
  hasPage(path: string): boolean {
    return this.pages.has(path);
  }
  hasFile(path: string): boolean {
    return this.files.has(path);
  }
  lookup(key: string): readonly string[] | undefined {
    return this.lookupB.get(key);
  }
  kindExists(kind: string): boolean {
    return (this.kinds.get(kind) ?? 0) > 0;
  }
  aliasesOf(path: string): readonly string[] {
    return this.pages.get(path)?.data.aliases ?? [];
  }
}
