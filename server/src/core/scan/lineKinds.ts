// Classifiers for one line of Markdown, from a position after container
// markers. Each looks at `text[p, end)` only, where `p` is the first
// non-blank character, and follows CommonMark (plus GFM tables).

export const isSpace = (c: number): boolean => c === 32 || c === 9;

/** `***`, `- - -`, `___`: three or more of one of `*-_`, spaces between. */
export function isThematicBreak(text: string, p: number, end: number): boolean {
  const ch = text.charCodeAt(p);
  if (ch !== 42 && ch !== 45 && ch !== 95) return false;
  let n = 0;
  for (let i = p; i < end; i++) {
    const c = text.charCodeAt(i);
    if (c === ch) n++;
    else if (!isSpace(c)) return false;
  }
  return n >= 3;
}

/** `## Title ##` → level and the content range, or undefined. */
export function atxHeading(text: string, p: number, end: number): { level: number; from: number; to: number } | undefined {
  let level = 0;
  while (p + level < end && text.charCodeAt(p + level) === 35) level++;
  if (level === 0 || level > 6) return undefined;
  let from = p + level;
  if (from < end && !isSpace(text.charCodeAt(from))) return undefined;
  while (from < end && isSpace(text.charCodeAt(from))) from++;
  let to = end;
  while (to > from && isSpace(text.charCodeAt(to - 1))) to--;
  // A closing sequence of `#` counts when preceded by a space (or is all there is).
  let k = to;
  while (k > from && text.charCodeAt(k - 1) === 35) k--;
  if (k < to && (k === from || isSpace(text.charCodeAt(k - 1)))) {
    to = k;
    while (to > from && isSpace(text.charCodeAt(to - 1))) to--;
  }
  return { level, from, to };
}

/** An opening code fence: three or more backticks (no backtick in the info) or tildes. */
export function fenceOpen(text: string, p: number, end: number): { char: number; length: number } | undefined {
  const ch = text.charCodeAt(p);
  if (ch !== 96 && ch !== 126) return undefined;
  let n = 0;
  while (p + n < end && text.charCodeAt(p + n) === ch) n++;
  if (n < 3) return undefined;
  if (ch === 96 && text.indexOf('`', p + n) !== -1 && text.indexOf('`', p + n) < end) return undefined;
  return { char: ch, length: n };
}

/** A closing fence for `open`: the same character, at least as long, nothing after but spaces. */
export function isFenceClose(text: string, p: number, end: number, open: { char: number; length: number }): boolean {
  let n = 0;
  while (p + n < end && text.charCodeAt(p + n) === open.char) n++;
  if (n < open.length) return false;
  for (let i = p + n; i < end; i++) if (!isSpace(text.charCodeAt(i))) return false;
  return true;
}

/** The setext underline level: `===` → 1, `---` → 2. */
export function setextLevel(text: string, p: number, end: number): number {
  const ch = text.charCodeAt(p);
  if (ch !== 61 && ch !== 45) return 0;
  let i = p;
  while (i < end && text.charCodeAt(i) === ch) i++;
  while (i < end && isSpace(text.charCodeAt(i))) i++;
  return i === end ? (ch === 61 ? 1 : 2) : 0;
}

export interface ListMarker {
  readonly bullet: string;
  readonly ordered: boolean;
  /** `-`/`*`/`+` for bullets, `.`/`)` for ordered lists: items of one list share it. */
  readonly delimiter: string;
  readonly start: number;
  /** Offset just after the marker. */
  readonly markerEnd: number;
}

/** `- `, `* `, `+ `, `1. `, `2) `: the marker, when followed by a space or the line end. */
export function listMarker(text: string, p: number, end: number): ListMarker | undefined {
  const ch = text.charCodeAt(p);
  if (ch === 45 || ch === 42 || ch === 43) {
    if (p + 1 < end && !isSpace(text.charCodeAt(p + 1))) return undefined;
    const bullet = text[p];
    return { bullet, ordered: false, delimiter: bullet, start: 0, markerEnd: p + 1 };
  }
  let i = p;
  while (i < end && i - p < 9 && text.charCodeAt(i) >= 48 && text.charCodeAt(i) <= 57) i++;
  if (i === p || i >= end) return undefined;
  const d = text.charCodeAt(i);
  if (d !== 46 && d !== 41) return undefined;
  if (i + 1 < end && !isSpace(text.charCodeAt(i + 1))) return undefined;
  return { bullet: text.slice(p, i + 1), ordered: true, delimiter: text[i], start: Number(text.slice(p, i)), markerEnd: i + 1 };
}

/** `[^1]:` or `[^note]:` (no whitespace in the label), which starts a footnote definition. */
export function footnoteStart(text: string, p: number, end: number): boolean {
  if (text.charCodeAt(p) !== 91 || text.charCodeAt(p + 1) !== 94) return false;
  for (let i = p + 2; i < end && i - p < 1000; i++) {
    const c = text.charCodeAt(i);
    if (c === 93) return i > p + 2 && text.charCodeAt(i + 1) === 58;
    if (c === 92) i++;
    else if (c <= 32 || c === 91) return false;
  }
  return false;
}

