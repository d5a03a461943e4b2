// The block pass: one walk over the lines that finds CommonMark's leaf blocks
// (paragraphs, headings, tables, code, HTML, definitions) inside block quotes
// and list items, and the list items themselves. The inline pass then reads
// only the content ranges of paragraphs, headings and tables.
import {
  isSpace, isThematicBreak, atxHeading, fenceOpen, isFenceClose, setextLevel, listMarker,
  htmlBlockStart, htmlBlockEnds, delimiterRowCells, countCells, footnoteStart, type ListMarker,
} from './lineKinds';
import { leadingDefinitions, type Definition } from './definitions';

export type LeafKind = 'paragraph' | 'heading' | 'table' | 'code' | 'html' | 'definition' | 'break';

export interface Leaf {
  kind: LeafKind;
  line: number;
  endLine: number;
  /** Inline content, one `[from, to)` pair of offsets per line (per row for tables). */
  segs: number[];
  /** Heading level; for a table, the number of columns. */
  level: number;
  /** Innermost list item holding the block, or -1. */
  item: number;
  definition?: Definition;
}

export interface ListItem {
  line: number;
  endLine: number;
  bullet: string;
  /** `-`, `*`, `+`, `.` or `)`: a list's items share it. */
  delimiter: string;
  indent: string;
  /** Items of one list share it. */
  list: number;
  /** How many list items hold this one. */
  depth: number;
}

export interface BlockScan {
  leaves: Leaf[];
  items: ListItem[];
}

/** A block quote, a list item, or a footnote definition (`item` -1: `[^1]: …` and lines indented by 4). */
interface Container {
  quote: boolean;
  /**
   * For items and footnotes: how far their content is indented from the
   * line's content in the outer container, as CommonMark measures it: in
   * `>1. a` / `>    b`, `b` is indented 3 from the quote's `> ` and is no
   * part of the item.
   */
  indent: number;
  item: number;
  /** An item that began with a blank line and has had no content yet. */
  empty: boolean;
}

interface Cursor {
  pos: number;
  col: number;
}

const advanceCol = (col: number, c: number): number => (c === 9 ? col + 4 - (col % 4) : col + 1);

/** Scans lines `first..` of `text`, whose lines start at `starts`. */
export function scanBlocks(text: string, starts: readonly number[], first: number): BlockScan {
  return new BlockScanner(text, starts).run(first);
}

class BlockScanner {
  private readonly leaves: Leaf[] = [];
  private readonly items: ListItem[] = [];
  private stack: Container[] = [];
  private leaf: Leaf | undefined;
  private fence: { char: number; length: number; col: number } | undefined;
  private html = 0;
  /** `segs.length` of the paragraph after a line indented by 4 or more, which heads no table: `a\n    | x |\n|-|`. */
  private deepAt = -1;
  private lists = 0;
  /** By stack depth: the item closed last there, which a following item continues the list of. */
  private sibling: (number | undefined)[] = [];
  private line = 0;
  private end = 0;

  constructor(private readonly text: string, private readonly starts: readonly number[]) {}

  run(first: number): BlockScan {
    for (let line = first; line < this.starts.length; line++) this.scanLine(line);
    this.closeLeaf();
    this.closeContainers(0);
    return { leaves: this.leaves, items: this.items };
  }

  /** A leading BOM is no content: `\uFEFF# Title` is a heading. */
  private lineStart(line: number): number {
    return line === 0 && this.text.charCodeAt(0) === 0xfeff ? 1 : this.starts[line];
  }

  private lineEnd(line: number): number {
    const t = this.text;
    let end = line + 1 < this.starts.length ? this.starts[line + 1] : t.length;
    if (end > this.starts[line] && t.charCodeAt(end - 1) === 10) end--;
    if (end > this.starts[line] && t.charCodeAt(end - 1) === 13) end--;
    return end;
  }

