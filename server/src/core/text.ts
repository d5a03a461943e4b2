// Line tables and offset ↔ position conversion. Offsets are UTF-16 indices
// into the page text, which is what LSP columns count.
import type { Span } from './types';

/** Start offsets of every line; `\n`, `\r\n` and a lone `\r` end lines. */
export function lineStarts(text: string): number[] {
  const starts = [0];
  let i = text.indexOf('\n');
  let cr = text.indexOf('\r');
  if (cr === -1) {
    while (i !== -1) {
      starts.push(i + 1);
      i = text.indexOf('\n', i + 1);
    }
    return starts;
  }
  for (let k = 0; k < text.length; k++) {
    const c = text.charCodeAt(k);
    if (c === 10) starts.push(k + 1);
    else if (c === 13) {
      if (text.charCodeAt(k + 1) === 10) k++;
      starts.push(k + 1);
    }
  }
  return starts;
}

/** The line holding `offset` (binary search over line starts). */
export function lineOf(starts: readonly number[], offset: number): number {
  let lo = 0;
  let hi = starts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (starts[mid] <= offset) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

/** Span of the offsets `[from, to)`. */
export function spanOf(starts: readonly number[], from: number, to: number): Span {
  const sl = lineOf(starts, from);
  const el = to <= from ? sl : lineOf(starts, to);
  return { sl, sc: from - starts[sl], el, ec: to - starts[el] };
}

/** End offset of line `line`'s content, before its line break. */
export function lineEnd(text: string, starts: readonly number[], line: number): number {
  let end = line + 1 < starts.length ? starts[line + 1] : text.length;
  if (end > starts[line] && text.charCodeAt(end - 1) === 10) end--;
  if (end > starts[line] && text.charCodeAt(end - 1) === 13) end--;
  return end;
}

/** Offset of a line/column, clamped to the text. */
export function offsetAt(text: string, starts: readonly number[], line: number, character: number): number {
  if (line >= starts.length) return text.length;
  if (line < 0) return 0;
  return Math.min(starts[line] + Math.max(0, character), lineEnd(text, starts, line));
}

/** The line-break convention of a text: the first break found, `\n` when none. */
export function eolOf(text: string): '\n' | '\r\n' {
  const i = text.indexOf('\n');
  return i > 0 && text.charCodeAt(i - 1) === 13 ? '\r\n' : '\n';
}

export function spanContains(span: Span, line: number, character: number): boolean {
  if (line < span.sl || line > span.el) return false;
  if (line === span.sl && character < span.sc) return false;
  if (line === span.el && character > span.ec) return false;
  return true;
}

/**
 * Spans for offsets that mostly come in increasing order (a page's links):
 * the line search starts from the last answer, so a page costs one pass.
 */
export function spanMaker(starts: readonly number[]): (from: number, to: number) => Span {
  let line = 0;
  const lineAt = (offset: number): number => {
    if (offset < starts[line]) line = lineOf(starts, offset);
    else while (line + 1 < starts.length && starts[line + 1] <= offset) line++;
    return line;
  };
  return (from, to) => {
    const sl = lineAt(from);
    const sc = from - starts[sl];
    const el = to <= from ? sl : lineAt(to);
    return { sl, sc, el, ec: to - starts[el] };
  };
}
