// Hover: what a link points to, without leaving the page — the target's
// type, true citation count, summary, stub-ness, first "Seen in" items and
// id; a heading link's first lines; a missing page's linkers; and, on an
// entity's own title or count key, the true count and its sources.
import type { PageData, Span } from '../types';
import type { WikiIndex } from '../index/index';
import type { Rule } from '../index/resolve';
import type { TextSource } from '../edits';
import { citationCount, citingSources, targetPage } from '../index/queries';
import { lineStarts, lineEnd } from '../text';
import { linkIndexAt, onTitle } from './at';
import { findAnchor } from './anchors';

export interface PagePreview {
  readonly page: PageData;
  /** The true number of citing sources (entities only). */
  readonly count?: number;
  /** Declared counts that differ from the true one. */
  readonly declaredOtherwise: number[];
  readonly seenIn: { id: string; title: string }[];
  readonly seenInMore: number;
}

export type HoverResult =
  | ({ readonly kind: 'page'; readonly span: Span; readonly rule?: Rule; readonly section?: { heading: string; lines: string[] } } & PagePreview)
  | { readonly kind: 'dangling'; readonly span: Span; readonly target: string; readonly linkers: number }
  | { readonly kind: 'ambiguous'; readonly span: Span; readonly candidates: string[] }
  | { readonly kind: 'file'; readonly span: Span; readonly path: string }
  | { readonly kind: 'citations'; readonly span: Span; readonly page: PageData; readonly count: number; readonly sources: { id: string; title: string }[] };

const SEEN_IN_SHOWN = 3;
const SECTION_LINES = 6;

export function hover(index: WikiIndex, path: string, line: number, character: number, texts: TextSource): HoverResult | undefined {
  const entry = index.pages.get(path);
  if (!entry) return undefined;
  const i = linkIndexAt(entry.data, line, character);
  if (i === -1) return ownCount(index, entry.data, line);
  const link = entry.data.links[i];
  const r = entry.resolved[i];
  const span = link.span;
  if (r.kind === 'dangling') return { kind: 'dangling', span, target: link.target, linkers: index.dangling.get(r.key)?.length ?? 1 };
  if (r.kind === 'ambiguous') return { kind: 'ambiguous', span, candidates: [...r.candidates] };
  if (r.kind === 'file') return { kind: 'file', span, path: r.path };
  const page = targetPage(index, path, r);
  if (!page) return undefined;
  const rule = r.kind === 'page' && r.rule !== 'exact' && r.rule !== 'vault' && r.rule !== 'folder' ? r.rule : undefined;
  const anchor = link.anchor ? findAnchor(page, link.anchor) : undefined;
  const section = anchor?.kind === 'heading' ? sectionLines(page, anchor.heading.sectionEnd, anchor.line, anchor.heading.text, texts) : undefined;
  return { kind: 'page', span, rule, section, ...preview(index, page) };
}

/** The facts a preview of `page` shows. */
export function preview(index: WikiIndex, page: PageData): PagePreview {
  const isEntity = page.role === 'entity';
  const count = isEntity ? citationCount(index, page.path) : undefined;
  const declaredOtherwise = page.counts.map((c) => c.value).filter((v): v is number => v !== undefined && v !== count);
  const items = page.seenIn?.items ?? [];
  const entry = index.pages.get(page.path);
  const seenIn = items.slice(0, SEEN_IN_SHOWN).flatMap((it) => {
    const r = it.link >= 0 ? entry?.resolved[it.link] : undefined;
    const source = r?.kind === 'page' ? index.pages.get(r.path)?.data : undefined;
    return source ? [{ id: source.id, title: source.title }] : [];
  });
  return { page, count, declaredOtherwise: isEntity ? [...new Set(declaredOtherwise)] : [], seenIn, seenInMore: Math.max(0, items.length - SEEN_IN_SHOWN) };
}

/** On an entity's own title, or its count declaration: the true count and the sources. */
function ownCount(index: WikiIndex, page: PageData, line: number): HoverResult | undefined {
  if (page.role !== 'entity') return undefined;
  const decl = page.counts.find((c) => c.span.sl === line);
  const h1 = page.headings.find((h) => h.level === 1 && h.span.sl === line);
  const span = decl?.span ?? (onTitle(page, line) ? h1?.span ?? page.titleSpan : undefined);
  if (!span) return undefined;
  const sources = citingSources(index, page.path).map((p) => index.pages.get(p)!.data);
  return { kind: 'citations', span, page, count: sources.length, sources: sources.map((s) => ({ id: s.id, title: s.title })) };
}

/** The first non-empty lines under a heading, up to its section's end. */
function sectionLines(page: PageData, sectionEnd: number, headingLine: number, heading: string, texts: TextSource): { heading: string; lines: string[] } | undefined {
  const text = texts.text(page.path);
  if (text === undefined) return undefined;
  const starts = lineStarts(text);
  const lines: string[] = [];
  for (let l = headingLine + 1; l <= Math.min(sectionEnd, starts.length - 1) && lines.length < SECTION_LINES; l++) {
    const content = text.slice(starts[l], lineEnd(text, starts, l)).trimEnd();
    if (content.trim() !== '') lines.push(content);
  }
  return { heading, lines };
}