  private scanLine(line: number): void {
    this.line = line;
    this.end = this.lineEnd(line);
    const cur: Cursor = { pos: this.lineStart(line), col: 0 };
    const matched = this.matchContainers(cur);
    const allMatched = matched === this.stack.length;
    if (allMatched && this.continueRawLeaf(cur)) return;
    if (!allMatched && this.leaf?.kind === 'paragraph' && this.isLazyContinuation(cur)) {
      const ws = this.peekSpaces(cur);
      this.addSeg(this.leaf, ws.pos, this.end);
      if (ws.col - cur.col >= 4) this.deepAt = this.leaf.segs.length;
      return;
    }
    if (!allMatched) {
      this.closeLeaf();
      this.closeContainers(matched);
    }
    this.openBlocks(cur);
  }

  /** Advances over the markers of the open containers; returns how many matched. */
  private matchContainers(cur: Cursor): number {
    let k = 0;
    for (; k < this.stack.length; k++) {
      const c = this.stack[k];
      const ws = this.peekSpaces(cur);
      if (c.quote) {
        if (ws.col - cur.col > 3 || this.text.charCodeAt(ws.pos) !== 62 || ws.pos >= this.end) break;
        cur.pos = ws.pos + 1;
        cur.col = ws.col + 1;
        if (isSpace(this.text.charCodeAt(cur.pos))) this.eatColumns(cur, 1);
      } else if (ws.pos >= this.end) {
        if (c.empty) break; // an item can begin with at most one blank line
      } else if (ws.col - cur.col >= c.indent) {
        this.eatColumns(cur, c.indent);
      } else break;
    }
    return k;
  }

  /** Fenced code, indented code and HTML blocks take lines as they are. */
  private continueRawLeaf(cur: Cursor): boolean {
    const leaf = this.leaf;
    if (!leaf) return false;
    const ws = this.peekSpaces(cur);
    const blank = ws.pos >= this.end;
    if (this.fence) {
      if (ws.col - cur.col <= 3 && isFenceClose(this.text, ws.pos, this.end, this.fence)) {
        leaf.endLine = this.line;
        this.closeLeaf();
      } else leaf.endLine = this.line;
      return true;
    }
    if (this.html) {
      if (this.html >= 6 && blank) {
        this.closeLeaf();
        return true;
      }
      leaf.endLine = this.line;
      if (this.html < 6 && htmlBlockEnds(this.html, this.text.slice(cur.pos, this.end))) this.closeLeaf();
      return true;
    }
    if (leaf.kind === 'code') {
      if (blank || ws.col - cur.col >= 4) {
        if (!blank) leaf.endLine = this.line;
        return true;
      }
      this.closeLeaf();
    }
    return false;
  }

  private isLazyContinuation(cur: Cursor): boolean {
    const ws = this.peekSpaces(cur);
    if (ws.pos >= this.end) return false;
    if (ws.col - cur.col >= 4) return true;
    return !this.startsBlock(ws.pos);
  }

  /**
   * Whether a line that misses some containers starts a block rather than
   * continuing a paragraph lazily. Any list item does, as the paragraph is
   * not in the innermost container: `- a\n2. b` is a second list.
   */
  private startsBlock(p: number): boolean {
    const t = this.text;
    if (t.charCodeAt(p) === 62) return true;
    if (isThematicBreak(t, p, this.end) || atxHeading(t, p, this.end) || fenceOpen(t, p, this.end)) return true;
    return htmlBlockStart(t, p, this.end, true) > 0 || listMarker(t, p, this.end) !== undefined || footnoteStart(t, p, this.end);
  }

  private canInterrupt(m: ListMarker): boolean {
    if (m.ordered && m.start !== 1) return false;
    const ws = this.peekSpaces({ pos: m.markerEnd, col: 0 });
    return ws.pos < this.end;
  }

