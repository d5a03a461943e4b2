// Questions every feature asks of an index snapshot.
import type { Link, PageData } from '../types';
import type { WikiIndex } from './index';
import type { Resolution } from './resolve';

export interface LinkRef {
  /** The page the link is on. */
  readonly from: string;
  readonly index: number;
  readonly link: Link;
  readonly resolution: Resolution;
}

/** Every link, on any page, resolving to `target` (a page or file path), in no particular order (10k of them need no sorting). */
export function linksTo(index: WikiIndex, target: string): LinkRef[] {
  const out: LinkRef[] = [];
  for (const from of index.incoming.get(target) ?? []) {
    const entry = index.pages.get(from);
    if (!entry) continue;
    entry.resolved.forEach((r, i) => {
      if ((r.kind === 'page' || r.kind === 'file') && r.path === target) out.push({ from, index: i, link: entry.data.links[i], resolution: r });
    });
  }
  return out;
}

/** The source pages citing an entity: distinct sources with a link resolving to it. Sorted. */
export function citingSources(index: WikiIndex, entity: string): string[] {
  const page = index.pages.get(entity)?.data;
  if (!page || page.role !== 'entity') return [];
  const out: string[] = [];
  for (const from of index.incoming.get(entity) ?? []) {
    if (from !== entity && index.pages.get(from)?.data.role === 'source') out.push(from);
  }
  return out.sort();
}

/** The target page's data when a link resolved to a page. */
export function targetPage(index: WikiIndex, from: string, r: Resolution): PageData | undefined {
  if (r.kind === 'page') return index.pages.get(r.path)?.data;
  if (r.kind === 'self') return index.pages.get(from)?.data;
  return undefined;
}


// Counts per incoming set: sets are never changed once an index is built, so
// a set's count holds for every index sharing it.
const counts = new WeakMap<readonly string[], number>();

/** The number of distinct sources citing an entity (0 for other pages). */
export function citationCount(index: WikiIndex, path: string): number {
  const page = index.pages.get(path)?.data;
  const incoming = index.incoming.get(path);
  if (!page || page.role !== 'entity' || !incoming) return 0;
  const hit = counts.get(incoming);
  if (hit !== undefined) return hit;
  let n = 0;
  for (const from of incoming) if (from !== path && index.pages.get(from)?.data.role === 'source') n++;
  counts.set(incoming, n);
  return n;
}

/** The entity pages a page cites (links resolving to them), for a source page. */
export function citedEntities(index: WikiIndex, source: string): Set<string> {
  const entry = index.pages.get(source);
  const out = new Set<string>();
  if (!entry || entry.data.role !== 'source') return out;
  for (const r of entry.resolved) if (r.kind === 'page' && index.pages.get(r.path)?.data.role === 'entity') out.add(r.path);
  return out;
}
