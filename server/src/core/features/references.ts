// Find references: every link to the page (from a link to it, or from its
// title), or to one heading (from a `#heading` link's anchor, or from the
// heading itself), in all syntaxes, frontmatter included.
import type { Heading, PageData, Span } from '../types';
import type { WikiIndex } from '../index/index';
import { linksTo, targetPage } from '../index/queries';
import { headingOnLine, linkIndexAt, onTitle } from './at';
import { anchorNames, findAnchor } from './anchors';

export interface SpanLocation {
  readonly path: string;
  readonly span: Span;
}

type Subject = { page: PageData; heading?: Heading };

export function references(index: WikiIndex, path: string, line: number, character: number, includeDeclaration: boolean): SpanLocation[] {
  const subject = subjectAt(index, path, line, character);
  if (!subject) return [];
  const { page, heading } = subject;
  const out: SpanLocation[] = [];
  if (includeDeclaration) {
    const decl = heading?.span ?? page.titleSpan;
    out.push({ path: page.path, span: decl ?? { sl: 0, sc: 0, el: 0, ec: 0 } });
  }
  for (const ref of linksTo(index, page.path)) {
    if (heading && !(ref.link.anchor !== undefined && anchorNames(ref.link.anchor, heading))) continue;
    out.push({ path: ref.from, span: ref.link.span });
  }
  if (heading) {
    const self = index.pages.get(page.path)!;
    self.resolved.forEach((r, i) => {
      const l = self.data.links[i];
      if (r.kind === 'self' && l.anchor !== undefined && anchorNames(l.anchor, heading)) out.push({ path: page.path, span: l.span });
    });
  }
  return out;
}

/** The page (and heading) the cursor is about. */
function subjectAt(index: WikiIndex, path: string, line: number, character: number): Subject | undefined {
  const entry = index.pages.get(path);
  if (!entry) return undefined;
  const i = linkIndexAt(entry.data, line, character);
  if (i !== -1) {
    const link = entry.data.links[i];
    const page = targetPage(index, path, entry.resolved[i]);
    if (!page) return undefined;
    const t = link.targetSpan;
    // On `[[page#Modes]]`, the cursor after `page` is on the anchor.
    const onAnchor = link.anchor !== undefined && (link.target === '' || (line === t.sl && character > t.sc + link.target.length));
    const anchor = onAnchor ? findAnchor(page, link.anchor!) : undefined;
    return { page, heading: anchor?.kind === 'heading' ? anchor.heading : undefined };
  }
  const heading = headingOnLine(entry.data, line);
  if (heading && !(heading.level === 1 && heading.text === entry.data.title)) return { page: entry.data, heading };
  if (heading || onTitle(entry.data, line)) return { page: entry.data };
  return undefined;
}
