// Go to definition: from any link to its page (a `#heading` link lands on
// the heading's line, a `#^block` link on the block's line).
import type { WikiIndex } from '../index/index';
import { targetPage } from '../index/queries';
import { linkIndexAt } from './at';
import { findAnchor } from './anchors';

export interface Location {
  /** Root-relative path of a page or file. */
  readonly path: string;
  readonly line: number;
  /** The source link's range, for the editor's underline. */
  readonly origin?: { sl: number; sc: number; el: number; ec: number };
}

export function definition(index: WikiIndex, path: string, line: number, character: number): Location | undefined {
  const entry = index.pages.get(path);
  if (!entry) return undefined;
  const i = linkIndexAt(entry.data, line, character);
  if (i === -1) return undefined;
  const link = entry.data.links[i];
  const r = entry.resolved[i];
  if (r.kind === 'file') return { path: r.path, line: 0, origin: link.span };
  const page = targetPage(index, path, r);
  if (!page) return undefined;
  const anchor = link.anchor ? findAnchor(page, link.anchor) : undefined;
  return { path: page.path, line: anchor?.line ?? 0, origin: link.span };
}