  /** Opens new containers and the leaf block of the rest of the line. */
  private openBlocks(cur: Cursor): void {
    const t = this.text;
    for (;;) {
      const ws = this.peekSpaces(cur);
      const p = ws.pos;
      const indent = ws.col - cur.col;
      let para = this.leaf?.kind === 'paragraph' ? this.leaf : undefined;
      if (p >= this.end) return this.blankLine();
      this.markContent();
      if (indent >= 4) {
        if (para) {
          this.addSeg(para, p, this.end);
          this.deepAt = para.segs.length;
          return;
        }
        this.openLeaf('code', -1, -1); // also after a table: its rows are indented less
        return;
      }
      const c = t.charCodeAt(p);
      if (c === 62) {
        this.openQuote(ws, cur);
        continue;
      }
      if (c === 91 && footnoteStart(t, p, this.end)) return this.openFootnote(p, indent);
      if (para) {
        const level = setextLevel(t, p, this.end);
        if (level && this.toSetext(para, level)) return;
        if (level) para = undefined; // it was all definitions: `[a]: x\n---` is a break
        const cells = para ? delimiterRowCells(t, p, this.end) : 0;
        if (para && cells && this.deepAt !== para.segs.length && this.toTable(para, cells)) return;
      }
      if (isThematicBreak(t, p, this.end)) {
        this.closeLeaf();
        this.openLeaf('break', -1, -1, true);
        return;
      }
      const marker = listMarker(t, p, this.end);
      if (marker && (!para || this.canInterrupt(marker))) {
        this.openItem(marker, ws.col, cur);
        continue;
      }
      this.openLeafAt(p, ws.col, para);
      return;
    }
  }

  private openQuote(ws: Cursor, cur: Cursor): void {
    this.closeLeaf();
    this.sibling[this.stack.length] = undefined;
    this.stack.push({ quote: true, indent: 0, item: -1, empty: false });
    cur.pos = ws.pos + 1;
    cur.col = ws.col + 1;
    if (isSpace(this.text.charCodeAt(cur.pos))) this.eatColumns(cur, 1);
  }

  /** `[^1]: note`: its paragraph keeps the marker, so that trailing footnotes are known by it. */
  private openFootnote(p: number, indent: number): void {
    this.closeLeaf();
    this.stack.push({ quote: false, indent: indent + 4, item: -1, empty: false });
    this.sibling.length = this.stack.length;
    this.openLeaf('paragraph', p, this.end);
  }

  private openLeafAt(p: number, col: number, para: Leaf | undefined): void {
    const t = this.text;
    const end = this.end;
    const h = atxHeading(t, p, end);
    if (h) {
      this.closeLeaf();
      const leaf = this.openLeaf('heading', h.from, h.to, true);
      leaf.level = h.level;
      return;
    }
    const fence = fenceOpen(t, p, end);
    if (fence) {
      this.closeLeaf();
      this.openLeaf('code', -1, -1);
      this.fence = { ...fence, col };
      return;
    }
    const html = htmlBlockStart(t, p, end, !!para);
    if (html) {
      this.closeLeaf();
      this.openLeaf('html', -1, -1);
      this.html = html;
      if (html < 6 && htmlBlockEnds(html, t.slice(p + (html === 2 ? 4 : 1), end))) this.closeLeaf();
      return;
    }
    if (para) return this.addSeg(para, p, end);
    if (this.leaf?.kind === 'table') return this.addSeg(this.leaf, p, end);
    this.closeLeaf();
    this.openLeaf('paragraph', p, end);
  }

  private openItem(marker: ListMarker, col: number, cur: Cursor): void {
    this.closeLeaf();
    const markerStart = this.peekSpaces(cur).pos;
    const markerCol = col + (marker.markerEnd - markerStart);
    const after = this.peekSpaces({ pos: marker.markerEnd, col: markerCol });
    const blank = after.pos >= this.end;
    const contentCol = blank || after.col - markerCol > 4 ? markerCol + 1 : after.col;
    const prev = this.sibling[this.stack.length];
    const sameList = prev !== undefined && this.items[prev].delimiter === marker.delimiter;
    const item = this.items.length;
    this.items.push({
      line: this.line,
      endLine: this.line,
      bullet: marker.bullet,
      delimiter: marker.delimiter,
      indent: this.text.slice(this.lineStart(this.line), markerStart),
      list: sameList ? this.items[prev].list : this.lists++,
      depth: this.stack.filter((c) => c.item >= 0).length,
    });
    this.stack.push({ quote: false, indent: contentCol - cur.col, item, empty: blank });
    this.sibling.length = this.stack.length;
    cur.pos = blank ? this.end : marker.markerEnd;
    cur.col = markerCol;
    if (!blank) this.eatColumns(cur, contentCol - markerCol);
  }

