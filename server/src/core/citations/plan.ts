// The edits that make an entity page's citations true: set each declared
// count to the true number, append the missing "Seen in" items after the
// last item of the section's first list (copying its bullet and
// indentation), or write the missing section; with `prune`, remove orphan
// and duplicate items. Minimal: only numbers and new lines change.
// Idempotent: after applying, planning again yields nothing.
import type { TextEdit, TextSource } from '../edits';
import type { WikiIndex } from '../index/index';
import type { CountDeclaration, PageData, Span } from '../types';
import { lineStarts, lineEnd } from '../text';
import { citationState, type CitationState } from './check';
import { citationSentence } from './sentence';
import { seenInItem } from './items';

export interface PlanOptions {
  /** Set the declared counts (default: yes). */
  readonly counts?: boolean;
  /** Which missing items to add: all (default), none, or only these sources' (the on-save update). */
  readonly add?: 'all' | 'none' | { readonly sources: readonly string[] };
  /** Remove orphan and duplicate items: all of them, or those starting on these lines. */
  readonly prune?: boolean | readonly number[];
}

export interface CitationPlan {
  readonly path: string;
  readonly edits: TextEdit[];
  /** Why some edits were not made: `the count on line 3 is in a generated region`. */
  readonly skipped: string[];
}

interface Lines {
  text: string;
  starts: number[];
  end(line: number): number;
}

export function planCitations(index: WikiIndex, path: string, texts: TextSource, opts: PlanOptions = {}): CitationPlan | undefined {
  const state = citationState(index, path);
  const text = state && texts.text(path);
  if (!state || text === undefined) return undefined;
  const starts = lineStarts(text);
  const lines: Lines = { text, starts, end: (l) => lineEnd(text, starts, l) - starts[l] };
  const edits = opts.counts === false ? [] : countEdits(state, lines, index.ctx.config.countPattern);
  const which = opts.add ?? 'all';
  const add = which === 'none' ? [] : state.missing.filter((s) => which === 'all' || which.sources.includes(s));
  const pruned = new Set(pruneLines(state, opts.prune));
  if (add.length) edits.push(itemsEdit(index, state, add, lines, texts, pruned));
  edits.push(...pruneEdits(state, lines, pruned));
  return withoutGenerated(path, edits, lines, index.ctx.config.generated);
}

function countEdits(state: CitationState, lines: Lines, pattern: string | null): TextEdit[] {
  const n = state.sources.length;
  return state.page.counts.filter((c) => c.value !== undefined && c.value !== n).map((c) => (c.where === 'body' ? bodyCount(c, n, lines, pattern) : { span: c.span, newText: String(n) }));
}

/** `Cited by 2 sources` → `Cited by 1 source` when the pattern ends in "sources". */
function bodyCount(c: CountDeclaration, n: number, lines: Lines, pattern: string | null): TextEdit {
  const line = lines.text.slice(lines.starts[c.span.sl], lines.starts[c.span.sl] + lines.end(c.span.sl));
  const after = line.slice(c.span.ec);
  const word = pattern && /sources\W*$/i.test(pattern) ? /^(\D*?)(sources?)\b/i.exec(after) : null;
  if (!word) return { span: c.span, newText: String(n) };
  const plural = word[2][0] === 'S' ? (n === 1 ? 'Source' : 'Sources') : n === 1 ? 'source' : 'sources';
  return { span: { ...c.span, ec: c.span.ec + word[0].length }, newText: `${n}${word[1]}${plural}` };
}

const at = (line: number, ch: number): Span => ({ sl: line, sc: ch, el: line, ec: ch });

/** The new items after the first list's last item, under the heading when there is no list, or a new section. */
function itemsEdit(index: WikiIndex, state: CitationState, add: string[], lines: Lines, texts: TextSource, pruned: Set<number>): TextEdit {
  const { page } = state;
  const eol = page.eol;
  const style = index.ctx.config.linkStyle;
  const first = page.seenIn?.items.filter((it) => it.list === 0 && !pruned.has(it.line)) ?? [];
  const last = first[first.length - 1];
  const bullets = nextBullets(last?.bullet ?? '-', add.length);
  const rows = add.map((s, i) => `${last?.indent ?? ''}${seenInItem(bullets[i], index.pages.get(s)!.data, page.path, style, citationSentence(index, s, page.path, texts))}`);
  if (last) return { span: at(last.endLine, lines.end(last.endLine)), newText: eol + rows.join(eol) };
  if (page.seenIn) return { span: at(page.seenIn.heading.el, lines.end(page.seenIn.heading.el)), newText: eol + rows.join(eol) };
  return newSection(page, rows, lines, index.ctx.config.seenInHeading[0]);
}

/** `-` → `-`, `-`; `3.` → `4.`, `5.`. */
function nextBullets(bullet: string, n: number): string[] {
  const m = /^(\d+)([.)])$/.exec(bullet);
  return Array.from({ length: n }, (_, i) => (m ? `${Number(m[1]) + i + 1}${m[2]}` : bullet));
}

function newSection(page: PageData, rows: string[], lines: Lines, heading: string): TextEdit {
  const eol = page.eol;
  const block = `## ${heading}${eol}${rows.join(eol)}`;
  if (page.appendLine < 0) return { span: at(0, 0), newText: block + eol + (lines.text.length ? eol : '') };
  return { span: at(page.appendLine, lines.end(page.appendLine)), newText: `${eol}${eol}${block}` };
}

/** First lines of the orphan and duplicate items to remove. */
function pruneLines(state: CitationState, prune: PlanOptions['prune']): number[] {
  if (!prune) return [];
  const bad = state.items.filter((it) => it.problem).map((it) => it.item.line);
  return prune === true ? bad : bad.filter((l) => prune.includes(l));
}

/** Whole lines of the pruned items, line breaks included. */
function pruneEdits(state: CitationState, lines: Lines, pruned: Set<number>): TextEdit[] {
  const last = lines.starts.length - 1;
  return state.items
    .filter((it) => pruned.has(it.item.line))
    .map(({ item }) =>
      item.endLine < last
        ? { span: { sl: item.line, sc: 0, el: item.endLine + 1, ec: 0 }, newText: '' }
        : { span: { sl: item.line - 1, sc: lines.end(item.line - 1), el: item.endLine, ec: lines.end(item.endLine) }, newText: '' },
    );
}

/** Drops edits that touch a region a generator owns (between its marker lines), saying so. */
function withoutGenerated(path: string, edits: TextEdit[], lines: Lines, markers: readonly (readonly [string, string])[]): CitationPlan {
  const regions: [number, number][] = [];
  for (const [begin, end] of markers) {
    if (edits.length === 0 || !lines.text.includes(begin)) continue; // most pages have no generated region
    let open = -1;
    for (let l = 0; l < lines.starts.length; l++) {
      const content = lines.text.slice(lines.starts[l], lines.starts[l] + lines.end(l));
      if (open === -1 && content.includes(begin)) open = l;
      else if (open !== -1 && content.includes(end)) {
        regions.push([open, l]);
        open = -1;
      }
    }
  }
  const inside = (e: TextEdit) => regions.some(([a, b]) => e.span.el >= a && e.span.sl <= b);
  const skipped = edits.filter(inside).map((e) => `line ${e.span.sl + 1} is in a generated region (between its markers), so it was not edited`);
  return { path, edits: edits.filter((e) => !inside(e)), skipped };
}
