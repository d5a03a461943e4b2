// parsePage: text → PageData, the one parser of record for every page, open
// or not. A block pass, then an inline pass over paragraphs, headings and
// table cells; frontmatter through `yaml`. Nothing of the text is kept.
import { isMarkdownSyntax, type Link, type LinkContext, type LinkSyntax, type PageData, type Span, type Heading, type Problem } from '../types';
import { lineStarts, spanMaker } from '../text';
import { intern, detach, Slugger } from '../strings';
import { scanBlocks, type Leaf, type BlockScan } from './blocks';
import { scanInline, type InlineLink } from './inline';
import { rowCells } from './lineKinds';
import { parseFrontmatter, type Frontmatter } from './frontmatter';
import { plainText } from './plain';
import { countMatcher, type CountMatcher } from './counts';
import { describePage, type PageParts } from './describe';

export interface ParseOptions {
  readonly sourceFolders: readonly string[];
  readonly seenInHeading: readonly string[];
  readonly countKey: string | null;
  readonly countPattern: string | null;
  readonly linkKeys: readonly string[];
}

/** A parsed block's inline content: its links, and its plain text for headings. */
interface InlineUnit {
  leaf: Leaf;
  links: InlineLink[];
  map: (offset: number) => number;
  content: string;
}

const matchers = new Map<string | null, CountMatcher>();

export function parsePage(path: string, text: string, opts: ParseOptions): PageData {
  const starts = lineStarts(text);
  const span = spanMaker(starts);
  const fmEnd = frontmatterEnd(text, starts);
  const fm = fmEnd > 0 ? parseFrontmatter(text, starts[1], starts[fmEnd], opts) : undefined;
  const blocks = scanBlocks(text, starts, fmEnd > 0 ? fmEnd + 1 : 0);
  const defs = definitionsOf(blocks);
  const units = inlineUnits(text, blocks, defs);
  const links = collectLinks(units, blocks, fm, span);
  const headings = headingsOf(units, span);
  let matcher = matchers.get(opts.countPattern);
  if (!matcher) matchers.set(opts.countPattern, (matcher = countMatcher(opts.countPattern)));
  const parts: PageParts = { text, starts, blocks, units, links, headings, fm, fmEnd, matcher, span };
  return describePage(path, parts, opts, fmProblems(fm, span));
}

/** The inline units of a page's body (paragraphs, headings, table cells), for features that need the text again. */
export function scanUnits(text: string): { units: InlineUnit[]; starts: number[] } {
  const starts = lineStarts(text);
  const fmEnd = frontmatterEnd(text, starts);
  const blocks = scanBlocks(text, starts, fmEnd > 0 ? fmEnd + 1 : 0);
  return { units: inlineUnits(text, blocks, definitionsOf(blocks)), starts };
}

/** The line of the closing `---` (or `...`) of frontmatter that starts on line 0, or 0. */
function frontmatterEnd(text: string, starts: readonly number[]): number {
  const first = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  if (!/^---[ \t]*(\r?\n|\r)/.test(text.slice(first, first + 6))) return 0;
  for (let line = 1; line < starts.length; line++) {
    const s = text.slice(starts[line], starts[line] + 5);
    if (/^(---|\.\.\.)[ \t]*(\r?\n|\r|$)/.test(s) && /^(---|\.\.\.)[ \t]*$/.test(lineText(text, starts, line))) return line;
  }
  return 0;
}

function lineText(text: string, starts: readonly number[], line: number): string {
  const end = line + 1 < starts.length ? starts[line + 1] : text.length;
  return text.slice(starts[line], end).replace(/\r?\n$|\r$/, '');
}

function definitionsOf(blocks: BlockScan): Map<string, string> {
  const defs = new Map<string, string>();
  for (const leaf of blocks.leaves) {
    const d = leaf.definition;
    if (d && !defs.has(d.label)) defs.set(d.label, d.dest);
  }
  return defs;
}

/** Joins each block's lines (or a table's cells) into content to scan. */
function inlineUnits(text: string, blocks: BlockScan, defs: Map<string, string>): InlineUnit[] {
  const units: InlineUnit[] = [];
  for (const leaf of blocks.leaves) {
    if (leaf.kind === 'paragraph' || leaf.kind === 'heading') units.push(unitOf(text, leaf, leaf.segs, defs));
    else if (leaf.kind === 'table') {
      for (let i = 0; i < leaf.segs.length; i += 2) {
        for (const [from, to] of rowCells(text, leaf.segs[i], leaf.segs[i + 1])) units.push(unitOf(text, leaf, [from, to], defs));
      }
    }
  }
  return units;
}

