// "Seen in" items as written: `- [[sources/2025-10-01-x]] — The sentence.`
import type { LinkStyle } from '../config';
import type { PageData } from '../types';
import { relativePath } from '../paths';

/** A link to `page` from the page at `from`, in the wiki's link style. */
export function linkTo(page: PageData, from: string, style: LinkStyle): string {
  switch (style) {
    case 'wikilink-title':
      return `[[${page.id}|${page.title.replace(/[|\]]/g, ' ').trim()}]]`;
    case 'markdown':
      return `[${page.title.replace(/([[\]])/g, '\\$1')}](${encodeURI(relativePath(from, page.path))})`;
    default:
      return `[[${page.id}]]`;
  }
}

/** One item: bullet, link to the source, and its sentence. */
export function seenInItem(bullet: string, source: PageData, entityPath: string, style: LinkStyle, sentence: string): string {
  const link = linkTo(source, entityPath, style);
  return sentence ? `${bullet} ${link} — ${sentence}` : `${bullet} ${link}`;
}
