// The heading outline of a page, and every page of the wiki by id, title and alias.
import type { Heading, PageData, Span } from '../types';
import type { WikiIndex } from '../index/index';
import { matchPages } from './pageTable';

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

/** Pages matching `query` fuzzily by id, title or alias, best first (then most linked). */
export function workspaceSymbols(index: WikiIndex, query: string, limit = 200): PageSymbol[] {
  return matchPages(index, query, limit).matches.map((m) => ({
    path: m.row.path, id: m.row.id, title: m.row.title, type: index.pages.get(m.row.path)?.data.type ?? '', matched: m.matched, score: m.score,
  }));
}