function unitOf(text: string, leaf: Leaf, segs: number[], defs: Map<string, string>): InlineUnit {
  if (segs.length === 2) {
    const base = segs[0];
    const content = text.slice(base, segs[1]);
    return { leaf, content, links: scanInline(content, defs), map: (o) => base + o };
  }
  const parts: string[] = [];
  const at: number[] = [];
  let len = 0;
  for (let i = 0; i < segs.length; i += 2) {
    at.push(len);
    parts.push(text.slice(segs[i], segs[i + 1]));
    len += segs[i + 1] - segs[i] + 1;
  }
  const content = parts.join('\n');
  const map = (o: number) => {
    let k = at.length - 1;
    while (k > 0 && at[k] > o) k--;
    return segs[2 * k] + Math.min(o - at[k], segs[2 * k + 1] - segs[2 * k]);
  };
  return { leaf, content, links: scanInline(content, defs), map };
}

const CONTEXT: Record<string, LinkContext> = { heading: 'heading', table: 'table' };

function collectLinks(units: InlineUnit[], blocks: BlockScan, fm: Frontmatter | undefined, span: (f: number, t: number) => Span): Link[] {
  const links: Link[] = [];
  const add = (link: Link | undefined) => link && links.push(link);
  for (const l of fm?.links ?? []) add(makeLink('frontmatter', l.raw, l.label, span(l.from, l.to), span(l.tFrom, l.tTo), 'frontmatter'));
  const defSpans = new Map<string, Span>();
  for (const leaf of blocks.leaves) {
    const d = leaf.definition;
    if (!d || defSpans.has(d.label)) continue;
    const target = span(d.destFrom, d.destTo);
    defSpans.set(d.label, target);
    add(makeLink('definition', d.dest, undefined, span(leaf.segs[0], leaf.segs[1]), target, 'text'));
  }
  for (const u of units) {
    const context = CONTEXT[u.leaf.kind] ?? 'text';
    for (const l of u.links) {
      const whole = span(u.map(l.from), u.map(l.to));
      const target = l.ref ? defSpans.get(l.ref)! : span(u.map(l.tFrom), u.map(l.tTo));
      add(makeLink(l.syntax, l.raw, l.label, whole, target, context, l.ref));
    }
  }
  return links.sort((a, b) => a.span.sl - b.span.sl || a.span.sc - b.span.sc);
}

const EXTERNAL = /^[a-z][a-z0-9+.-]*:/i;

/** Splits `page#anchor`, decodes Markdown destinations, and drops external URLs. */
function makeLink(syntax: LinkSyntax, raw: string, label: string | undefined, whole: Span, target: Span, context: LinkContext, ref?: string): Link | undefined {
  const markdown = isMarkdownSyntax(syntax);
  const written = markdown ? decodeDestination(raw) : raw;
  const hash = written.indexOf('#');
  const page = (hash === -1 ? written : written.slice(0, hash)).trim();
  const anchor = hash === -1 ? undefined : written.slice(hash + 1).trim();
  if (markdown && (EXTERNAL.test(page) || (page === '' && !anchor))) return undefined;
  const link: { -readonly [K in keyof Link]: Link[K] } = { syntax, target: intern(page), span: whole, targetSpan: target, context };
  if (anchor !== undefined) link.anchor = intern(anchor);
  if (label !== undefined) link.label = detach(label);
  if (ref !== undefined) link.ref = intern(ref);
  return link;
}

function decodeDestination(raw: string): string {
  const unescaped = raw.replace(/\\([!-/:-@[-`{-~])/g, '$1');
  try {
    return decodeURIComponent(unescaped);
  } catch {
    return unescaped;
  }
}

function headingsOf(units: InlineUnit[], span: (f: number, t: number) => Span): Omit<Heading, 'sectionEnd'>[] {
  const slugger = new Slugger();
  const out: Omit<Heading, 'sectionEnd'>[] = [];
  for (const u of units) {
    if (u.leaf.kind !== 'heading') continue;
    const text = plainText(u.content, u.links);
    const segs = u.leaf.segs;
    const s = segs.length ? span(segs[0], segs[segs.length - 1]) : span(0, 0);
    out.push({ level: u.leaf.level, text: detach(text), slug: detach(slugger.slug(text)), span: { ...s, sl: u.leaf.line, el: u.leaf.endLine } });
  }
  return out;
}

function fmProblems(fm: Frontmatter | undefined, span: (f: number, t: number) => Span): Problem[] {
  return (fm?.problems ?? []).map((p) => ({ code: 'frontmatter-error', message: p.message, span: span(p.from, p.to) }));
}

export type { InlineUnit };
