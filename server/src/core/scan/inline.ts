// The inline pass over one paragraph, heading or table cell: wikilinks,
// Markdown links (inline and reference-style), images, and bare `kind/slug`
// references, skipping code spans, HTML, autolinks and URLs. Offsets are
// into `content`, the block's lines joined with `\n`.
import { normalizeLabel } from './definitions';

export type InlineSyntax = 'wikilink' | 'embed' | 'markdown' | 'image' | 'reference' | 'bare';

export interface InlineLink {
  syntax: InlineSyntax;
  /** The target text as written: `systems/x#Modes`, `../x.md`. */
  raw: string;
  from: number;
  to: number;
  tFrom: number;
  tTo: number;
  label?: string;
  /** Reference links: the normalised label of the definition used. */
  ref?: string;
}

/** Normalised labels of the page's definitions → destination as written. */
export type Definitions = ReadonlyMap<string, string>;

const SPECIAL = /[\\`<[\]]/g;

/** Finds the links of `content`. */
export function scanInline(content: string, defs: Definitions): InlineLink[] {
  return new InlineScanner(content, defs).run();
}

interface Opener {
  pos: number;
  image: boolean;
  active: boolean;
}

class InlineScanner {
  private readonly links: InlineLink[] = [];
  /** Ranges that hold no bare reference: code, HTML, URLs, links. Sorted by start. */
  private readonly skip: number[] = [];
  private readonly openers: Opener[] = [];

  constructor(private readonly s: string, private readonly defs: Definitions) {}

  run(): InlineLink[] {
    const s = this.s;
    SPECIAL.lastIndex = 0;
    let i = 0;
    while (i < s.length) {
      SPECIAL.lastIndex = i;
      const m = SPECIAL.exec(s);
      if (!m) break;
      i = this.special(m.index);
    }
    this.bareRefs();
    return this.links.sort((a, b) => a.from - b.from);
  }

  /** Handles the construct at `i`; returns where to go on. */
  private special(i: number): number {
    const s = this.s;
    switch (s.charCodeAt(i)) {
      case 92: // backslash escape
        return i + 2;
      case 96:
        return this.codeSpan(i);
      case 60:
        return this.angle(i);
      case 91: {
        const image = i > 0 && s.charCodeAt(i - 1) === 33 && !this.escaped(i - 1);
        if (s.charCodeAt(i + 1) === 91) {
          const end = this.wikilink(image ? i - 1 : i, image);
          if (end > 0) return end;
        }
        this.openers.push({ pos: image ? i - 1 : i, image, active: true });
        return i + 1;
      }
      default:
        return this.closeBracket(i);
    }
  }

  private escaped(i: number): boolean {
    let n = 0;
    while (i - n - 1 >= 0 && this.s.charCodeAt(i - n - 1) === 92) n++;
    return n % 2 === 1;
  }

  private codeSpan(i: number): number {
    const s = this.s;
    let n = 1;
    while (s.charCodeAt(i + n) === 96) n++;
    let j = i + n;
    for (;;) {
      const k = s.indexOf('`', j);
      if (k === -1) return i + n; // no closing run: the backticks are text
      let m = 1;
      while (s.charCodeAt(k + m) === 96) m++;
      if (m === n) {
        this.skip.push(i, k + m);
        return k + m;
      }
      j = k + m;
    }
  }

  /** Autolinks `<https://x>`, HTML comments, tags, declarations and processing instructions. */
  private angle(i: number): number {
    const rest = this.s.slice(i, i + 4);
    let end = -1;
    if (rest.startsWith('<!--')) {
      const close = this.s.indexOf('-->', i + 4);
      end = close === -1 ? -1 : close + 3;
    } else {
      ANGLE.lastIndex = i;
      const m = ANGLE.exec(this.s);
      if (m) end = i + m[0].length;
    }
    if (end === -1) return i + 1;
    this.skip.push(i, end);
    return end;
  }

  /** `[[target#anchor|label]]`, or `![[…]]` when `embed`; returns the end, or -1. */
  private wikilink(start: number, embed: boolean): number {
    const s = this.s;
    const open = start + (embed ? 3 : 2);
    const close = s.indexOf(']]', open);
    if (close === -1) return -1;
    const nl = s.indexOf('\n', open);
    if (nl !== -1 && nl < close) return -1;
    const inner = s.indexOf('[[', open);
    if (inner !== -1 && inner < close) return -1;
    const body = s.slice(open, close);
    const bar = findLabelBar(body);
    const targetText = bar === -1 ? body : body.slice(0, bar);
    const lead = targetText.length - targetText.trimStart().length;
    const raw = targetText.trim();
    if (raw === '') return -1;
    const label = bar === -1 ? undefined : body.slice(bar + (body[bar] === '\\' ? 2 : 1)).trim();
    const tFrom = open + lead;
    this.links.push({ syntax: embed ? 'embed' : 'wikilink', raw, from: start, to: close + 2, tFrom, tTo: tFrom + raw.length, label });
    this.skip.push(start, close + 2);
    return close + 2;
  }

  private closeBracket(i: number): number {
    const opener = this.openers.pop();
    if (!opener) return i + 1;
    if (!opener.active) return i + 1;
    const textFrom = opener.pos + (opener.image ? 2 : 1);
    const link = this.inlineTail(i + 1) ?? this.referenceTail(i + 1, textFrom, i);
    if (!link) return i + 1;
    const label = this.s.slice(textFrom, i);
    this.links.push({ ...link, syntax: opener.image ? 'image' : link.syntax, from: opener.pos, label });
    this.skip.push(opener.pos, link.to);
    if (!opener.image) for (const o of this.openers) if (!o.image) o.active = false;
    return link.to;
  }

  /** `(dest "title")` after `]`. */
  private inlineTail(p: number): Omit<InlineLink, 'from'> | undefined {
    const s = this.s;
    if (s.charCodeAt(p) !== 40) return undefined;
    let j = skipWs(s, p + 1);
    let tFrom: number;
    let tTo: number;
    if (s.charCodeAt(j) === 60) {
      const close = s.indexOf('>', j + 1);
      const nl = s.indexOf('\n', j + 1);
      if (close === -1 || (nl !== -1 && nl < close) || s.slice(j + 1, close).includes('<')) return undefined;
      [tFrom, tTo] = [j + 1, close];
      j = close + 1;
    } else {
      [tFrom, tTo] = [j, rawDestinationEnd(s, j)];
      if (tTo < 0) return undefined;
      j = tTo;
    }
    const afterDest = skipWs(s, j);
    j = afterDest > j ? skipTitle(s, afterDest) : afterDest;
    if (j < 0) return undefined;
    j = skipWs(s, j);
    if (s.charCodeAt(j) !== 41) return undefined;
    return { syntax: 'markdown', raw: s.slice(tFrom, tTo), to: j + 1, tFrom, tTo };
  }

  /** `[ref]`, `[]` or nothing after `]`, when the label has a definition. */
  private referenceTail(p: number, textFrom: number, textTo: number): Omit<InlineLink, 'from'> | undefined {
    const s = this.s;
    let label = s.slice(textFrom, textTo);
    let to = p;
    if (s.charCodeAt(p) === 91) {
      const close = s.indexOf(']', p + 1);
      if (close !== -1 && close - p <= 1000 && !s.slice(p + 1, close).includes('[')) {
        if (close > p + 1) label = s.slice(p + 1, close);
        to = close + 1;
      }
    }
    const ref = normalizeLabel(label);
    const dest = this.defs.get(ref);
    if (dest === undefined || ref === '') return undefined;
    return { syntax: 'reference', raw: dest, to, tFrom: textFrom, tTo: textTo, ref };
  }

  /** `see systems/kube-proxy.` — a `kind/…` path in plain text, found from each `/`. */
  private bareRefs(): void {
    const s = this.s;
    const skip = toSortedPairs(this.skip);
    let k = 0;
    let slash = s.indexOf('/');
    while (slash !== -1) {
      let start = slash;
      while (start > 0 && isSegChar(s.charCodeAt(start - 1))) start--;
      const before = start === 0 ? 10 : s.charCodeAt(start - 1);
      let next = slash + 1;
      if (start < slash && (before === 10 || before === 32 || before === 9 || before === 40)) {
        const end = bareEnd(s, slash + 1);
        next = Math.max(end, slash + 1);
        while (k < skip.length && skip[k + 1] <= start) k += 2;
        const inside = k < skip.length && skip[k] < end;
        if (end > slash + 1 && !inside) {
          this.links.push({ syntax: 'bare', raw: s.slice(start, end), from: start, to: end, tFrom: start, tTo: end });
        }
      }
      slash = s.indexOf('/', next);
    }
  }
}

