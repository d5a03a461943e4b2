// The page table completion searches: one row per page with lower-cased
// names and a character mask for quick rejection, built once per set of
// pages/titles (memoized on the index's lookup map, which changes only then).
import type { WikiIndex } from '../../index/index';
import type { PMap } from '../../index/pmap';
import { fuzzyScore } from '../fuzzy';

export interface PageRow {
  readonly path: string;
  readonly id: string;
  readonly title: string;
  readonly aliases: readonly string[];
  /** `systems/kube-proxy` → `kube proxy`, so that `proxy` matches a word. */
  readonly words: string;
  readonly mask: number;
}

export interface PageMatch {
  readonly row: PageRow;
  readonly score: number;
  /** Set when an alias matched better than the id and title. */
  readonly alias?: string;
}

interface Table {
  rows: PageRow[];
}

const tables = new WeakMap<PMap<ReadonlySet<string>>, Table>();

/** Bit per letter/digit present: `kube` → bits of k, u, b, e. */
function maskOf(s: string): number {
  let m = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i) | 32;
    if (c >= 97 && c <= 122) m |= 1 << (c - 97);
    else if (c >= 48 && c <= 57) m |= 1 << 26;
  }
  return m;
}

function tableOf(index: WikiIndex): Table {
  let t = tables.get(index.lookup);
  if (!t) {
    const rows: PageRow[] = [];
    for (const { data } of index.pages.values()) {
      const words = data.id.slice(data.id.lastIndexOf('/') + 1).replace(/[-_]+/g, ' ');
      rows.push({ path: data.path, id: data.id, title: data.title, aliases: data.aliases, words, mask: maskOf(data.id + data.title + data.aliases.join('')) });
    }
    t = { rows };
    tables.set(index.lookup, t);
  }
  return t;
}

/** How many pages link to a page: the ranking's tie-breaker. */
export const popularity = (index: WikiIndex, path: string): number => index.incoming.get(path)?.length ?? 0;

/** Pages matching `query`, best first (then most linked), at most `limit`, and how many matched in all. */
export function matchPages(index: WikiIndex, query: string, limit: number, filter?: (row: PageRow) => boolean): { matches: PageMatch[]; total: number } {
  const { rows } = tableOf(index);
  const qmask = maskOf(query);
  const found: PageMatch[] = [];
  for (const row of rows) {
    if ((row.mask & qmask) !== qmask || (filter && !filter(row))) continue;
    const match = scoreRow(row, query);
    if (match) found.push(match);
  }
  const pop = new Map<string, number>();
  const popOf = (p: string) => pop.get(p) ?? (pop.set(p, popularity(index, p)), pop.get(p)!);
  const ranked = query ? found.sort((a, b) => b.score - a.score || popOf(b.row.path) - popOf(a.row.path) || (a.row.id < b.row.id ? -1 : 1)) : topByPopularity(found, limit, popOf);
  return { matches: ranked.slice(0, limit), total: found.length };
}

function scoreRow(row: PageRow, query: string): PageMatch | undefined {
  if (!query) return { row, score: 0 };
  const base = Math.max(fuzzyScore(query, row.id), fuzzyScore(query, row.title), fuzzyScore(query, row.words));
  let alias: string | undefined;
  let best = base;
  for (const a of row.aliases) {
    const s = fuzzyScore(query, a);
    if (s > best) {
      best = s;
      alias = a;
    }
  }
  return best > 0 ? { row, score: best, alias } : undefined;
}

/** For an empty query: the most linked pages, without sorting all of them. */
function topByPopularity(found: PageMatch[], limit: number, popOf: (p: string) => number): PageMatch[] {
  const top: PageMatch[] = [];
  for (const m of found) {
    const p = popOf(m.row.path);
    if (top.length < limit || p > popOf(top[top.length - 1].row.path)) {
      top.push(m);
      top.sort((a, b) => popOf(b.row.path) - popOf(a.row.path) || (a.row.id < b.row.id ? -1 : 1));
      if (top.length > limit) top.pop();
    }
  }
  return top;
}
