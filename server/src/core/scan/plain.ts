// Plain text of inline Markdown, for heading slugs, titles and summaries:
// `**Modes** of [[systems/kube-proxy|kube-proxy]]` → `Modes of kube-proxy`.
// Links read as their text, code spans as their content, autolinks as their
// URL; HTML, escapes and the `*`, `_`, `~` runs that CommonMark (and GFM
// strikethrough) take for emphasis are dropped: `a * b` keeps its `*`.
import type { InlineLink } from './inline';
import { angleEnd, codeSpanEnd, runLength } from './inlineSyntax';
import { isAsciiPunct, urlEnd, urlStartAt } from './urls';

/** The text a reader sees, whitespace collapsed. */
export function plainText(content: string, links: readonly InlineLink[]): string {
  if (links.length === 0 && !/[\\`<&*_~[\]]|https?:|www\./i.test(content)) return content.replace(/\s+/g, ' ').trim(); // no markup at all
  return new Plain(content, links).text(0, content.length).replace(/\s+/g, ' ').trim();
}

/**
 * Markup dropped from a piece of inline Markdown that holds no links (it
 * may lie between two): `` `x` `` → `x`, `\*` → `*`, `<b>` → ``. As the
 * piece may be cut from emphasis, every run that could open or close it
 * goes: `**see ` → `see `, while `a * b` keeps its `*`.
 */
export function stripMarks(s: string): string {
  return new Plain(s, [], true).text(0, s.length);
}

/** A run of `*`, `_` or `~` that may open or close emphasis: `parts[at]` holds it. */
interface Delim {
  at: number;
  char: number;
  /** Characters left; `length` is the run as written. */
  n: number;
  length: number;
  open: boolean;
  close: boolean;
}

/** ASCII characters where markup may start (`h` and `w` for URLs). */
const MARKUP = new Uint8Array(128);
for (const c of '\\`<&*_~[]hHwW') MARKUP[c.charCodeAt(0)] = 1;

const AUTOLINK = /^<([A-Za-z][A-Za-z0-9+.-]{1,31}:[^\s<>]*|[^\s<>@]+@[^\s<>@]+)>$/;

class Plain {
  private readonly links: readonly InlineLink[];
  /** `[` not closed yet, in the text being read: a URL inside one is read as text (GFM links it later, around the links). */
  private brackets = 0;

  /** Bare references are text as they stand (`systems/a&amp;` reads `systems/a&`). */
  constructor(private readonly s: string, links: readonly InlineLink[], private readonly loose = false) {
    this.links = links.filter((l) => l.syntax !== 'bare');
  }

  /** The plain text of `s[from, to)`, where links nest; in link text (`inLink`) no URL is one. */
  text(from: number, to: number, inLink = false): string {
    const parts: string[] = [];
    const delims: Delim[] = [];
    const outer = this.brackets;
    this.brackets = inLink ? 1 : 0;
    let k = 0;
    while (k < this.links.length && this.links[k].from < from) k++;
    for (let i = from; i < to;) {
      const link = this.links[k];
      if (link && link.from === i) {
        parts.push(this.linkText(link));
        i = link.to;
        while (k < this.links.length && this.links[k].from < i) k++;
        continue;
      }
      const stop = link && link.from < to ? link.from : to;
      i = Math.max(this.piece(i, stop, parts, delims), i + 1);
    }
    if (this.loose) for (const d of delims) d.n = d.open || d.close ? 0 : d.n;
    else resolveEmphasis(delims);
    for (const d of delims) parts[d.at] = String.fromCharCode(d.char).repeat(d.n);
    this.brackets = outer;
    return parts.join('');
  }

  /** Reads one character or construct at `i` (before `stop`) into `parts`; returns where it ends. */
  private piece(i: number, stop: number, parts: string[], delims: Delim[]): number {
    const s = this.s;
    const c = s.charCodeAt(i);
    if (c === 92) { // `\*` → `*`; a backslash before a line end is a break
      const next = s.charCodeAt(i + 1);
      parts.push(isAsciiPunct(next) && i + 1 < stop ? s[i + 1] : next === 10 ? '' : '\\');
      return isAsciiPunct(next) && i + 1 < stop ? i + 2 : i + 1;
    }
    if (c === 96 || c === 60) { // `` `code` `` → `code`, `<https://x>` → `https://x`, `<b>` → ``
      const end = c === 96 ? codeSpanEnd(s, i) : angleEnd(s, i);
      if (end !== -1 && end <= stop) {
        parts.push(c === 96 ? codeText(s.slice(i + runLength(s, i), end - runLength(s, i))) : (AUTOLINK.exec(s.slice(i, end))?.[1] ?? ''));
        return end;
      }
      const n = c === 96 ? runLength(s, i) : 1;
      parts.push(s.slice(i, i + n));
      return i + n;
    }
    if (c === 38) return this.entity(i, parts);
    if (c === 42 || c === 95 || c === 126) return this.delimiter(i, stop, parts, delims);
    if (c === 91) this.brackets++;
    else if (c === 93 && this.brackets > 0) this.brackets--;
    else if (this.brackets === 0 && urlStartAt(s, i)) { // a URL is as written: `https://x.org/a_b_`
      const end = Math.min(urlEnd(s, i), stop);
      parts.push(s.slice(i, end));
      return end;
    }
    let j = i + 1; // text up to the next character that may start markup
    for (let d = s.charCodeAt(j); j < stop && !(d < 128 && MARKUP[d]); d = s.charCodeAt(++j));
    parts.push(s.slice(i, j));
    return j;
  }

  private linkText(l: InlineLink): string {
    switch (l.syntax) {
      case 'wikilink':
      case 'embed':
        return l.label || l.raw;
      default: { // `[text](x)`, `![alt](x)`, `[text][ref]`: the text, read as inline Markdown
        const from = l.from + (this.s.charCodeAt(l.from) === 33 ? 2 : 1);
        return this.text(from, from + (l.label ?? '').length, true);
      }
    }
  }

  /** `&amp;` → `&`, `&#8212;` → `—`; an unknown name stays as written. */
  private entity(i: number, parts: string[]): number {
    const m = ENTITY.exec(this.s.slice(i, i + 34));
    const named = m && !m[1].startsWith('#') ? ENTITIES[m[1]] : undefined;
    const code = m && m[1].startsWith('#') ? parseInt(m[1].slice(m[1][1] === 'x' || m[1][1] === 'X' ? 2 : 1), m[1][1] === 'x' || m[1][1] === 'X' ? 16 : 10) : NaN;
    const text = named ?? (code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : undefined);
    if (!m || text === undefined) {
      parts.push('&');
      return i + 1;
    }
    parts.push(text);
    return i + m[0].length;
  }

  /** A run of `*`, `_` or `~`, with whether it can open or close (CommonMark's flanking rules). */
  private delimiter(i: number, stop: number, parts: string[], delims: Delim[]): number {
    const s = this.s;
    const c = s.charCodeAt(i);
    let j = i;
    while (j < stop && s.charCodeAt(j) === c) j++;
    parts.push(s.slice(i, j));
    if (c === 126 && j - i > 2) return j; // `~~~` is no strikethrough
    const before = kindOf(s, i - 1);
    const after = kindOf(s, j);
    const left = after !== SPACE && (after === OTHER || before !== OTHER);
    const right = before !== SPACE && (before === OTHER || after !== OTHER);
    const open = c === 95 ? left && (!right || before === PUNCT) : left;
    const close = c === 95 ? right && (!left || after === PUNCT) : right;
    delims.push({ at: parts.length - 1, char: c, n: j - i, length: j - i, open, close });
    return j;
  }
}

/** A code span's content as CommonMark reads it: `` ` a ` `` → `a`, line ends as spaces. */
function codeText(code: string): string {
  const s = code.replace(/\r?\n/g, ' ');
  return s.length > 2 && s.startsWith(' ') && s.endsWith(' ') && s.trim() !== '' ? s.slice(1, -1) : s;
}

const SPACE = 0;
const PUNCT = 1;
const OTHER = 2;

/** Whitespace (or the content's edge), punctuation (Unicode P and S) or other. */
function kindOf(s: string, i: number): number {
  if (i < 0 || i >= s.length) return SPACE;
  const c = s.charCodeAt(i);
  if (c <= 32) return SPACE;
  if (c < 128) return isAsciiPunct(c) ? PUNCT : OTHER;
  const ch = String.fromCharCode(c); // one UTF-16 unit, as micromark reads: `😀` is no punctuation
  return /\s/u.test(ch) ? SPACE : /[\p{P}\p{S}]/u.test(ch) ? PUNCT : OTHER;
}

/**
 * CommonMark's "process emphasis", counting only: each closer takes the
 * nearest opener of its character (not when the rule of 3 forbids it, and
 * for `~` only one as long), 2 characters when both have them, else 1;
 * runs between them are left as text. `***a**` → `*a`.
 */
function resolveEmphasis(delims: Delim[]): void {
  const dead = new Set<Delim>();
  for (let c = 0; c < delims.length; c++) {
    const closer = delims[c];
    while (closer.close && closer.n > 0) {
      let o = c - 1;
      for (; o >= 0; o--) if (matches(delims[o], closer) && !dead.has(delims[o])) break;
      if (o < 0) break;
      const opener = delims[o];
      const use = closer.char === 126 ? closer.n : opener.n >= 2 && closer.n >= 2 ? 2 : 1;
      opener.n -= use;
      closer.n -= use;
      for (let k = o + 1; k < c; k++) dead.add(delims[k]);
    }
  }
}

function matches(opener: Delim, closer: Delim): boolean {
  if (opener.char !== closer.char || !opener.open || opener.n === 0) return false;
  if (closer.char === 126) return opener.n === closer.n && opener.n === opener.length && closer.n === closer.length;
  const both = opener.close || closer.open;
  return !(both && (opener.length + closer.length) % 3 === 0 && (opener.length % 3 !== 0 || closer.length % 3 !== 0));
}

const ENTITY = /^&(#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});/;

/** The named character references pages use; remark knows all of HTML's. */
const ENTITIES: Record<string, string> = {
  amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00a0', copy: '©', reg: '®', trade: '™',
  hellip: '…', mdash: '—', ndash: '–', lsquo: '‘', rsquo: '’', ldquo: '“', rdquo: '”', laquo: '«', raquo: '»',
  middot: '·', bull: '•', times: '×', divide: '÷', deg: '°', plusmn: '±', para: '¶', sect: '§', euro: '€',
  pound: '£', yen: '¥', cent: '¢', larr: '←', rarr: '→', uarr: '↑', darr: '↓', harr: '↔', rArr: '⇒',
  lArr: '⇐', hArr: '⇔', le: '≤', ge: '≥', ne: '≠', asymp: '≈', infin: '∞', check: '✓', shy: '\u00ad',
};
