// Frontmatter: the YAML between the first two `---` lines, parsed with the
// `yaml` package so that every value keeps its source range. Links in it:
// any string holding `[[…]]`, and each item of the `linkKeys` lists.
import { parseDocument, isMap, isSeq, isScalar, type Node, type Scalar } from 'yaml';
import type { InlineLink } from './inline';
import { scanInline } from './inline';

export interface FrontmatterLink extends Omit<InlineLink, 'syntax'> {
  syntax: 'frontmatter';
}

export interface FrontmatterValues {
  type?: string;
  title?: string;
  titleRange?: [number, number];
  aliases: string[];
  tags: string[];
  summary?: string;
  url?: string;
  date?: string;
}

export interface Frontmatter {
  values: FrontmatterValues;
  count?: { value: number | undefined; from: number; to: number };
  links: FrontmatterLink[];
  problems: { message: string; from: number; to: number }[];
}

export interface FrontmatterOptions {
  countKey: string | null;
  linkKeys: readonly string[];
}

const NO_DEFS = new Map<string, string>();
const URL = /^[a-z][a-z0-9+.-]*:\/\//i;
const NEVER_LINKS = new Set(['tags', 'aliases', 'url']);

/** Parses the YAML at `text[from, to)`; offsets in the result are into `text`. */
export function parseFrontmatter(text: string, from: number, to: number, opts: FrontmatterOptions): Frontmatter {
  const source = text.slice(from, to);
  const out: Frontmatter = { values: { aliases: [], tags: [] }, links: [], problems: [] };
  const doc = parseDocument(source, { uniqueKeys: false, prettyErrors: false });
  for (const e of doc.errors) {
    const message = `Frontmatter is not valid YAML: ${e.message.split('\n')[0].replace(/ at line \d+, column \d+:?$/, '')}.`;
    out.problems.push({ message, from: from + e.pos[0], to: from + Math.max(e.pos[1], e.pos[0] + 1) });
  }
  if (doc.errors.length > 0) return out;
  const root = doc.contents;
  if (root === null || (isScalar(root) && root.value === null)) return out;
  if (!isMap(root)) {
    out.problems.push({ message: 'Frontmatter must be a mapping of keys to values.', from, to: from + Math.max(1, source.trimEnd().length) });
    return out;
  }
  for (const pair of root.items) {
    const key = isScalar(pair.key) ? String(pair.key.value) : undefined;
    if (key === undefined || !pair.value) continue;
    readKey(key, pair.value as Node, source, from, opts, out);
  }
  return out;
}

function readKey(key: string, value: Node, source: string, base: number, opts: FrontmatterOptions, out: Frontmatter): void {
  const at = (node: Node): [number, number] => [base + node.range![0], base + node.range![1]];
  const problem = (message: string) => {
    const [f, t] = at(value);
    out.problems.push({ message, from: f, to: Math.max(t, f + 1) });
  };
  if (key === opts.countKey) {
    const n = isScalar(value) ? value.value : undefined;
    const valid = typeof n === 'number' && Number.isInteger(n) && n >= 0;
    if (!valid) problem(`\`${key}\` must be a non-negative integer (the number of sources citing this page).`);
    const [f, t] = at(value);
    out.count = { value: valid ? (n as number) : undefined, from: f, to: t };
    return;
  }
  if (key === 'title') {
    if (isScalar(value) && typeof value.value === 'string') {
      out.values.title = value.value;
      out.values.titleRange = at(value);
    } else if (!(isScalar(value) && value.value === null)) problem('`title` must be a string.');
  } else if (key === 'aliases' || key === 'tags') {
    const list = stringList(value);
    if (list) out.values[key] = list;
    else if (!(isScalar(value) && value.value === null)) problem(`\`${key}\` must be a list of strings or a string.`);
  } else if (key === 'type' || key === 'summary' || key === 'url' || key === 'date') {
    if (isScalar(value) && value.value !== null) out.values[key] = String(value.value instanceof Date ? value.source ?? value.value.toISOString().slice(0, 10) : value.value);
  }
  if (NEVER_LINKS.has(key)) return;
  if (opts.linkKeys.includes(key)) collectListLinks(value, source, base, out);
  else collectWikilinks(value, source, base, out);
}

/** `[a, b]` or `a` → `['a', 'b']` / `['a']`; undefined when not strings. */
function stringList(node: Node): string[] | undefined {
  if (isScalar(node)) return typeof node.value === 'string' ? [node.value] : undefined;
  if (!isSeq(node)) return undefined;
  const out: string[] = [];
  for (const item of node.items) {
    if (!isScalar(item) || (typeof item.value !== 'string' && typeof item.value !== 'number')) return undefined;
    out.push(String(item.value));
  }
  return out;
}

function scalars(node: Node, out: Scalar[] = []): Scalar[] {
  if (isScalar(node)) out.push(node);
  else if (isSeq(node)) for (const item of node.items) scalars(item as Node, out);
  else if (isMap(node)) for (const pair of node.items) if (pair.value) scalars(pair.value as Node, out);
  return out;
}

/** Every `[[…]]` inside the string values of `node`. */
function collectWikilinks(node: Node, source: string, base: number, out: Frontmatter): void {
  for (const s of scalars(node)) {
    if (typeof s.value !== 'string' || !s.value.includes('[[') || !s.range) continue;
    const raw = source.slice(s.range[0], s.range[1]);
    for (const l of scanInline(raw, NO_DEFS)) {
      if (l.syntax !== 'wikilink' && l.syntax !== 'embed') continue;
      const shift = base + s.range[0];
      out.links.push({ ...l, syntax: 'frontmatter', from: l.from + shift, to: l.to + shift, tFrom: l.tFrom + shift, tTo: l.tTo + shift });
    }
  }
}

/** Items of a `linkKeys` list: each string is a link (`systems/x`, `x.md`), or holds wikilinks. */
function collectListLinks(node: Node, source: string, base: number, out: Frontmatter): void {
  for (const s of scalars(node)) {
    if (typeof s.value !== 'string' || !s.range) continue;
    if (s.value.includes('[[')) {
      collectWikilinks(s, source, base, out);
      continue;
    }
    const value = s.value.trim();
    if (value === '' || URL.test(value)) continue;
    const written = source.slice(s.range[0], s.range[1]);
    const quote = written.startsWith('"') || written.startsWith("'") ? 1 : 0;
    const tFrom = base + s.range[0] + quote + (written.length - quote - written.slice(quote).trimStart().length);
    out.links.push({ syntax: 'frontmatter', raw: value, from: base + s.range[0], to: base + s.range[1], tFrom, tTo: tFrom + value.length });
  }
}
