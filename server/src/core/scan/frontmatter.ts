// Frontmatter: the YAML between the first two `---` lines, parsed with the
// `yaml` package so that every value keeps its source range. Links in it:
// any string holding `[[…]]`, and each item of the `linkKeys` lists.
import { parseDocument, type Node } from 'yaml';
import { fromYaml, scalarsOf, type YNode } from './yamlTree';
import { fastYaml } from './fastYaml';
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

/** Parses the YAML at `text[from, to)`; offsets in the result are into `text`. `fast: false` forces the full parser. */
export function parseFrontmatter(text: string, from: number, to: number, opts: FrontmatterOptions, fast = true): Frontmatter {
  const source = text.slice(from, to);
  const out: Frontmatter = { values: { aliases: [], tags: [] }, links: [], problems: [] };
  const root = (fast ? fastYaml(source) : undefined) ?? viaYaml(source, from, out);
  if (!root || (root.kind === 'scalar' && root.value === null)) return out;
  if (root.kind !== 'map') {
    out.problems.push({ message: 'Frontmatter must be a mapping of keys to values.', from, to: from + Math.max(1, source.trimEnd().length) });
    return out;
  }
  for (const pair of root.pairs) if (pair.key && pair.value) readKey(pair.key, pair.value, source, from, opts, out);
  return out;
}

/** The full YAML parser, for what the fast reader leaves; its errors become problems. */
function viaYaml(source: string, from: number, out: Frontmatter): YNode | undefined {
  const doc = parseDocument(source, { uniqueKeys: false, prettyErrors: false });
  for (const e of doc.errors) {
    const message = `Frontmatter is not valid YAML: ${e.message.split('\n')[0].replace(/ at line \d+, column \d+:?$/, '')}.`;
    out.problems.push({ message, from: from + e.pos[0], to: from + Math.max(e.pos[1], e.pos[0] + 1) });
  }
  if (doc.errors.length > 0 || !doc.contents) return undefined;
  return fromYaml(doc.contents as Node);
}

const isNull = (n: YNode) => n.kind === 'scalar' && n.value === null;

function readKey(key: string, value: YNode, source: string, base: number, opts: FrontmatterOptions, out: Frontmatter): void {
  const at = (node: YNode): [number, number] => [base + node.range[0], base + node.range[1]];
  const problem = (message: string) => {
    const [f, t] = at(value);
    out.problems.push({ message, from: f, to: Math.max(t, f + 1) });
  };
  if (key === opts.countKey) {
    const n = value.kind === 'scalar' ? value.value : undefined;
    const valid = typeof n === 'number' && Number.isInteger(n) && n >= 0;
    if (!valid) problem(`\`${key}\` must be a non-negative integer (the number of sources citing this page).`);
    const [f, t] = at(value);
    out.count = { value: valid ? (n as number) : undefined, from: f, to: t };
    return;
  }
  if (key === 'title') {
    if (value.kind === 'scalar' && typeof value.value === 'string') {
      out.values.title = value.value;
      out.values.titleRange = at(value);
    } else if (!isNull(value)) problem('`title` must be a string.');
  } else if (key === 'aliases' || key === 'tags') {
    const list = stringList(value);
    if (list) out.values[key] = list;
    else if (!isNull(value)) problem(`\`${key}\` must be a list of strings or a string.`);
  } else if (key === 'type' || key === 'summary' || key === 'url' || key === 'date') {
    if (value.kind === 'scalar' && value.value !== null) out.values[key] = String(value.value);
  }
  if (NEVER_LINKS.has(key)) return;
  if (opts.linkKeys.includes(key)) collectListLinks(value, source, base, out);
  else collectWikilinks(value, source, base, out);
}

/** `[a, b]` or `a` → `['a', 'b']` / `['a']`; undefined when not strings. */
function stringList(node: YNode): string[] | undefined {
  if (node.kind === 'scalar') return typeof node.value === 'string' ? [node.value] : undefined;
  if (node.kind !== 'seq') return undefined;
  const out: string[] = [];
  for (const item of node.items) {
    if (item.kind !== 'scalar' || (typeof item.value !== 'string' && typeof item.value !== 'number')) return undefined;
    out.push(String(item.value));
  }
  return out;
}

/** Every `[[…]]` inside the string values of `node`. */
function collectWikilinks(node: YNode, source: string, base: number, out: Frontmatter): void {
  for (const s of scalarsOf(node)) {
    if (typeof s.value !== 'string' || !s.value.includes('[[')) continue;
    const raw = source.slice(s.range[0], s.range[1]);
    for (const l of scanInline(raw, NO_DEFS)) {
      if (l.syntax !== 'wikilink' && l.syntax !== 'embed') continue;
      const shift = base + s.range[0];
      out.links.push({ ...l, syntax: 'frontmatter', from: l.from + shift, to: l.to + shift, tFrom: l.tFrom + shift, tTo: l.tTo + shift });
    }
  }
}

/** Items of a `linkKeys` list: each string is a link (`systems/x`, `x.md`), or holds wikilinks. */
function collectListLinks(node: YNode, source: string, base: number, out: Frontmatter): void {
  for (const s of scalarsOf(node)) {
    if (typeof s.value !== 'string') continue;
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
