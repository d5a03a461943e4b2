// What the block pass finds: leaf blocks with their inline content ranges,
// and list items (for the "Seen in" list).
import type { Definition } from './definitions';

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
  /** A definition's; a footnote's first paragraph has one with its label `^1` and no destination. */
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
