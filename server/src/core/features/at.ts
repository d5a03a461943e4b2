// What is under the cursor: a link, a heading, the page's title.
import type { Heading, Link, PageData } from '../types';
import { spanContains } from '../text';

/** Index of the link at a position (the whole link, brackets included), or -1. */
export function linkIndexAt(page: PageData, line: number, character: number): number {
  const links = page.links;
  // Links are sorted by start; find the last one starting at or before the position.
  let lo = 0;
  let hi = links.length - 1;
  let best = -1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const s = links[mid].span;
    if (s.sl < line || (s.sl === line && s.sc <= character)) {
      best = mid;
      lo = mid + 1;
    } else hi = mid - 1;
  }
  // A frontmatter list or a definition can start before and still hold the position: look back a little.
  for (let i = best; i >= 0 && i > best - 8; i--) if (spanContains(links[i].span, line, character)) return i;
  return -1;
}

export function linkAt(page: PageData, line: number, character: number): Link | undefined {
  const i = linkIndexAt(page, line, character);
  return i === -1 ? undefined : page.links[i];
}

/** The heading on a line. */
export function headingOnLine(page: PageData, line: number): Heading | undefined {
  return page.headings.find((h) => line >= h.span.sl && line <= h.span.el);
}

/** Whether the position is on the page's title: the frontmatter `title:` value or the first `# ` heading. */
export function onTitle(page: PageData, line: number): boolean {
  const t = page.titleSpan;
  if (t && line >= t.sl && line <= t.el) return true;
  const h1 = page.headings.find((h) => h.level === 1);
  return !!h1 && line >= h1.span.sl && line <= h1.span.el;
}
