// From a page's blocks and links to what the index keeps: title, summary,
// stub-ness, the "Seen in" section, declared counts, block ids.
import type { CountDeclaration, Heading, Link, PageData, PageRole, Problem, SeenInSection, Span } from '../types';
import { detach, intern, singular, titleCase, truncate } from '../strings';
import type { BlockScan } from './blocks';
import type { Frontmatter } from './frontmatter';
import type { CountMatcher } from './counts';
import type { InlineUnit, ParseOptions } from './page';
import { plainText } from './plain';
import { eolOf } from '../text';

export interface PageParts {
  text: string;
  starts: readonly number[];
  blocks: BlockScan;
  units: InlineUnit[];
  links: Link[];
  headings: Omit<Heading, 'sectionEnd'>[];
  fm: Frontmatter | undefined;
  fmEnd: number;
  matcher: CountMatcher;
  span: (from: number, to: number) => Span;
}

const SUMMARY_MAX = 400;

export function describePage(path: string, p: PageParts, opts: ParseOptions, problems: Problem[]): PageData {
  const id = intern(path.replace(/\.md$/i, ''));
  const slash = id.indexOf('/');
  const kind = slash === -1 ? '' : intern(id.slice(0, slash));
  const role: PageRole = kind === '' ? 'meta' : opts.sourceFolders.includes(kind) ? 'source' : 'entity';
  const fmv = p.fm?.values;
  const headings = withSectionEnds(p.headings, p.starts.length - 1);
  const h1 = headings.find((h) => h.level === 1);
  const title = fmv?.title ?? h1?.text ?? titleCase(id.slice(id.lastIndexOf('/') + 1));
  const titleSpan = fmv?.titleRange ? p.span(fmv.titleRange[0], fmv.titleRange[1]) : h1?.span;
  const seenIn = seenInSection(p, headings, opts);
  const summaryUnit = summaryOf(p, h1);
  return {
    path: intern(path), id, kind, role,
    type: intern(fmv?.type ?? (kind ? singular(kind) : 'page')),
    title: detach(title), titleSpan,
    aliases: (fmv?.aliases ?? []).map(detach), tags: (fmv?.tags ?? []).map(intern),
    summary: summaryUnit ? detach(truncate(plainText(summaryUnit.content, summaryUnit.links), SUMMARY_MAX)) : '',
    isStub: isStub(p, seenIn, role),
    headings, blocks: blockIds(p), links: p.links, seenIn,
    counts: countsOf(p),
    frontmatter: p.fmEnd > 0 ? { startLine: 0, endLine: p.fmEnd } : undefined,
    meta: { summary: fmv?.summary && detach(fmv.summary), url: fmv?.url && detach(fmv.url), date: fmv?.date && detach(fmv.date) },
    problems, lineCount: p.starts.length, eol: eolOf(p.text.slice(0, 4096)),
    appendLine: appendLine(p),
  };
}

/** Each heading's section runs to the line before the next heading of the same or a higher level. */
function withSectionEnds(headings: Omit<Heading, 'sectionEnd'>[], lastLine: number): Heading[] {
  return headings.map((h, i) => {
    let end = lastLine;
    for (let k = i + 1; k < headings.length; k++) {
      if (headings[k].level <= h.level) {
        end = headings[k].span.sl - 1;
        break;
      }
    }
    return { ...h, sectionEnd: end };
  });
}

function summaryOf(p: PageParts, h1: Heading | undefined): InlineUnit | undefined {
  const after = h1 ? h1.span.el : -1;
  return p.units.find((u) => u.leaf.kind === 'paragraph' && u.leaf.line > after && u.leaf.item === -1 && !p.matcher(u.content));
}

