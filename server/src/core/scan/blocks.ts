// The block pass: one walk over the lines that finds CommonMark's leaf blocks
// (paragraphs, headings, tables, code, HTML, definitions) inside block quotes
// and list items, and the list items themselves. The inline pass then reads
// only the content ranges of paragraphs, headings and tables.
import {
  isSpace, isThematicBreak, atxHeading, fenceOpen, isFenceClose, setextLevel, listMarker,
  htmlBlockStart, htmlBlockEnds, delimiterRowCells, footnoteStart, startsLazyBlock, canInterrupt, type ListMarker,
} from './lineKinds';
import { normalizeLabel } from './definitions';
import type { Leaf, LeafKind, ListItem, BlockScan } from './blockTypes';
import { LineReader, type Cursor } from './lines';
import { takeDefinitions, tableUnder } from './leafEdits';

export type { LeafKind, Leaf, ListItem, BlockScan } from './blockTypes';

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

/** Scans lines `first..` of `text`, whose lines start at `starts`. */
export function scanBlocks(text: string, starts: readonly number[], first: number): BlockScan {
  return new BlockScanner(text, starts).run(first);
}

class BlockScanner extends LineReader {
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

  run(first: number): BlockScan {
    for (let line = first; line < this.starts.length; line++) this.scanLine(line);
    this.closeLeaf();
    this.closeContainers(0);
    return { leaves: this.leaves, items: this.items };
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
    return !startsLazyBlock(this.text, ws.pos, this.end);
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
      if (para && this.underline(para, p)) return;
      para = this.leaf?.kind === 'paragraph' ? this.leaf : undefined; // gone when it was all definitions
      if (isThematicBreak(t, p, this.end)) {
        this.closeLeaf();
        this.openLeaf('break', -1, -1, true);
        return;
      }
      const marker = listMarker(t, p, this.end);
      if (marker && (!para || canInterrupt(marker, this.text, this.end))) {
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

  /**
   * `[^1]: note`: its paragraph keeps the marker, so that trailing footnotes
   * are known by it, and defines `^1` with no destination, so that `[^1]`
   * reads as a footnote call (and `[^1](x.md)` as no link).
   */
  private openFootnote(p: number, indent: number): void {
    this.closeLeaf();
    this.stack.push({ quote: false, indent: indent + 4, item: -1, empty: false });
    this.sibling.length = this.stack.length;
    const label = normalizeLabel(this.text.slice(p + 1, this.text.indexOf(']', p)));
    this.openLeaf('paragraph', p, this.end).definition = { label, dest: '', destFrom: p, destTo: p };
  }

  /** `[^1]:   note` from its `[` → at `note`. */
  private afterFootnoteMarker(p: number): number {
    let q = this.text.indexOf(']:', p) + 2;
    while (isSpace(this.text.charCodeAt(q))) q++;
    return q;
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

  /**
   * A setext underline or a table's delimiter row under a paragraph: true
   * when it took the line. The paragraph loses its definitions first, and
   * may be all definitions: `[a]: x\n---` is a definition and a break.
   */
  private underline(para: Leaf, p: number): boolean {
    const level = setextLevel(this.text, p, this.end);
    if (level) {
      const rest = takeDefinitions(this.leaves, this.text, para);
      this.leaf = undefined;
      if (!rest) return false;
      if (rest.definition) rest.segs[0] = this.afterFootnoteMarker(rest.segs[0]); // `[^1]: Title\n    ===`
      rest.kind = 'heading';
      rest.level = level;
      rest.endLine = this.line;
      return true;
    }
    const cells = delimiterRowCells(this.text, p, this.end);
    if (!cells || this.deepAt === para.segs.length) return false;
    const table = tableUnder(this.leaves, this.text, para, cells, this.line);
    if (table) this.leaf = table;
    return !!table;
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
    if (this.leaf?.kind === 'paragraph') takeDefinitions(this.leaves, this.text, this.leaf);
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
}
