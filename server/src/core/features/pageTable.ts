// The page table that completion and workspace symbols search: one row per
// page with its names lower-cased once and a character mask for quick
// rejection, most-linked pages first. Built once per set of pages and
// titles (memoized on the index's lookup map, which changes only then).
import type { WikiIndex } from '../index/index';
import type { PMap } from '../index/pmap';
import { fuzzyScoreLower } from './fuzzy';

export interface PageRow {
  readonly path: string;
  readonly id: string;
  readonly title: string;
  readonly aliases: readonly string[];
  readonly lower: { readonly id: string; readonly title: string; readonly words: string; readonly aliases: readonly string[] };
  readonly mask: number;
  /** How many pages linked to it when the table was built: the ranking's tie-breaker. */
  readonly popularity: number;
}

export interface PageMatch {
  readonly row: PageRow;
  readonly score: number;
  /** Set when an alias matched better than the id and title. */
  readonly alias?: string;
  /** The name that matched best: the id, the title or the alias. */
  readonly matched: string;
}

const tables = new WeakMap<PMap<readonly string[]>, PageRow[]>();

/** Bit per letter/digit present: `kube` → bits of k, u, b, e. */
export function maskOf(s: string): number {
  let m = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i) | 32;
    if (c >= 97 && c <= 122) m |= 1 << (c - 97);
    else if (c >= 48 && c <= 57) m |= 1 << 26;
  }
  return m;
}

export function pageTable(index: WikiIndex): PageRow[] {
  let rows = tables.get(index.lookup);
  if (!rows) {
    rows = [];
    for (const { data } of index.pages.values()) {
      const words = data.id.slice(data.id.lastIndexOf('/') + 1).replace(/[-_]+/g, ' ');
      const lower = { id: data.id.toLowerCase(), title: data.title.toLowerCase(), words: words.toLowerCase(), aliases: data.aliases.map((a) => a.toLowerCase()) };
      const popularity = index.incoming.get(data.path)?.length ?? 0;
      rows.push({ path: data.path, id: data.id, title: data.title, aliases: data.aliases, lower, mask: maskOf(data.id + data.title + data.aliases.join('')), popularity });
    }
    rows.sort((a, b) => b.popularity - a.popularity || (a.id < b.id ? -1 : 1));
    tables.set(index.lookup, rows);
  }
  return rows;
}

/** Pages matching `query`, best first (then most linked), at most `limit`, and how many matched in all. */
export function matchPages(index: WikiIndex, query: string, limit: number, filter?: (row: PageRow) => boolean): { matches: PageMatch[]; total: number } {
  const rows = pageTable(index);
  const q = query.toLowerCase();
  const qmask = maskOf(q);
  const top = new TopK<PageMatch>(limit, (a, b) => a.score - b.score || a.row.popularity - b.row.popularity || (a.row.id > b.row.id ? -1 : 1));
  let total = 0;
  for (const row of rows) {
    if ((row.mask & qmask) !== qmask || (filter && !filter(row))) continue;
    const match = q ? scoreRow(row, q) : { row, score: 0, matched: row.id };
    if (!match) continue;
    total++;
    top.add(match);
  }
  return { matches: top.sorted(), total };
}

function scoreRow(row: PageRow, q: string): PageMatch | undefined {
  const l = row.lower;
  let best = fuzzyScoreLower(q, l.id);
  let matched = row.id;
  const t = fuzzyScoreLower(q, l.title);
  if (t > best) [best, matched] = [t, row.title];
  best = Math.max(best, fuzzyScoreLower(q, l.words));
  let alias: string | undefined;
  l.aliases.forEach((a, i) => {
    const s = fuzzyScoreLower(q, a);
    if (s > best) [best, alias, matched] = [s, row.aliases[i], row.aliases[i]];
  });
  return best > 0 ? { row, score: best, alias, matched } : undefined;
}

/** The `k` best items by `compare` (greater is better), without sorting all of them. */
class TopK<T> {
  private readonly items: T[] = [];
  constructor(private readonly k: number, private readonly compare: (a: T, b: T) => number) {}

  add(item: T): void {
    const items = this.items;
    if (items.length === this.k && this.compare(item, items[items.length - 1]) <= 0) return;
    let lo = 0;
    let hi = items.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (this.compare(item, items[mid]) > 0) hi = mid;
      else lo = mid + 1;
    }
    items.splice(lo, 0, item);
    if (items.length > this.k) items.pop();
  }

  sorted(): T[] {
    return this.items;
  }
}
