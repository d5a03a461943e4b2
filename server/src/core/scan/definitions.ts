// Link reference definitions: `[ref]: ../systems/kube-proxy.md "Title"`.
// As in CommonMark they are taken off the start of a paragraph when it
// ends, and may span its lines: `[ref]:\n  ../x.md\n  "Title"`.
import { footnoteStart } from './lineKinds';

export interface Definition {
  /** Normalised label: case-folded, inner whitespace collapsed. */
  readonly label: string;
  /** The destination as written, without angle brackets. */
  readonly dest: string;
  readonly destFrom: number;
  readonly destTo: number;
}

/** A definition found in a paragraph: offsets into the text, and the paragraph lines it takes. */
export interface FoundDefinition {
  readonly def: Definition;
  readonly from: number;
  readonly to: number;
  readonly firstLine: number;
  readonly lastLine: number;
}

/** CommonMark's label matching (as micromark does it): `[Kube  Proxy]` and `[kube proxy]` are one label. */
export function normalizeLabel(label: string): string {
  return label.replace(/[\t\n\r ]+/g, ' ').trim().toLowerCase().toUpperCase();
}

/**
 * The definitions a paragraph starts with. `segs` holds its lines as
 * `[from, to)` offsets into `text`, one pair a line; returns the
 * definitions and the index of the first line left to the paragraph.
 */
export function leadingDefinitions(text: string, segs: readonly number[]): { defs: FoundDefinition[]; rest: number } {
  const defs: FoundDefinition[] = [];
  if (!mayStartDefinition(text, segs[0], segs[1])) return { defs, rest: 0 };
  const at: number[] = []; // where each line starts in `s`
  let s = '';
  for (let i = 0; i < segs.length; i += 2) {
    if (i) s += '\n';
    at.push(s.length);
    s += text.slice(segs[i], segs[i + 1]);
  }
  const lineOf = (o: number) => {
    let k = at.length - 1;
    while (k > 0 && at[k] > o) k--;
    return k;
  };
  const map = (o: number) => segs[2 * lineOf(o)] + o - at[lineOf(o)];
  let p = 0;
  while (p < s.length) {
    const d = definitionAt(s, p);
    if (!d) break;
    const first = lineOf(p);
    const last = lineOf(d.end);
    defs.push({ def: { ...d.def, destFrom: map(d.def.destFrom), destTo: map(d.def.destTo) }, from: map(p), to: segs[2 * last + 1], firstLine: first, lastLine: last });
    p = d.end + 1;
  }
  return { defs, rest: defs.length ? defs[defs.length - 1].lastLine + 1 : 0 };
}

/** A cheap look at a paragraph's first line: `[label]:` or a label going on to the next line. */
function mayStartDefinition(text: string, p: number, end: number): boolean {
  if (text.charCodeAt(p) !== 91 || footnoteStart(text, p, end)) return false;
  for (let i = p + 1; i < end; i++) {
    const c = text.charCodeAt(i);
    if (c === 92) i++;
    else if (c === 91) return false;
    else if (c === 93) return text.charCodeAt(i + 1) === 58;
  }
  return true;
}

/** `[label]: dest "title"` at `s[p]`, ending at a line end (`\n` or the end of `s`). */
function definitionAt(s: string, p: number): { def: Definition; end: number } | undefined {
  if (s.charCodeAt(p) !== 91 || footnoteStart(s, p, s.length)) return undefined; // `[^a b]: x` is a definition
  const close = labelEnd(s, p);
  if (close === -1 || s.charCodeAt(close + 1) !== 58) return undefined;
  const label = s.slice(p + 1, close);
  if (label.trim() === '') return undefined;
  const dest = destination(s, skipBlank(s, close + 2));
  if (!dest) return undefined;
  // A title needs whitespace before it and nothing but spaces after it; without
  // one, the destination ends the line: `[a]: x "t" junk` is no definition.
  const titleAt = skipBlank(s, dest.end);
  const afterTitle = titleAt > dest.end ? titleEnd(s, titleAt) : -1;
  const titled = afterTitle === -1 ? -1 : blankToLineEnd(s, afterTitle);
  const end = titled !== -1 ? titled : blankToLineEnd(s, dest.end);
  if (end === -1) return undefined;
  const def = { label: normalizeLabel(label), dest: s.slice(dest.from, dest.to), destFrom: dest.from, destTo: dest.to };
  return { def, end };
}

/** The `]` closing a label at `s[p]` (at most 999 characters, no unescaped `[`), or -1. */
function labelEnd(s: string, p: number): number {
  for (let i = p + 1; i < s.length && i - p <= 1000; i++) {
    const c = s.charCodeAt(i);
    if (c === 92) i++;
    else if (c === 91) return -1;
    else if (c === 93) return i;
  }
  return -1;
}

/** Skips spaces and tabs and at most one line end: `:\n  x` → `x`. */
function skipBlank(s: string, p: number): number {
  while (s.charCodeAt(p) === 32 || s.charCodeAt(p) === 9) p++;
  if (s.charCodeAt(p) !== 10) return p;
  p++;
  while (s.charCodeAt(p) === 32 || s.charCodeAt(p) === 9) p++;
  return p;
}

/** The line end after `p` when only spaces and tabs come first, else -1. */
function blankToLineEnd(s: string, p: number): number {
  while (s.charCodeAt(p) === 32 || s.charCodeAt(p) === 9) p++;
  return p >= s.length || s.charCodeAt(p) === 10 ? p : -1;
}

/** `<a b.md>` (on one line) or `a(b).md` (balanced parentheses, no spaces). */
function destination(s: string, p: number): { from: number; to: number; end: number } | undefined {
  if (s.charCodeAt(p) === 60) {
    for (let i = p + 1; i < s.length; i++) {
      const c = s.charCodeAt(i);
      if (c === 92) i++;
      else if (c === 10 || c === 60) return undefined;
      else if (c === 62) return { from: p + 1, to: i, end: i + 1 };
    }
    return undefined;
  }
  let depth = 0;
  let i = p;
  for (; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c === 92 && i + 1 < s.length && s.charCodeAt(i + 1) > 32) i++;
    else if (c === 40) depth++;
    else if (c === 41 && --depth < 0) break;
    else if (c <= 32) break;
  }
  return i > p && depth === 0 ? { from: p, to: i, end: i } : undefined;
}

/** After a title `"…"`, `'…'` or `(…)` at `s[p]` (it may span lines), or -1. */
function titleEnd(s: string, p: number): number {
  const open = s.charCodeAt(p);
  const close = open === 34 ? 34 : open === 39 ? 39 : open === 40 ? 41 : 0;
  if (!close) return -1;
  for (let i = p + 1; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c === 92) i++;
    else if (c === close) return i + 1; // as micromark, `(a (b)` is a title
  }
  return -1;
}
