// The inline pass over one paragraph, heading or table cell: wikilinks,
// Markdown links (inline and reference-style), images, and bare `kind/slug`
// references, skipping code spans, HTML, autolinks and URLs. Offsets are
// into `content`, the block's lines joined with `\n`.
import { normalizeLabel } from './definitions';
import {
  angleEnd, bareEnd, codeSpanEnd, findLabelBar, holdsCode, isSegChar, rawDestinationEnd, runLength, skipTitle, skipWs, toSortedPairs,
} from './inlineSyntax';
import { isAsciiPunct, lateUrlAt, lateUrlEnd, urlEnd, urlStartAt } from './urls';

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

/** Where a construct may start: escapes, code, `<`, brackets, and URLs (`://`, `www.`). */
const SPECIAL = /[\\`<[\]]|:\/\/|www\./gi;

/** Whether a definition is a footnote's: the block pass defines `^1` with no destination for `[^1]: …` (`[^a b]` is a link label). */
function isFootnote(label: string, dest: string | undefined): boolean {
  return dest === '' && label.charCodeAt(0) === 94 && !label.includes(' ');
}

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
  /** URLs left to remark-gfm's later pass (`[see https://x.org`), as `[from, to)` pairs: settled once the links are known. */
  private readonly urls: number[] = [];

  constructor(private readonly s: string, private readonly defs: Definitions) {}

  run(): InlineLink[] {
    const s = this.s;
    SPECIAL.lastIndex = 0;
    let i = 0;
    while (i < s.length) {
      SPECIAL.lastIndex = i;
      const m = SPECIAL.exec(s);
      if (!m) break;
      i = this.special(m.index, i);
    }
    if (this.urls.length) this.settleUrls();
    this.bareRefs();
    return this.links.sort((a, b) => a.from - b.from);
  }

  /** Handles the construct at `i`, the first after `from`; returns where to go on. */
  private special(i: number, from: number): number {
    const s = this.s;
    switch (s.charCodeAt(i)) {
      case 58: // `://` of `https://x.org` (from its `h`) or `http://x.org`
        return this.url((s.charCodeAt(i - 1) | 0x20) === 115 ? i - 5 : i - 4, from, i + 1);
      case 87:
      case 119: // `www.x.org`
        return this.url(i, from, i + 1);
      case 92: // an escape `\[`; `\h` is a backslash
        return isAsciiPunct(s.charCodeAt(i + 1)) ? i + 2 : i + 1;
      case 96:
        return this.codeSpan(i);
      case 60:
        return this.angle(i);
      case 91: {
        const call = s.charCodeAt(i + 1) === 94 ? this.footnoteCall(i) : -1;
        if (call !== -1) return call;
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

  /** `[^1]` is a footnote call, no bracket, when `[^1]:` is on the page; returns its end or -1. */
  private footnoteCall(i: number): number {
    const close = this.s.indexOf(']', i);
    const label = close === -1 ? '' : normalizeLabel(this.s.slice(i + 1, close));
    return close !== -1 && isFootnote(label, this.defs.get(label)) ? close + 1 : -1;
  }

  private escaped(i: number): boolean {
    let n = 0;
    while (i - n - 1 >= 0 && this.s.charCodeAt(i - n - 1) === 92) n++;
    return n % 2 === 1;
  }

  /** `` `code` ``: skipped; an unclosed run of backticks is text. */
  private codeSpan(i: number): number {
    const end = codeSpanEnd(this.s, i);
    if (end === -1) return i + runLength(this.s, i);
    this.skip.push(i, end);
    return end;
  }

  /**
   * A URL at `start` (not before `from`): micromark's is skipped at once,
   * `https://x.org/systems/y`; one it leaves to remark-gfm's later pass
   * (inside an open `[`, or `www.` after `#`) waits for `settleUrls`.
   */
  private url(start: number, from: number, next: number): number {
    const s = this.s;
    if (start < from) return next;
    if (!this.openers.length && urlStartAt(s, start)) {
      const end = urlEnd(s, start);
      this.skip.push(start, end);
      return end;
    }
    if (lateUrlAt(s, start)) this.urls.push(start, lateUrlEnd(s, start));
    return next;
  }

  /**
   * The later pass links URLs in the text between links, code and HTML,
   * and not in link text: a URL ends where one of them starts, and no
   * wikilink survives in it (`[x https://w.org/[[y]]` has none) but one
   * that remark reads as the start of a link: `[x https://w.org/[[y]](z)`.
   */
  private settleUrls(): void {
    const wiki = (l: InlineLink) => l.syntax === 'wikilink' || l.syntax === 'embed';
    const markdown = this.links.filter((l) => !wiki(l));
    const wikis = new Set(this.links.filter(wiki).map((l) => l.from));
    const stops = [...markdown.map((l) => l.from), ...this.skip.filter((at, i) => i % 2 === 0 && !wikis.has(at))];
    for (let k = 0; k < this.urls.length; k += 2) {
      const start = this.urls[k];
      let end = this.urls[k + 1];
      if (markdown.some((l) => l.from < start && start < l.to)) continue;
      for (const at of stops) if (at > start && at < end) end = at;
      this.skip.push(start, end);
      for (let i = this.links.length - 1; i >= 0; i--) {
        const l = this.links[i];
        if (wiki(l) && l.from < end && l.to > start && !this.opensLink(l)) this.links.splice(i, 1);
      }
    }
  }

  /** Whether remark reads a link from the `[[` of `l`: `[[x]](y)`, `[[x]][ref]` with `ref` defined, but not with `x` defined. */
  private opensLink(l: InlineLink): boolean {
    const s = this.s;
    const p = l.to;
    const open = s.indexOf('[[', l.from);
    if (this.defs.has(normalizeLabel(s.slice(open + 2, p - 2)))) return false;
    if (s.charCodeAt(p) === 40) return true;
    const close = s.charCodeAt(p) === 91 ? s.indexOf(']', p + 1) : -1;
    return close > p + 1 && this.defs.has(normalizeLabel(s.slice(p + 1, close)));
  }

  /** Autolinks `<https://x>`, HTML comments, tags, declarations and processing instructions. */
  private angle(i: number): number {
    const end = angleEnd(this.s, i);
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
    // Code, HTML and URLs bind tighter: `[[a `b` c]]` and `[[https://x.org/a]]` are no wikilinks.
    if (holdsCode(s, open, close)) return -1;
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
    if (dest === undefined || ref === '' || isFootnote(ref, dest)) return undefined;
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

