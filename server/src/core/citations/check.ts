// What is out of date on an entity page: declared counts that differ from
// the true count, citing sources missing from its "Seen in", items for pages
// that don't cite it (or aren't sources), and items listed twice.
import type { PageData, SeenInItem, Span } from '../types';
import type { PageEntry, WikiIndex } from '../index/index';
import { citingSources } from '../index/queries';
import type { WikiDiagnostic } from '../diagnostics/types';

export interface ItemState {
  readonly item: SeenInItem;
  /** The page the item's link resolves to. */
  readonly source?: string;
  readonly problem?: 'orphan' | 'not-source' | 'duplicate';
}

export interface CitationState {
  readonly page: PageData;
  readonly sources: string[];
  readonly items: ItemState[];
  /** Citing sources with no item, in path order (dates first: oldest first). */
  readonly missing: string[];
}

/** The citation state of an entity page, or undefined for other pages. */
export function citationState(index: WikiIndex, path: string): CitationState | undefined {
  const entry = index.pages.get(path);
  if (!entry || entry.data.role !== 'entity') return undefined;
  const sources = citingSources(index, path);
  const citing = new Set(sources);
  const listed = new Set<string>();
  const items = (entry.data.seenIn?.items ?? []).map((item) => itemState(index, entry, item, citing, listed));
  return { page: entry.data, sources, items, missing: sources.filter((s) => !listed.has(s)) };
}

function itemState(index: WikiIndex, entry: PageEntry, item: SeenInItem, citing: Set<string>, listed: Set<string>): ItemState {
  if (item.link < 0) return { item };
  const r = entry.resolved[item.link];
  const source = r.kind === 'page' ? r.path : undefined;
  if (!source) return { item, problem: r.kind === 'dangling' ? 'orphan' : undefined };
  if (listed.has(source)) return { item, source, problem: 'duplicate' };
  listed.add(source);
  if (index.pages.get(source)?.data.role !== 'source') return { item, source, problem: 'not-source' };
  return { item, source, problem: citing.has(source) ? undefined : 'orphan' };
}

const lineSpan = (line: number): Span => ({ sl: line, sc: 0, el: line, ec: 0 });

export function citationDiagnostics(index: WikiIndex, path: string): WikiDiagnostic[] {
  const state = citationState(index, path);
  if (!state) return [];
  const { page } = state;
  const heading = page.seenIn ? undefined : index.ctx.config.seenInHeading[0];
  const out: WikiDiagnostic[] = [];
  for (const c of page.counts) {
    if (c.value !== undefined && c.value !== state.sources.length) {
      out.push({ code: 'stale-citation-count', span: c.span, facts: { declared: c.value, actual: state.sources.length, where: c.where } });
    }
  }
  const at = page.seenIn?.heading ?? page.titleSpan ?? lineSpan(0);
  const name = heading ?? headingText(page);
  for (const s of state.missing) out.push({ code: 'missing-seen-in', span: at, facts: { source: idOf(index, s), path: s, heading: name } });
  for (const it of state.items) {
    if (!it.problem) continue;
    const link = it.item.link >= 0 ? page.links[it.item.link] : undefined;
    const span = link?.span ?? lineSpan(it.item.line);
    const source = it.source ? idOf(index, it.source) : link?.target ?? '';
    const code = it.problem === 'duplicate' ? 'duplicate-seen-in' : 'orphan-seen-in';
    out.push({ code, span, link: it.item.link >= 0 ? it.item.link : undefined, facts: { source, path: it.source, heading: name, reason: it.problem, line: it.item.line } });
  }
  return out;
}

const idOf = (index: WikiIndex, path: string) => index.pages.get(path)?.data.id ?? path;

function headingText(page: PageData): string {
  const h = page.headings.find((x) => x.span.sl === page.seenIn!.heading.sl);
  return h?.text ?? 'Seen in';
}