/** Whether an item with marker `m` may interrupt a paragraph: `1.` or a bullet, with content (`- `, `2.` alone may not). */
export function canInterrupt(m: ListMarker, text: string, end: number): boolean {
  if (m.ordered && m.start !== 1) return false;
  let p = m.markerEnd;
  while (p < end && isSpace(text.charCodeAt(p))) p++;
  return p < end;
}

/**
 * Whether a line that misses some containers starts a block rather than
 * continuing a paragraph lazily. Any list item does, as the paragraph is
 * not in the innermost container: `- a\n2. b` is a second list.
 */
export function startsLazyBlock(text: string, p: number, end: number): boolean {
  if (text.charCodeAt(p) === 62) return true;
  if (isThematicBreak(text, p, end) || atxHeading(text, p, end) || fenceOpen(text, p, end)) return true;
  return htmlBlockStart(text, p, end, true) > 0 || listMarker(text, p, end) !== undefined || footnoteStart(text, p, end);
}

const HTML1 = /^<(?:script|pre|style|textarea)(?:[\s>]|$)/i;
const HTML6 =
  /^<\/?(?:address|article|aside|base|basefont|blockquote|body|caption|center|col|colgroup|dd|details|dialog|dir|div|dl|dt|fieldset|figcaption|figure|footer|form|frame|frameset|h[1-6]|head|header|hr|html|iframe|legend|li|link|main|menu|menuitem|nav|noframes|ol|optgroup|option|p|param|search|section|summary|table|tbody|td|tfoot|th|thead|title|tr|track|ul)(?:[\s>]|\/>|$)/i;
const HTML7 =
  /^(?:<[A-Za-z][A-Za-z0-9-]*(?:\s+[A-Za-z_:][\w.:-]*(?:\s*=\s*(?:[^\s"'=<>`]+|'[^']*'|"[^"]*"))?)*\s*\/?>|<\/[A-Za-z][A-Za-z0-9-]*\s*>)\s*$/;

/** The CommonMark HTML block type (1–7) a line starts, or 0. Type 7 cannot interrupt a paragraph. */
export function htmlBlockStart(text: string, p: number, end: number, inParagraph: boolean): number {
  if (text.charCodeAt(p) !== 60) return 0;
  const line = text.slice(p, end);
  if (HTML1.test(line)) return 1;
  if (line.startsWith('<!--')) return 2;
  if (line.startsWith('<?')) return 3;
  if (/^<![A-Za-z]/.test(line)) return 4;
  if (line.startsWith('<![CDATA[')) return 5;
  if (HTML6.test(line)) return 6;
  if (!inParagraph && HTML7.test(line)) return 7;
  return 0;
}

const HTML_END = ['', /<\/(?:script|pre|style|textarea)>/i, /-->/, /\?>/, />/, /\]\]>/];

/** Whether `line` ends an HTML block of type 1–5 (types 6 and 7 end at a blank line). */
export function htmlBlockEnds(type: number, line: string): boolean {
  const end = HTML_END[type];
  return typeof end !== 'string' && end.test(line);
}

/** Cells of a GFM delimiter row `| --- | :-: |`, or 0 when the line is not one. */
export function delimiterRowCells(text: string, p: number, end: number): number {
  let to = end;
  while (to > p && isSpace(text.charCodeAt(to - 1))) to--;
  let s = text.slice(p, to);
  if (!/^\|?\s*:?-+:?\s*(?:\|\s*:?-+:?\s*)*\|?$/.test(s)) return 0;
  if (!s.includes('|') && !s.includes(':')) return 0; // `---` alone is a setext line or a break
  if (s.startsWith('|')) s = s.slice(1);
  if (s.endsWith('|')) s = s.slice(0, -1);
  return s.split('|').length;
}

/** Cells of a table row: split at every `|` not escaped (GFM splits inside code spans too). */
export function rowCells(text: string, from: number, to: number): [number, number][] {
  const cells: [number, number][] = [];
  let start = from;
  while (start < to && isSpace(text.charCodeAt(start))) start++;
  if (text.charCodeAt(start) === 124) start++;
  let cellStart = start;
  for (let i = start; i < to; i++) {
    const c = text.charCodeAt(i);
    if (c === 92) i++;
    else if (c === 124) {
      cells.push([cellStart, i]);
      cellStart = i + 1;
    }
  }
  let last = to;
  while (last > cellStart && isSpace(text.charCodeAt(last - 1))) last--;
  if (last > cellStart) cells.push([cellStart, last]);
  return cells;
}

/** Cells of a header row, for matching it to the delimiter row: `| a | b \\| c |` → 2. */
export function countCells(row: string): number {
  let s = row.trim();
  if (s.startsWith('|')) s = s.slice(1);
  if (s.endsWith('|') && !s.endsWith('\\|')) s = s.slice(0, -1);
  let n = 1;
  for (let i = 0; i < s.length; i++) {
    if (s.charCodeAt(i) === 92) i++;
    else if (s.charCodeAt(i) === 124) n++;
  }
  return n;
}
