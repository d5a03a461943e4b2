// A new page for a missing link target, exactly as WIKI-FORMAT.md "New
// pages" says: at the link's path plus `.md`, from the kind's template or
// the built-in one, born with its citation count and "Seen in" list holding
// every source that already links to it, each item with its sentence.
import type { PageData } from '../types';
import type { WikiIndex } from '../index/index';
import { applyChanges } from '../index/index';
import { citingSources } from '../index/queries';
import type { TextSource } from '../edits';
import { normalizePath, climbs, basename, stripMd, joinPath, dirname } from '../paths';
import { singular, titleCase } from '../strings';
import { citationSentence } from '../citations/sentence';
import { seenInItem } from '../citations/items';
import { formatCountLine } from '../scan/counts';

export interface NewPage {
  readonly path: string;
  readonly content: string;
  /** The sources already linking to it, listed in its "Seen in". */
  readonly sources: readonly string[];
}

export interface NewPageOptions {
  /** `YYYY-MM-DD`, for `{{date}}`. */
  readonly date: string;
  /** A label the link gives the page: `[[systems/envoy|Envoy]]` → `Envoy`. */
  readonly label?: string;
}

/**
 * The root-relative path a missing link target is created at, or undefined
 * when it would leave the wiki or exists: `[[systems/envoy]]` → `systems/envoy.md`;
 * from `sources/a.md`, `[e](../systems/envoy.md)` and `[[../systems/envoy]]` too.
 */
export function newPagePath(index: WikiIndex, target: string, from = '', relative = false): string | undefined {
  const t = target.trim();
  const fromPage = relative || t.startsWith('./') || t.startsWith('../');
  const norm = t.startsWith('/') ? normalizePath(stripMd(t)) : fromPage ? joinPath(dirname(from), stripMd(t)) : normalizePath(stripMd(t));
  if (!norm || climbs(norm)) return undefined;
  const path = `${norm}.md`;
  if (index.pages.has(path) || index.files.has(path)) return undefined;
  return path;
}

export function newPage(index: WikiIndex, path: string, texts: TextSource, opts: NewPageOptions): NewPage {
  const config = index.ctx.config;
  const id = stripMd(path);
  const kind = id.includes('/') ? id.slice(0, id.indexOf('/')) : '';
  const isEntity = kind !== '' && !config.sourceFolders.includes(kind);
  const title = opts.label?.trim() || titleCase(basename(id));
  const hypothetical = applyChanges(index, [{ kind: 'page', path, text: `# ${title}\n` }]);
  const sources = isEntity ? citingSources(hypothetical, path) : [];
  const items = sources.map((s) => seenInItem('-', hypothetical.pages.get(s)!.data, path, config.linkStyle, citationSentence(hypothetical, s, path, texts)));
  const values: Record<string, string> = {
    title, id, type: kind ? singular(kind) : 'page', date: opts.date, count: String(sources.length), seenIn: items.join('\n'),
  };
  const template = templateOf(config.templates, kind, values.type, texts);
  const body = template !== undefined ? fill(template, values) : builtIn(values, isEntity, config.countKey, config.countPattern, config.seenInHeading[0]);
  return { path, content: withEol(body, usualEol(index)), sources };
}

function templateOf(folder: string, kind: string, type: string, texts: TextSource): string | undefined {
  if (!kind) return undefined;
  return texts.text(`${folder}/${kind}.md`) ?? texts.text(`${folder}/${type}.md`);
}

/** `{{title}}` → the value; a placeholder the wiki does not know stays as written. */
function fill(template: string, values: Record<string, string>): string {
  return template.replace(/\{\{\s*(\w+)\s*\}\}/g, (m, key: string) => {
    if (!(key in values)) return m;
    return key === 'title' && isInFrontmatter(template, m) ? yamlString(values.title) : values[key];
  });
}

function isInFrontmatter(template: string, placeholder: string): boolean {
  const fm = /^---\r?\n([\s\S]*?)\r?\n---/.exec(template);
  return !!fm && fm[1].includes(placeholder);
}

function builtIn(v: Record<string, string>, isEntity: boolean, countKey: string | null, countPattern: string | null, heading: string): string {
  const fm = [`type: ${v.type}`, `title: ${yamlString(v.title)}`];
  if (isEntity && countKey) fm.push(`${countKey}: ${v.count}`);
  const lines = ['---', ...fm, '---', `# ${v.title}`, '', isEntity ? 'Stub page — expand as sources cite it.' : 'Stub page.'];
  if (isEntity && !countKey && countPattern) lines.push('', formatCountLine(countPattern, Number(v.count)));
  if (isEntity) lines.push('', `## ${heading}`, ...(v.seenIn ? [v.seenIn] : []));
  return lines.join('\n') + '\n';
}

/** A YAML scalar for a title: plain when safe, else double-quoted (`Envoy: the proxy` → `"Envoy: the proxy"`). */
export function yamlString(s: string): string {
  const plain = /^[A-Za-z0-9][^:#\n"'\\]*$/.test(s) && !/\s$/.test(s) && !/^(true|false|yes|no|null|on|off|~|[-+]?\d[\d._eE+-]*)$/i.test(s);
  return plain ? s : JSON.stringify(s);
}

/** The line ending most pages of the wiki use. */
export function usualEol(index: WikiIndex): '\n' | '\r\n' {
  let crlf = 0;
  let lf = 0;
  for (const { data } of index.pages.values()) (data as PageData).eol === '\r\n' ? crlf++ : lf++;
  return crlf > lf ? '\r\n' : '\n';
}

const withEol = (text: string, eol: string) => (eol === '\n' ? text.replace(/\r\n/g, '\n') : text.replace(/\r?\n/g, eol));
