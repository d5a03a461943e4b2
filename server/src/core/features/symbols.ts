// The heading outline of a page, and every page of the wiki by id, title and alias.
import type { Heading, PageData, Span } from '../types';
import type { WikiIndex } from '../index/index';
import { fuzzyScore } from './fuzzy';

export interface OutlineNode {
  readonly name: string;
  readonly level: number;
  /** The whole section; `selection` is the heading itself. */
  readonly span: Span;
  readonly selection: Span;
  readonly children: OutlineNode[];
}

/** Headings nested by level: `# A`, `## B`, `### C`, `## D` → A(B(C), D). */
export function outline(page: PageData): OutlineNode[] {
  const roots: OutlineNode[] = [];
  const stack: OutlineNode[] = [];
  for (const h of page.headings) {
    const node: OutlineNode = { name: h.text || '(untitled)', level: h.level, span: sectionSpan(h, page.lineCount), selection: h.span, children: [] };
    while (stack.length && stack[stack.length - 1].level >= h.level) stack.pop();
    (stack.length ? stack[stack.length - 1].children : roots).push(node);
    stack.push(node);
  }
  return roots;
}

/** From the heading's line to the start of the line after its section (the page's end for the last one). */
function sectionSpan(h: Heading, lineCount: number): Span {
  const el = Math.min(Math.max(h.sectionEnd, h.span.el) + 1, lineCount - 1);
  return { sl: h.span.sl, sc: 0, el, ec: el === h.span.el ? h.span.ec : 0 };
}

export interface PageSymbol {
  readonly path: string;
  readonly id: string;
  readonly title: string;
  readonly type: string;
  /** What matched: the id, the title or an alias. */
  readonly matched: string;
  readonly score: number;
}

/** Pages matching `query` fuzzily by id, title or alias, best first; all pages (by id) for an empty query. */
export function workspaceSymbols(index: WikiIndex, query: string, limit = 200): PageSymbol[] {
  const out: PageSymbol[] = [];
  for (const { data } of index.pages.values()) {
    let best: { score: number; matched: string } | undefined;
    for (const name of [data.id, data.title, ...data.aliases]) {
      const score = query ? fuzzyScore(query, name) : 1;
      if (score > 0 && (!best || score > best.score)) best = { score, matched: name };
    }
    if (best) out.push({ path: data.path, id: data.id, title: data.title, type: data.type, ...best });
  }
  out.sort((a, b) => b.score - a.score || (a.id < b.id ? -1 : 1));
  return out.slice(0, limit);
}
