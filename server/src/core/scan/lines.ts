// Reading one line of a page from a position: columns (tabs stop every 4),
// the spaces before content, the line's bounds. The block pass builds on it.
import { isSpace } from './lineKinds';

/** A position in the current line and its column (a tab advances to the next multiple of 4). */
export interface Cursor {
  pos: number;
  col: number;
}

const advanceCol = (col: number, c: number): number => (c === 9 ? col + 4 - (col % 4) : col + 1);

export class LineReader {
  /** The line being read and the offset its content ends at (before `\r\n`). */
  protected line = 0;
  protected end = 0;

  constructor(protected readonly text: string, protected readonly starts: readonly number[]) {}

  /** Where line `line` starts; a leading BOM is no content: `\uFEFF# Title` is a heading. */
  protected lineStart(line: number): number {
    return line === 0 && this.text.charCodeAt(0) === 0xfeff ? 1 : this.starts[line];
  }

  protected lineEnd(line: number): number {
    const t = this.text;
    let end = line + 1 < this.starts.length ? this.starts[line + 1] : t.length;
    if (end > this.starts[line] && t.charCodeAt(end - 1) === 10) end--;
    if (end > this.starts[line] && t.charCodeAt(end - 1) === 13) end--;
    return end;
  }

  /** The cursor after the spaces and tabs at `cur`: `  - a` from 0 → at `-`, column 2. */
  protected peekSpaces(cur: Cursor): Cursor {
    let { pos, col } = cur;
    while (pos < this.end && isSpace(this.text.charCodeAt(pos))) col = advanceCol(col, this.text.charCodeAt(pos++));
    return { pos, col };
  }

  /**
   * Moves `cur` over up to `n` columns of spaces. A tab that reaches past
   * them is taken in part: the cursor stays on it, at the column reached
   * (`-\t  x`: the item takes 1 of the tab's 3 columns, code sees the rest).
   */
  protected eatColumns(cur: Cursor, n: number): void {
    const target = cur.col + n;
    while (cur.col < target && cur.pos < this.end && isSpace(this.text.charCodeAt(cur.pos))) {
      const col = advanceCol(cur.col, this.text.charCodeAt(cur.pos));
      if (col > target) {
        cur.col = target;
        return;
      }
      cur.col = col;
      cur.pos++;
    }
  }
}