const ANGLE =
  /<(?:[A-Za-z][A-Za-z0-9+.-]{1,31}:[^\s<>]*|[\w.!#$%&'*+/=?^`{|}~-]+@[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?)*|[A-Za-z][A-Za-z0-9-]*(?:\s+[A-Za-z_:][\w.:-]*(?:\s*=\s*(?:[^\s"'=<>`]+|'[^']*'|"[^"]*"))?)*\s*\/?|\/[A-Za-z][A-Za-z0-9-]*\s*|\?[\s\S]*?\?|![A-Za-z][^>]*|!\[CDATA\[[\s\S]*?\]\])>/y;

/** The `|` (or `\|` in tables) that starts a wikilink's label. */
function findLabelBar(body: string): number {
  for (let i = 0; i < body.length; i++) {
    const c = body.charCodeAt(i);
    if (c === 124) return i;
    if (c === 92 && body.charCodeAt(i + 1) === 124) return i;
  }
  return -1;
}

const isSegChar = (c: number): boolean =>
  (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57) || c === 45 || c === 95;

const TRAILING = new Set([46, 44, 59, 58, 41, 33, 63, 34, 39]); // . , ; : ) ! ? " '

/** Where a bare reference that continues at `p` ends. */
function bareEnd(s: string, p: number): number {
  let end = p;
  while (end < s.length) {
    const c = s.charCodeAt(end);
    if (c <= 32 || c === 0x2014 || c === 60 || c === 91 || c === 93 || c === 96 || c === 124 || c === 42) break;
    end++;
  }
  while (end > p && TRAILING.has(s.charCodeAt(end - 1))) end--;
  return end;
}

function skipWs(s: string, p: number): number {
  let newlines = 0;
  while (p < s.length) {
    const c = s.charCodeAt(p);
    if (c === 10 && ++newlines > 1) break;
    if (c !== 32 && c !== 9 && c !== 10 && c !== 13) break;
    p++;
  }
  return p;
}

/** End of a destination without angle brackets (balanced parentheses), or -1. */
function rawDestinationEnd(s: string, p: number): number {
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
function skipTitle(s: string, p: number): number {
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

/** Merges `[from, to)` pairs into sorted, non-overlapping ones. */
function toSortedPairs(flat: number[]): number[] {
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
