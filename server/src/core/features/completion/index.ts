// Completion of entity links: pages by fuzzy id/title/alias (and missing
// targets other pages already link to) inside `[[`, headings after `#`,
// titles and aliases after `|`, paths after `](`, and `kind/slug` in prose.
// Inserting completes the link's syntax exactly once.
import type { WikiIndex } from '../../index/index';
import type { PageData } from '../../types';
import { citationCount } from '../../index/queries';
import { resolveLink, type LookupView } from '../../index/resolve';
import { relativePath } from '../../paths';
import { fuzzyScore } from '../fuzzy';
import { completionContext, type CompletionContext } from './context';
import { matchPages, type PageMatch } from '../pageTable';

export interface CompletionEntry {
  readonly label: string;
  readonly kind: 'page' | 'alias' | 'missing' | 'heading' | 'block' | 'label' | 'path';
  readonly type?: string;
  readonly detail: string;
  /** Replaces columns `[from, to)` of the cursor's line. */
  readonly from: number;
  readonly to: number;
  readonly newText: string;
  readonly filterText: string;
  readonly sortText: string;
  /** The page an entry stands for, for its documentation. */
  readonly path?: string;
}

export interface CompletionList {
  readonly items: CompletionEntry[];
  readonly isIncomplete: boolean;
}

export const COMPLETION_LIMIT = 50;
const EMPTY: CompletionList = { items: [], isIncomplete: false };

export function completions(index: WikiIndex, path: string, lineText: string, character: number): CompletionList {
  const ctx = completionContext(lineText, character, new Set(index.kinds.keys()));
  if (!ctx) return EMPTY;
  switch (ctx.kind) {
    case 'wiki-target':
      return wikiTargets(index, path, ctx);
    case 'wiki-anchor':
    case 'md-anchor':
      return anchors(index, path, ctx);
    case 'wiki-label':
      return labels(index, path, ctx);
    case 'md-path':
      return paths(index, path, ctx);
    case 'bare':
      return bare(index, ctx);
  }
}

const sortKey = (i: number) => String(i).padStart(4, '0');

function detailOf(index: WikiIndex, page: PageData): string {
  return page.role === 'entity' ? `${page.type} · cited by ${citationCount(index, page.path)}` : page.type;
}

function wikiTargets(index: WikiIndex, path: string, ctx: Extract<CompletionContext, { kind: 'wiki-target' }>): CompletionList {
  const { matches, total } = matchPages(index, ctx.query.trim(), COMPLETION_LIMIT);
  const style = index.ctx.config.linkStyle;
  const close = ctx.closed ? '' : ']]';
  const items = matches.map((m, i) => {
    const page = index.pages.get(m.row.path)!.data;
    const label = m.alias ?? page.id;
    const shown = m.alias ?? (style === 'wikilink-title' ? page.title : undefined);
    if (style === 'markdown' && !ctx.closed && !ctx.embed) {
      const text = `[${m.alias ?? page.title}](${encodeURI(relativePath(path, page.path))})`;
      return entry(index, page, m, i, { label, from: ctx.open, to: ctx.to, newText: text, filterText: `[[${filterOf(m)}` });
    }
    const newText = page.id + (shown && !ctx.hasLabel ? `|${shown}` : '') + close;
    return entry(index, page, m, i, { label, from: ctx.from, to: ctx.to, newText, filterText: filterOf(m) });
  });
  const missing = missingTargets(index, ctx.query.trim(), COMPLETION_LIMIT - items.length).map((key, k) => ({
    label: key, kind: 'missing' as const, detail: `missing · linked from ${index.dangling.get(key)?.length ?? 0} pages`,
    from: ctx.from, to: ctx.to, newText: key + close, filterText: key, sortText: sortKey(items.length + k),
  }));
  return { items: [...items, ...missing], isIncomplete: total > matches.length || missing.length > 0 };
}

const filterOf = (m: PageMatch) => m.alias ?? `${m.row.id} ${m.row.title}`;

function entry(index: WikiIndex, page: PageData, m: PageMatch, i: number, e: Pick<CompletionEntry, 'label' | 'from' | 'to' | 'newText' | 'filterText'>): CompletionEntry {
  const detail = (m.alias ? `alias of ${page.id} · ` : '') + detailOf(index, page);
  return { ...e, kind: m.alias ? 'alias' : 'page', type: page.type, detail, sortText: sortKey(i), path: page.path };
}

