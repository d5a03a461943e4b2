// Rewriting a link's target text to a page's exact id, keeping the link's
// syntax, label and anchor: `[[Systems/CoreDNS|DNS]]` → `[[systems/coredns|DNS]]`,
// `[x](systems/b.md)` from `sources/s.md` → `[x](../systems/b.md)`.
import { isMarkdownSyntax, type Link, type PageData, type Span } from '../types';
import type { TextEdit, TextSource } from '../edits';
import { lineStarts, offsetAt } from '../text';
import { relativePath } from '../paths';

/** The target text as written in the page (`systems/x#Modes`), read from the page's text. */
export function writtenTarget(link: Link, texts: TextSource, path: string): string | undefined {
  const text = texts.text(path);
  if (text === undefined) return undefined;
  const starts = lineStarts(text);
  const s = link.targetSpan;
  return text.slice(offsetAt(text, starts, s.sl, s.sc), offsetAt(text, starts, s.el, s.ec));
}

/** `../concepts/my page.md` → `../concepts/my%20page.md`. */
const encodePath = (p: string) => encodeURI(p).replace(/\(/g, '%28').replace(/\)/g, '%29');

/** How `link` on page `from` must name `target` (with `anchor`, as written after `#`). */
export function targetText(link: Link, from: string, target: PageData, anchor: string | undefined): string {
  const hash = anchor !== undefined ? `#${anchor}` : '';
  if (isMarkdownSyntax(link.syntax)) return encodePath(relativePath(from, target.path)) + hash;
  return target.id + hash;
}

/** The edit making `link` point at `target` exactly, keeping its anchor as written. */
export function retarget(link: Link, from: string, target: PageData, texts: TextSource): TextEdit {
  const written = writtenTarget(link, texts, from);
  const hash = written?.indexOf('#') ?? -1;
  const anchor = written && hash !== -1 ? written.slice(hash + 1) : link.anchor;
  return { span: link.targetSpan, newText: targetText(link, from, target, anchor) };
}

/** The edit replacing only the anchor of `link` (the part after `#`). */
export function reanchor(link: Link, from: string, newAnchor: string, texts: TextSource): TextEdit | undefined {
  const written = writtenTarget(link, texts, from);
  if (written === undefined) return undefined;
  const hash = written.indexOf('#');
  const page = hash === -1 ? written : written.slice(0, hash);
  const anchor = isMarkdownSyntax(link.syntax) ? encodeURI(newAnchor) : newAnchor;
  return { span: link.targetSpan as Span, newText: `${page}#${anchor}` };
}
