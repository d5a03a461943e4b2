// `#Modes`, `#modes`, `#^block`: which heading or block of a page an anchor names.
import type { Heading, PageData } from '../types';
import { githubSlug } from '../strings';

export type AnchorTarget =
  | { readonly kind: 'heading'; readonly heading: Heading; readonly line: number }
  | { readonly kind: 'block'; readonly id: string; readonly line: number };

/** Matches a heading by its text or its slug, ignoring case; `^id` matches a block. */
export function findAnchor(page: PageData, anchor: string): AnchorTarget | undefined {
  if (anchor.startsWith('^')) {
    const id = anchor.slice(1);
    const block = page.blocks.find((b) => b.id === id);
    return block && { kind: 'block', id, line: block.line };
  }
  const lower = anchor.toLowerCase();
  const slug = githubSlug(anchor);
  const heading =
    page.headings.find((h) => h.text.toLowerCase() === lower) ??
    page.headings.find((h) => h.slug === lower || h.slug === slug);
  return heading && { kind: 'heading', heading, line: heading.span.sl };
}

/** Whether a link's anchor names `heading` of its target. */
export function anchorNames(anchor: string, heading: Heading): boolean {
  const lower = anchor.toLowerCase();
  return heading.text.toLowerCase() === lower || heading.slug === lower || heading.slug === githubSlug(anchor);
}
