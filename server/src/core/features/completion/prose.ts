// Whether a position is where links are written: in prose (a paragraph,
// heading or table cell, outside code spans) or in frontmatter — not in
// fenced or indented code, HTML blocks or inline code.
import { scanUnits } from '../../scan/page';

export function inLinkableText(text: string, line: number, character: number): boolean {
  const { units, starts } = scanUnits(text);
  if (/^---\r?\n/.test(text) && frontmatterHolds(text, starts, line)) return true;
  const at = starts[line] + character;
  for (const u of units) {
    if (line < u.leaf.line || line > u.leaf.endLine) continue;
    for (let k = 0; k <= u.content.length; k++) {
      if (u.map(k) !== at) continue;
      return !insideCodeSpan(u.content, k);
    }
    return true;
  }
  return false;
}

function frontmatterHolds(text: string, starts: readonly number[], line: number): boolean {
  for (let l = 1; l < starts.length; l++) {
    const s = text.slice(starts[l], starts[l] + 4);
    if (/^(---|\.\.\.)\s*$/.test(s.replace(/\r?\n.*/s, ''))) return line > 0 && line < l;
  }
  return false;
}

/** Odd number of backtick runs before `k` on its line: the cursor is in `code`. */
function insideCodeSpan(content: string, k: number): boolean {
  const lineStart = content.lastIndexOf('\n', k - 1) + 1;
  const before = content.slice(lineStart, k);
  return (before.match(/`+/g) ?? []).length % 2 === 1;
}
