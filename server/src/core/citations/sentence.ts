// The sentence a new "Seen in" item carries: the sentence of the source's
// body holding its first link to the entity — or the source's summary (else
// its title) when that link is in frontmatter, a heading or a table. Links
// in it are rewritten to resolve from the entity page; links to the entity
// itself become plain text. At most 300 characters.
//   "They considered [[systems/envoy|Envoy]] sidecars and rejected them."
//   → "They considered Envoy sidecars and rejected them."
import type { Link, PageData } from '../types';
import type { PageEntry, WikiIndex } from '../index/index';
import type { Resolution } from '../index/resolve';
import type { TextSource } from '../edits';
import { scanUnits, type InlineUnit } from '../scan/page';
import type { InlineLink } from '../scan/inline';
import { stripMarks } from '../scan/plain';
import { relativePath } from '../paths';

export const SENTENCE_MAX = 300;

export function citationSentence(index: WikiIndex, source: string, entity: string, texts: TextSource): string {
  const entry = index.pages.get(source);
  if (!entry) return '';
  const i = entry.resolved.findIndex((r) => r.kind === 'page' && r.path === entity);
  const fallback = entry.data.meta.summary?.trim() || entry.data.title;
  if (i === -1 || entry.data.links[i].context !== 'text') return clip([{ text: fallback }]);
  const text = texts.text(source);
  if (text === undefined) return clip([{ text: fallback }]);
  const found = locate(text, entry.data.links[i]);
  if (!found) return clip([{ text: fallback }]);
  const { unit, link } = found;
  const [from, to] = sentenceAround(unit.content, link.from, link.to);
  const target = index.pages.get(entity)?.data;
  const pieces = rewrite(unit, from, to, entry, index, target, found.starts);
  return clip(pieces) || clip([{ text: fallback }]);
}

interface Piece {
  text: string;
  /** A link: never cut in the middle. */
  atomic?: boolean;
}

/** The inline unit and inline link of `link` in the source text. */
function locate(text: string, link: Link): { unit: InlineUnit; link: InlineLink; starts: number[] } | undefined {
  const { units, starts } = scanUnits(text);
  const at = starts[link.span.sl] + link.span.sc;
  for (const unit of units) {
    const l = unit.links.find((x) => unit.map(x.from) === at);
    if (l) return { unit, link: l, starts };
  }
  return undefined;
}

const ABBREVIATIONS = new Set(['e.g', 'i.e', 'etc', 'vs', 'mr', 'mrs', 'ms', 'dr', 'prof', 'inc', 'ltd', 'corp', 'co', 'jr', 'sr', 'st', 'no', 'fig', 'approx', 'cf', 'al', 'u.s', 'u.k', 'e.u']);

/** Whether a `.`/`!`/`?` at `i` ends a sentence: followed by a space (or the end), not an abbreviation or decimal. */
function endsSentence(s: string, i: number): boolean {
  const next = s.charCodeAt(i + 1);
  if (!(Number.isNaN(next) || next === 32 || next === 10 || next === 9)) return false;
  if (s[i] !== '.') return true;
  const word = /([A-Za-z.]+)$/.exec(s.slice(Math.max(0, i - 8), i))?.[1] ?? '';
  if (word.length === 1 && /[A-Z]/.test(word)) return false; // an initial: "J. Smith"
  return !ABBREVIATIONS.has(word.toLowerCase().replace(/^\./, ''));
}

/** `[from, to)` of the sentence holding `[linkFrom, linkTo)` in `s`. */
export function sentenceAround(s: string, linkFrom: number, linkTo: number): [number, number] {
  let from = 0;
  for (let i = linkFrom - 1; i >= 0; i--) {
    const c = s[i];
    if ((c === '.' || c === '!' || c === '?') && endsSentence(s, i)) {
      from = i + 1;
      break;
    }
  }
  let to = s.length;
  for (let i = linkTo; i < s.length; i++) {
    const c = s[i];
    if ((c === '.' || c === '!' || c === '?') && endsSentence(s, i)) {
      to = i + 1;
      break;
    }
  }
  return [from, to];
}

function rewrite(unit: InlineUnit, from: number, to: number, entry: PageEntry, index: WikiIndex, target: PageData | undefined, starts: number[]): Piece[] {
  const pieces: Piece[] = [];
  let pos = from;
  const byOffset = new Map<number, number>();
  entry.data.links.forEach((l, k) => byOffset.set(starts[l.span.sl] + l.span.sc, k));
  for (const l of unit.links) {
    if (l.from < from || l.to > to) continue;
    pieces.push({ text: stripMarks(unit.content.slice(pos, l.from)) });
    const k = byOffset.get(unit.map(l.from));
    const written = unit.content.slice(l.from, l.to);
    pieces.push(k === undefined ? { text: written } : relink(entry, k, written, index, target));
    pos = l.to;
  }
  pieces.push({ text: stripMarks(unit.content.slice(pos, to)) });
  return pieces;
}

/** One link of the sentence, as it must read on the entity page. */
function relink(entry: PageEntry, k: number, written: string, index: WikiIndex, target: PageData | undefined): Piece {
  const link = entry.data.links[k];
  const r: Resolution = entry.resolved[k];
  const label = link.label !== undefined ? stripMarks(link.label).trim() : undefined;
  const targetPath = r.kind === 'page' || r.kind === 'file' ? r.path : r.kind === 'self' ? entry.data.path : undefined;
  if (target && targetPath === target.path) return { text: label || target.title };
  if (!targetPath) return { text: link.syntax === 'bare' ? written : label || link.target };
  const page = index.pages.get(targetPath)?.data;
  const anchor = link.anchor !== undefined ? `#${link.anchor}` : '';
  if (link.syntax === 'bare') return { text: written, atomic: true };
  if (link.syntax === 'wikilink' || link.syntax === 'embed' || link.syntax === 'frontmatter') {
    const bang = link.syntax === 'embed' ? '!' : '';
    const id = page ? page.id : targetPath;
    return { text: `${bang}[[${id}${anchor}${label ? `|${label}` : ''}]]`, atomic: true };
  }
  const from = target?.path ?? entry.data.path;
  const dest = encodeURI(relativePath(from, targetPath)).replace(/\(/g, '%28').replace(/\)/g, '%29');
  const bang = link.syntax === 'image' ? '!' : '';
  return { text: `${bang}[${label ?? ''}](${dest}${anchor})`, atomic: true };
}

/** Joins the pieces, collapses whitespace, and cuts at 300 characters with `…` (never inside a link). */
function clip(pieces: Piece[]): string {
  let out = '';
  for (const p of pieces) {
    const text = p.text.replace(/\s+/g, ' ');
    if ((out + text).length <= SENTENCE_MAX) {
      out += text;
      continue;
    }
    if (p.atomic) return out.trimEnd() + '…';
    const room = SENTENCE_MAX - 1 - out.length;
    const cut = text.slice(0, room);
    const space = cut.lastIndexOf(' ');
    return (out + (space > room * 0.5 ? cut.slice(0, space) : cut)).trimEnd() + '…';
  }
  return out.trim();
}