/** Targets that pages link to but that don't exist, matching the query (keys are lower-case ids). */
function missingTargets(index: WikiIndex, query: string, limit: number): string[] {
  if (limit <= 0 || query.length < 2) return [];
  const out: { key: string; score: number }[] = [];
  for (const [key, linkers] of index.dangling.entries()) {
    const score = fuzzyScore(query, key);
    if (score > 0 && key.includes('/') && !/\.[a-z0-9]{2,5}$/.test(key)) out.push({ key, score: score + Math.min(linkers.length, 50) });
  }
  return out.sort((a, b) => b.score - a.score).slice(0, Math.min(limit, 10)).map((o) => o.key);
}

/** The page a link target names, resolved from `path` as a wikilink would be. */
function targetOf(index: WikiIndex, path: string, target: string, markdown: boolean): PageData | undefined {
  if (target === '') return index.pages.get(path)?.data;
  const view: LookupView = {
    hasPage: (p) => index.pages.has(p), hasFile: (p) => index.files.has(p), lookup: (k) => index.lookup.get(k),
    kindExists: (k) => index.kinds.has(k), aliasesOf: (p) => index.pages.get(p)?.data.aliases ?? [],
  };
  const link = { syntax: markdown ? 'markdown' : 'wikilink', target: decodeURIComponentSafe(target), span: ZERO, targetSpan: ZERO, context: 'text' } as const;
  const r = resolveLink(view, index.ctx, path, link, []);
  return r.kind === 'page' ? index.pages.get(r.path)?.data : undefined;
}

const ZERO = { sl: 0, sc: 0, el: 0, ec: 0 };
const decodeURIComponentSafe = (s: string) => {
  try {
    return decodeURIComponent(s);
  } catch {
    return s;
  }
};

function anchors(index: WikiIndex, path: string, ctx: Extract<CompletionContext, { kind: 'wiki-anchor' | 'md-anchor' }>): CompletionList {
  const markdown = ctx.kind === 'md-anchor';
  const page = targetOf(index, path, ctx.target, markdown);
  if (!page) return EMPTY;
  const q = ctx.query;
  const headings = page.headings.filter((h) => !q || fuzzyScore(q, h.text) > 0 || fuzzyScore(q, h.slug) > 0);
  const items: CompletionEntry[] = headings.map((h, i) => ({
    label: h.text, kind: 'heading', detail: `${'#'.repeat(h.level)} in ${page.id}`, from: ctx.from, to: ctx.to,
    newText: markdown ? h.slug : h.text, filterText: `${h.text} ${h.slug}`, sortText: sortKey(i),
  }));
  if (!markdown) page.blocks.forEach((b, i) => items.push({ label: `^${b.id}`, kind: 'block', detail: `block, line ${b.line + 1}`, from: ctx.from, to: ctx.to, newText: `^${b.id}`, filterText: `^${b.id}`, sortText: sortKey(headings.length + i) }));
  return { items, isIncomplete: false };
}

function labels(index: WikiIndex, path: string, ctx: Extract<CompletionContext, { kind: 'wiki-label' }>): CompletionList {
  const page = targetOf(index, path, ctx.target, false);
  if (!page) return EMPTY;
  const names = [...new Set([page.title, ...page.aliases])];
  return {
    items: names.map((n, i) => ({ label: n, kind: 'label', detail: i === 0 ? 'title' : 'alias', from: ctx.from, to: ctx.to, newText: n, filterText: n, sortText: sortKey(i) })),
    isIncomplete: false,
  };
}

function paths(index: WikiIndex, path: string, ctx: Extract<CompletionContext, { kind: 'md-path' }>): CompletionList {
  const query = ctx.query.replace(/^(\.\.?\/)+/, '').replace(/\.md$/, '');
  const { matches, total } = matchPages(index, query, COMPLETION_LIMIT);
  const items = matches.map((m, i) => {
    const page = index.pages.get(m.row.path)!.data;
    const rel = encodeURI(relativePath(path, page.path));
    return { label: rel, kind: 'path' as const, type: page.type, detail: `${page.title} · ${detailOf(index, page)}`, from: ctx.from, to: ctx.to, newText: rel, filterText: `${ctx.query.match(/^(\.\.?\/)*/)?.[0] ?? ''}${page.id} ${page.title}`, sortText: sortKey(i), path: page.path };
  });
  return { items, isIncomplete: total > matches.length };
}

function bare(index: WikiIndex, ctx: Extract<CompletionContext, { kind: 'bare' }>): CompletionList {
  const { matches, total } = matchPages(index, ctx.query, COMPLETION_LIMIT, (row) => row.id.startsWith(`${ctx.folder}/`));
  const items = matches.map((m, i) => {
    const page = index.pages.get(m.row.path)!.data;
    return { label: page.id, kind: 'page' as const, type: page.type, detail: detailOf(index, page), from: ctx.from, to: ctx.to, newText: page.id, filterText: `${page.id} ${page.title}`, sortText: sortKey(i), path: page.path };
  });
  return { items, isIncomplete: total > matches.length };
}
