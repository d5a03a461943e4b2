// Paragraphs turning into other leaves once a later line says so:
// definitions taken off their start, a table taking their last line.
import type { Leaf } from './blockTypes';
import { leadingDefinitions } from './definitions';
import { countCells } from './lineKinds';

/** Splits off the definitions a paragraph starts with (`[a]: x.md`) into their own leaves; returns what is left of it. */
export function takeDefinitions(leaves: Leaf[], text: string, para: Leaf): Leaf | undefined {
  const { defs, rest } = leadingDefinitions(text, para.segs);
  if (!defs.length) return para;
  const left = rest * 2 < para.segs.length;
  const found: Leaf[] = defs.map((d) => ({
    kind: 'definition', line: para.line + d.firstLine, endLine: para.line + d.lastLine, segs: [d.from, d.to], level: 0, item: para.item, definition: d.def,
  }));
  leaves.splice(leaves.lastIndexOf(para), left ? 0 : 1, ...found);
  if (!left) return undefined;
  para.segs = para.segs.slice(rest * 2);
  para.line += rest;
  return para;
}

/**
 * The table that a delimiter row on line `line` makes of the paragraph's
 * last line, when their cells match (`a | b` over `--|--`); the lines
 * before stay a paragraph. Undefined when they do not match.
 */
export function tableUnder(leaves: Leaf[], text: string, para: Leaf, cells: number, line: number): Leaf | undefined {
  const n = para.segs.length;
  const [from, to] = [para.segs[n - 2], para.segs[n - 1]];
  if (countCells(text.slice(from, to)) !== cells) return undefined;
  let table = para;
  if (n > 2) {
    para.segs.length = n - 2;
    para.endLine = line - 2;
    table = { kind: 'table', line: line - 1, endLine: line, segs: [from, to], level: cells, item: para.item };
    leaves.push(table);
    takeDefinitions(leaves, text, para);
  }
  table.kind = 'table';
  table.level = cells;
  table.endLine = line;
  return table;
}