function seenInSection(p: PageParts, headings: Heading[], opts: ParseOptions): SeenInSection | undefined {
  const names = new Set(opts.seenInHeading.map((h) => h.toLowerCase()));
  const h = headings.find((x) => names.has(x.text.trim().replace(/:$/, '').trim().toLowerCase()));
  if (!h) return undefined;
  const inSection = p.blocks.items.filter((it) => it.line > h.span.el && it.line <= h.sectionEnd);
  const top = Math.min(...inSection.map((it) => it.depth));
  const lists: number[] = [];
  const unitAt = new Map<number, InlineUnit>();
  for (const u of p.units) if (u.leaf.kind === 'paragraph' && u.leaf.line > h.span.el && u.leaf.line <= h.sectionEnd) unitAt.set(u.leaf.line, u);
  const linkAt = new Map<string, number>();
  p.links.forEach((l, i) => l.span.sl > h.span.el && l.span.sl <= h.sectionEnd && linkAt.set(`${l.span.sl}:${l.span.sc}`, i));
  const items = inSection
    .filter((it) => it.depth === top)
    .map((it) => {
      if (!lists.includes(it.list)) lists.push(it.list);
      return { line: it.line, endLine: Math.min(it.endLine, h.sectionEnd), link: firstLinkOf(p, unitAt.get(it.line), linkAt), bullet: it.bullet, indent: it.indent, list: lists.indexOf(it.list) };
    });
  return { heading: h.span, level: h.level, endLine: h.sectionEnd, items };
}

/** Index of the link an item's first paragraph begins with, or -1. */
function firstLinkOf(p: PageParts, unit: InlineUnit | undefined, linkAt: Map<string, number>): number {
  const first = unit?.links[0];
  if (!unit || !first || unit.content.slice(0, first.from).trim() !== '') return -1;
  const at = p.span(unit.map(first.from), unit.map(first.to));
  return linkAt.get(`${at.sl}:${at.sc}`) ?? -1;
}

const STUB = /\bstub page\b/i;

/** "Stub page" in the prose, or no prose beyond the title; sources are never stubs. */
function isStub(p: PageParts, seenIn: SeenInSection | undefined, role: PageRole): boolean {
  if (role === 'source') return false;
  let prose = false;
  for (const u of p.units) {
    if (u.leaf.kind === 'heading') continue;
    const c = u.content;
    if ((c.includes('tub page') || c.includes('TUB PAGE')) && STUB.test(c)) return true;
    const inSeenIn = seenIn && u.leaf.line > seenIn.heading.el && u.leaf.line <= seenIn.endLine;
    if (!inSeenIn && !p.matcher(c)) prose = true;
  }
  return !prose;
}

function countsOf(p: PageParts): CountDeclaration[] {
  const out: CountDeclaration[] = [];
  const c = p.fm?.count;
  if (c) out.push({ where: 'frontmatter', value: c.value, span: p.span(c.from, c.to) });
  for (const leaf of p.blocks.leaves) {
    if (leaf.kind !== 'paragraph') continue;
    for (let i = 0; i < leaf.segs.length; i += 2) {
      const m = p.matcher(p.text.slice(leaf.segs[i], leaf.segs[i + 1]));
      if (m) out.push({ where: 'body', value: m.value, span: p.span(leaf.segs[i] + m.from, leaf.segs[i] + m.to) });
    }
  }
  return out;
}

const BLOCK_ID = /\s\^([A-Za-z0-9-]+)\s*$/;

/** A quick look at the end of `text[from, to)` for ` ^id`, reading only the id's characters. */
function endsWithBlockId(text: string, from: number, to: number): boolean {
  let i = to - 1;
  while (i >= from && (text.charCodeAt(i) === 32 || text.charCodeAt(i) === 9)) i--;
  const end = i;
  while (i >= from && /[A-Za-z0-9-]/.test(text[i])) i--;
  return i < end && i > from && text.charCodeAt(i) === 94;
}

function blockIds(p: PageParts): { id: string; line: number }[] {
  const out: { id: string; line: number }[] = [];
  for (const leaf of p.blocks.leaves) {
    if (leaf.kind !== 'paragraph') continue;
    const n = leaf.segs.length;
    if (!endsWithBlockId(p.text, leaf.segs[n - 2], leaf.segs[n - 1])) continue;
    const m = BLOCK_ID.exec(p.text.slice(leaf.segs[n - 2], leaf.segs[n - 1]));
    if (m) out.push({ id: intern(m[1]), line: leaf.endLine });
  }
  return out;
}

/** The last line before trailing reference and footnote definitions. */
function appendLine(p: PageParts): number {
  const leaves = p.blocks.leaves;
  for (let i = leaves.length - 1; i >= 0; i--) {
    const leaf = leaves[i];
    const footnote = leaf.kind === 'paragraph' && /^\[\^[^\]]+\]:/.test(p.text.slice(leaf.segs[0], leaf.segs[0] + 80));
    if (leaf.kind !== 'definition' && !footnote) return leaf.endLine;
  }
  return p.fmEnd > 0 ? p.fmEnd : -1;
}
