// URL literals, which GFM links and which hold no links of ours:
// `https://example.com/systems/x` is no bare reference. remark-gfm finds
// them twice: micromark takes `https://x` (not after a letter) and
// `www.x` (after a space or `(*_[]~`) while it reads text that is in no
// open `[`; a later pass takes the rest from the text left between links,
// after a space or punctuation, when the domain has a dot.

const lower = (c: number): number => c | 0x20;
const isAlpha = (c: number): boolean => lower(c) >= 97 && lower(c) <= 122;

export const isAsciiPunct = (c: number): boolean =>
  (c >= 33 && c <= 47) || (c >= 58 && c <= 64) || (c >= 91 && c <= 96) || (c >= 123 && c <= 126);

/** Whether `c` (NaN before the start) is whitespace or punctuation (Unicode P and S). */
export const isBoundary = (c: number): boolean =>
  Number.isNaN(c) || c <= 32 || isAsciiPunct(c) || (c > 127 && /[\p{P}\p{S}\s]/u.test(String.fromCharCode(c)));

/** Characters after which micromark starts `www.x.org`: `(www.x.org`, `*www.x.org`. */
const BEFORE_WWW = new Set([9, 10, 32, 40, 42, 91, 93, 95, 126]);

/** Whether `s` has `word` (lower case) at `k`, ignoring case: `HTTP` has `http`. */
function hasLower(s: string, k: number, word: string): boolean {
  for (let i = 0; i < word.length; i++) if ((s.charCodeAt(k + i) | (word.charCodeAt(i) === 46 ? 0 : 0x20)) !== word.charCodeAt(i)) return false;
  return true;
}

/** Where the domain of `https://x.org` or `www.x.org` at `k` starts, or -1 when none does. */
function domainStart(s: string, k: number): number {
  const c = lower(s.charCodeAt(k));
  if (c === 119) return hasLower(s, k, 'www.') ? k + 3 : -1;
  if (c !== 104 || !hasLower(s, k, 'http')) return -1;
  const secure = lower(s.charCodeAt(k + 4)) === 115 ? 1 : 0;
  return s.startsWith('://', k + 4 + secure) ? k + 7 + secure : -1;
}

/** Whether micromark takes a URL literal at `k` (outside any open `[`): `https://x.org`, `http://x`, `www.x.org`. */
export function urlStartAt(s: string, k: number): boolean {
  const d = domainStart(s, k);
  if (d === -1) return false;
  const before = k > 0 ? s.charCodeAt(k - 1) : 10;
  if (lower(s.charCodeAt(k)) === 119 ? !BEFORE_WWW.has(before) : isAlpha(before)) return false;
  const after = s.charCodeAt(lower(s.charCodeAt(k)) === 119 ? d + 1 : d);
  return after > 32 && (after === 45 || !isAsciiPunct(after));
}

/**
 * Whether remark-gfm's later pass takes a URL at `k`: after whitespace or
 * punctuation, with a domain whose last two parts hold a letter or digit
 * and no `_`: `#www.x.org`, `(https://x.org`, not `http://localhost`.
 */
export function lateUrlAt(s: string, k: number): boolean {
  const d = domainStart(s, k);
  if (d === -1 || !isBoundary(s.charCodeAt(k - 1))) return false;
  let i = d;
  for (let c = s.charCodeAt(i); c === 45 || c === 46 || c === 95 || (c >= 48 && c <= 57) || isAlpha(c); c = s.charCodeAt(++i));
  const parts = s.slice(d, i).split('.');
  const bad = (p: string | undefined) => !!p && (p.includes('_') || !/[A-Za-z0-9]/.test(p));
  return i > d && parts.length >= 2 && !bad(parts[parts.length - 1]) && !bad(parts[parts.length - 2]);
}

/**
 * The end of the URL micromark takes at `k`: at whitespace or `<`, less
 * trailing punctuation and unbalanced `)`, and before a `]` that a `(`,
 * `[` or the end follows: `(https://x.org/a_(b)).` → after `(b)`,
 * `[see https://x.org](y.md)` → before `]`.
 */
export function urlEnd(s: string, k: number): number {
  let open = 0;
  let close = 0;
  for (let i = k; ; i++) {
    const c = s.charCodeAt(i);
    if (i >= s.length || c <= 32 || c === 60) return i;
    if (c === 40) open++;
    else if (c === 41 && close < open) close++;
    else if (isTrail(c) && trailEnds(s, i)) return i;
    else if (c === 41) close++;
  }
}

/** `!"')*,.:;?_~`, `]` and `&`: what may trail a URL rather than belong to it. */
const isTrail = (c: number): boolean =>
  c === 33 || c === 34 || c === 38 || c === 39 || c === 41 || c === 42 || c === 44 || c === 46 || c === 58 || c === 59 || c === 63 || c === 93 || c === 95 || c === 126;

/** Whether the punctuation from `i` on runs to the URL's end: `.)` then a space. */
function trailEnds(s: string, i: number): boolean {
  for (; ; i++) {
    const c = s.charCodeAt(i);
    if (i >= s.length || c <= 32 || c === 60) return true;
    if (c === 93) {
      const next = s.charCodeAt(i + 1);
      if (i + 1 >= s.length || next <= 32 || next === 40 || next === 91) return true;
    } else if (c === 38) {
      let j = i + 1; // `&amp;` trails as a whole
      while (isAlpha(s.charCodeAt(j))) j++;
      if (j === i + 1 || s.charCodeAt(j) !== 59) return false;
      i = j;
    } else if (!isTrail(c)) return false;
  }
}

/**
 * The end of the URL the later pass takes at `k`: at a space or line end,
 * less a trailing run of `!"&'),.:;<>?]}` but the `)` that close a `(`:
 * `https://x.org/a_(b)).` → after `(b)`.
 */
export function lateUrlEnd(s: string, k: number): number {
  let end = k;
  while (end < s.length && s.charCodeAt(end) > 32) end++;
  let cut = end;
  while (cut > k && '!"&\'),.:;<>?]}'.includes(s[cut - 1])) cut--;
  let open = 0;
  let close = 0;
  for (let i = k; i < cut; i++) {
    if (s.charCodeAt(i) === 40) open++;
    else if (s.charCodeAt(i) === 41) close++;
  }
  for (let i = cut; i < end && open > close; i++) if (s.charCodeAt(i) === 41) [cut, close] = [i + 1, close + 1];
  return cut;
}
