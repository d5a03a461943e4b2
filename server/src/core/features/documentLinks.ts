// Clickable links: every link that resolved, with its target and line.
import type { LinkSyntax, Span } from '../types';
import type { WikiIndex } from '../index/index';
import { targetPage } from '../index/queries';
import { findAnchor } from './anchors';

export interface DocumentLinkResult {
  /** The target text (inside the brackets), what the editor underlines. */
  readonly span: Span;
  readonly path: string;
  readonly line: number;
  readonly syntax: LinkSyntax;
  /** The target's id or path, for the tooltip. */
  readonly tooltip: string;
}

export function documentLinks(index: WikiIndex, path: string, skip: ReadonlySet<LinkSyntax> = new Set()): DocumentLinkResult[] {
  const entry = index.pages.get(path);
  if (!entry) return [];
  const out: DocumentLinkResult[] = [];
  entry.data.links.forEach((link, i) => {
    if (skip.has(link.syntax)) return;
    const r = entry.resolved[i];
    if (r.kind === 'file') {
      out.push({ span: link.targetSpan, path: r.path, line: 0, syntax: link.syntax, tooltip: r.path });
      return;
    }
    const page = targetPage(index, path, r);
    if (!page) return;
    const anchor = link.anchor ? findAnchor(page, link.anchor) : undefined;
    const where = anchor ? `${page.id}#${link.anchor}` : page.id;
    out.push({ span: link.targetSpan, path: page.path, line: anchor?.line ?? 0, syntax: link.syntax, tooltip: `${page.title} — ${where}` });
  });
  return out;
}