  /** The paragraph becomes a heading, less the definitions it starts with; false when nothing is left. */
  private toSetext(para: Leaf, level: number): boolean {
    const rest = this.takeDefinitions(para);
    if (!rest) return false;
    rest.kind = 'heading';
    rest.level = level;
    rest.endLine = this.line;
    this.closeLeaf();
    return true;
  }

  /** Splits off the definitions a paragraph starts with (`[a]: x.md`); returns what is left of it. */
  private takeDefinitions(para: Leaf): Leaf | undefined {
    const { defs, rest } = leadingDefinitions(this.text, para.segs);
    if (!defs.length) return para;
    const left = rest * 2 < para.segs.length;
    const leaves: Leaf[] = defs.map((d) => ({
      kind: 'definition', line: para.line + d.firstLine, endLine: para.line + d.lastLine, segs: [d.from, d.to], level: 0, item: para.item, definition: d.def,
    }));
    this.leaves.splice(this.leaves.lastIndexOf(para), left ? 0 : 1, ...leaves);
    if (!left) {
      if (this.leaf === para) this.leaf = undefined;
      return undefined;
    }
    para.segs = para.segs.slice(rest * 2);
    para.line += rest;
    return para;
  }

  /** The paragraph's last line is a table's header when its cells match the delimiter row. */
  private toTable(para: Leaf, cells: number): boolean {
    const n = para.segs.length;
    const [from, to] = [para.segs[n - 2], para.segs[n - 1]];
    if (countCells(this.text.slice(from, to)) !== cells) return false;
    let table = para;
    if (n > 2) {
      para.segs.length = n - 2;
      para.endLine = this.line - 2;
      table = { kind: 'table', line: this.line - 1, endLine: this.line, segs: [from, to], level: cells, item: para.item };
      this.leaves.push(table);
      this.takeDefinitions(para);
    }
    table.kind = 'table';
    table.level = cells;
    table.endLine = this.line;
    this.leaf = table;
    return true;
  }

  private openLeaf(kind: LeafKind, from: number, to: number, closed = false): Leaf {
    this.sibling[this.stack.length] = undefined; // a block between two items ends their list
    const leaf: Leaf = { kind, line: this.line, endLine: this.line, segs: from >= 0 ? [from, to] : [], level: 0, item: this.innermostItem() };
    this.deepAt = -1;
    this.leaves.push(leaf);
    this.leaf = closed ? undefined : leaf;
    return leaf;
  }

  private addSeg(leaf: Leaf, from: number, to: number): void {
    leaf.segs.push(from, to);
    leaf.endLine = this.line;
    this.markContent();
  }

  private blankLine(): void {
    if (this.leaf && this.leaf.kind !== 'code') this.closeLeaf();
  }

  /** Records that the open list items reach down to this line. */
  private markContent(): void {
    for (const c of this.stack) {
      if (c.item < 0) continue;
      c.empty = false;
      this.items[c.item].endLine = this.line;
    }
  }

  private innermostItem(): number {
    for (let k = this.stack.length - 1; k >= 0; k--) if (this.stack[k].item >= 0) return this.stack[k].item;
    return -1;
  }

  private closeLeaf(): void {
    if (this.leaf?.kind === 'paragraph') this.takeDefinitions(this.leaf);
    this.leaf = undefined;
    this.fence = undefined;
    this.html = 0;
  }

  private closeContainers(keep: number): void {
    while (this.stack.length > keep) {
      const c = this.stack.pop()!;
      this.sibling.length = this.stack.length + 1;
      this.sibling[this.stack.length] = c.item >= 0 ? c.item : undefined;
    }
  }

  private peekSpaces(cur: Cursor): Cursor {
    let { pos, col } = cur;
    while (pos < this.end && isSpace(this.text.charCodeAt(pos))) col = advanceCol(col, this.text.charCodeAt(pos++));
    return { pos, col };
  }

  private eatColumns(cur: Cursor, n: number): void {
    const target = cur.col + n;
    while (cur.col < target && cur.pos < this.end && isSpace(this.text.charCodeAt(cur.pos))) {
      cur.col = advanceCol(cur.col, this.text.charCodeAt(cur.pos++));
    }
  }
}
