// Small recognisers for the inline pass, each a plain loop from a position
// of one block's content: code spans, autolinks and HTML, URL literals,
// link destinations and titles, bare references.
import { isAsciiPunct, lateUrlAt } from './urls';

/** Where the code span whose backtick run starts at `i` ends: `` `a` `` → after the second backtick; -1 when unclosed (then it is text). */
export function codeSpanEnd(s: string, i: number): number {
  const n = runLength(s, i);
  for (let j = i + n; ;) {
    const k = s.indexOf('`', j);
    if (k === -1) return -1;
    const m = runLength(s, k);
    if (m === n) return k + m;
    j = k + m;
  }
}

/** The length of the backtick run at `i`: 3 for ```` ```x ````. */
export function runLength(s: string, i: number): number {
  let n = 1;
  while (s.charCodeAt(i + n) === 96) n++;
  return n;
}

const ANGLE =
  /<(?:[A-Za-z][A-Za-z0-9+.-]{1,31}:[^\s<>]*|[\w.!#$%&'*+/=?^`{|}~-]+@[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?)*|[A-Za-z][A-Za-z0-9-]*(?:\s+[A-Za-z_:][\w.:-]*(?:\s*=\s*(?:[^\s"'=<>`]+|'[^']*'|"[^"]*"))?)*\s*\/?|\/[A-Za-z][A-Za-z0-9-]*\s*|\?[\s\S]*?\?|![A-Za-z][^>]*|!\[CDATA\[[\s\S]*?\]\])>/y;

/** The end of an autolink `<https://x>`, HTML tag `<span a="b">` or comment `<!-- c -->` at `i`, or -1. */
export function angleEnd(s: string, i: number): number {
  if (s.startsWith('<!--', i)) {
    const close = s.indexOf('-->', i + 4);
    return close === -1 ? -1 : close + 3;
  }
  ANGLE.lastIndex = i;
  const m = ANGLE.exec(s);
  return m ? i + m[0].length : -1;
}

/** Whether `s[from, to)` holds a code span, HTML, an autolink or a URL, which a wikilink cannot: `[[a `b` c]]`. */
export function holdsCode(s: string, from: number, to: number): boolean {
  for (let i = from; i < to; i++) {
    const c = s.charCodeAt(i);
    if (c === 92) i++;
    else if (c === 96) {
      if (codeSpanEnd(s, i) !== -1) return true;
      i += runLength(s, i) - 1;
    } else if ((c === 60 && angleEnd(s, i) !== -1) || lateUrlAt(s, i)) return true; // in `[[` only the later pass finds URLs
  }
  return false;
}

/** The `|` (or `\|`, as in tables) that starts a wikilink's label. */
export function findLabelBar(body: string): number {
  for (let i = 0; i < body.length; i++) {
    const c = body.charCodeAt(i);
    if (c === 124) return i;
    if (c === 92 && body.charCodeAt(i + 1) === 124) return i;
  }
  return -1;
}

/** A character of a bare reference's first segment: `systems` in `systems/x`. */
export const isSegChar = (c: number): boolean =>
  (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57) || c === 45 || c === 95;

const TRAILING = new Set([46, 44, 59, 58, 41, 33, 63, 34, 39]); // . , ; : ) ! ? " '

/** Where a bare reference that continues at `p` ends: `systems/x.` → before the `.`, `systems/x\*` and `systems/x\` before the `\`. */
export function bareEnd(s: string, p: number): number {
  let end = p;
  while (end < s.length) {
    const c = s.charCodeAt(end);
    if (c <= 32 || c === 0x2014 || c === 60 || c === 91 || c === 93 || c === 96 || c === 124 || c === 42) break;
    if (c === 92 && (isAsciiPunct(s.charCodeAt(end + 1)) || !(s.charCodeAt(end + 1) > 32))) break; // `systems/x\*`, `systems/x\` 
    end++;
  }
  while (end > p && TRAILING.has(s.charCodeAt(end - 1))) end--;
  return end;
}

/** Skips spaces, tabs and at most one line end: `(\n  x.md)` → at `x`. */
export function skipWs(s: string, p: number): number {
  let newlines = 0;
  while (p < s.length) {
    const c = s.charCodeAt(p);
    if (c === 10 && ++newlines > 1) break;
    if (c !== 32 && c !== 9 && c !== 10 && c !== 13) break;
    p++;
  }
  return p;
}

/** End of a destination without angle brackets (balanced parentheses): `a(b).md)` → before the last `)`; -1 when unbalanced. */
export function rawDestinationEnd(s: string, p: number): number {
  let depth = 0;
  let i = p;
  for (; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c === 92 && i + 1 < s.length) i++;
    else if (c === 40) depth++;
    else if (c === 41) {
      if (depth === 0) break;
      depth--;
    } else if (c <= 32) break;
  }
  return depth === 0 ? i : -1;
}

/** Skips a link title `"…"`, `'…'` or `(…)` at `p`; returns the position after it, `p` when none, -1 when broken. */
export function skipTitle(s: string, p: number): number {
  const open = s.charCodeAt(p);
  const close = open === 34 ? 34 : open === 39 ? 39 : open === 40 ? 41 : 0;
  if (!close) return p;
  for (let i = p + 1; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c === 92) i++;
    else if (c === close) return i + 1;
  }
  return -1;
}

/** Merges `[from, to)` pairs into sorted, non-overlapping ones: `[5, 9, 1, 6]` → `[1, 9]`. */
export function toSortedPairs(flat: number[]): number[] {
  const pairs: [number, number][] = [];
  for (let i = 0; i < flat.length; i += 2) pairs.push([flat[i], flat[i + 1]]);
  pairs.sort((a, b) => a[0] - b[0]);
  const out: number[] = [];
  for (const [a, b] of pairs) {
    if (out.length && a <= out[out.length - 1]) out[out.length - 1] = Math.max(out[out.length - 1], b);
    else out.push(a, b);
  }
  return out;
}
