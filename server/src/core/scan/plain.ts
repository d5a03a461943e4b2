// Plain text of inline Markdown, for heading slugs, titles and summaries:
// `**Modes** of [[systems/kube-proxy|kube-proxy]]` → `Modes of kube-proxy`.
import type { InlineLink } from './inline';

/** The text a reader sees: links by their label, markup dropped, whitespace collapsed. */
export function plainText(content: string, links: readonly InlineLink[]): string {
  let out = '';
  let pos = 0;
  for (const l of links) {
    if (l.from < pos) continue;
    out += stripMarks(content.slice(pos, l.from)) + linkText(l);
    pos = l.to;
  }
  out += stripMarks(content.slice(pos));
  return out.replace(/\s+/g, ' ').trim();
}

function linkText(l: InlineLink): string {
  switch (l.syntax) {
    case 'wikilink':
    case 'embed':
      return l.label || l.raw;
    case 'bare':
      return l.raw;
    default:
      return stripMarks(l.label ?? '');
  }
}

/** Drops code backticks, HTML tags, emphasis and escapes: `` `x` `` → `x`, `*a*` → `a`. */
export function stripMarks(s: string): string {
  if (!/[`<*_~\\&]/.test(s)) return s;
  return s
    .replace(/(`+)([\s\S]*?)\1/g, (_m, _t, code: string) => code.replace(/^ (.*) $/, '$1'))
    .replace(/<!--[\s\S]*?-->|<\/?[A-Za-z][^>]*>/g, '')
    .replace(/\*+|~~|(^|[^\p{L}\p{N}])_+|_+(?=[^\p{L}\p{N}]|$)/gu, '$1')
    .replace(/\\([!-/:-@[-`{-~])/g, '$1')
    .replace(/&(amp|lt|gt|quot|#39|nbsp);/g, (_m, e: string) => ENTITIES[e]);
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', '#39': "'", nbsp: ' ' };
