// Link resolution, exactly WIKI-FORMAT.md's chain: each step is tried in
// order, the first that matches wins, and a step matching several pages
// makes the link ambiguous. Every lookup key consulted beyond an exact hit
// is recorded, so that the index knows which links a new page can change.
import type { Link } from '../types';
import type { WikiConfig } from '../config';
import { normalizePath, dirname, joinPath, climbs, insideBoundary, fromVault, stripMd, isMarkdownPath, ATTACHMENT, basename } from '../paths';
import { normalSlug } from '../strings';
import { keys } from './keys';

export type Rule =
  | 'exact' | 'vault' | 'case' | 'relative' | 'suffix' | 'filename' | 'title' | 'alias' | 'slug' | 'root' | 'folder';

export type Resolution =
  | { readonly kind: 'page'; readonly path: string; readonly rule: Rule }
  | { readonly kind: 'file'; readonly path: string; readonly rule: Rule }
  | { readonly kind: 'self' }
  | { readonly kind: 'ambiguous'; readonly candidates: readonly string[]; readonly rule: Rule }
  | { readonly kind: 'dangling'; readonly key: string; readonly file: boolean }
  | { readonly kind: 'outside' }
  | { readonly kind: 'ignored' };

/** What resolution reads: the index or a builder in the middle of a batch. */
export interface LookupView {
  hasPage(path: string): boolean;
  hasFile(path: string): boolean;
  lookup(key: string): readonly string[] | undefined;
  kindExists(kind: string): boolean;
  /** Title, aliases and file name of a page, for telling title from alias matches. */
  aliasesOf(path: string): readonly string[];
}

export interface ResolveContext {
  readonly config: WikiConfig;
  readonly vaultPrefix: string;
}

const SELF: Resolution = { kind: 'self' };
const OUTSIDE: Resolution = { kind: 'outside' };
const IGNORED: Resolution = { kind: 'ignored' };
const shared = { page: new Map<Rule, Map<string, Resolution>>(), file: new Map<Rule, Map<string, Resolution>>() };

/** One shared object per (kind, rule, path): a 50k-page index holds millions of links. */
function found(kind: 'page' | 'file', path: string, rule: Rule): Resolution {
  let byPath = shared[kind].get(rule);
  if (!byPath) shared[kind].set(rule, (byPath = new Map()));
  const hit = byPath.get(path);
  if (hit) return hit;
  if (byPath.size > 200_000) byPath.clear();
  const r: Resolution = { kind, path, rule };
  byPath.set(path, r);
  return r;
}

function many(paths: readonly string[], rule: Rule): Resolution {
  const list = [...paths];
  if (list.length === 1) return found('page', list[0], rule);
  return { kind: 'ambiguous', candidates: list.sort(), rule };
}

/** Resolves `link` of page `from`; `deps` receives the lookup keys the answer depends on. */
export function resolveLink(view: LookupView, ctx: ResolveContext, from: string, link: Link, deps: string[]): Resolution {
  const target = link.target;
  if (target === '') return link.anchor !== undefined ? SELF : IGNORED;
  switch (link.syntax) {
    case 'markdown':
    case 'image':
    case 'reference':
    case 'definition':
      return resolveMarkdown(view, ctx, from, target, deps);
    case 'bare':
      return resolveBare(view, ctx, from, target, deps);
    default:
      return resolveWiki(view, ctx, from, target, deps);
  }
}

function resolveBare(view: LookupView, ctx: ResolveContext, from: string, target: string, deps: string[]): Resolution {
  const mode = ctx.config.bareLinks;
  if (mode === 'off') return IGNORED;
  const kind = target.slice(0, target.indexOf('/'));
  if (!view.kindExists(kind) || mode === 'all') deps.push(keys.kind(kind));
  if (!view.kindExists(kind)) return IGNORED;
  if (mode === 'all') return resolveWiki(view, ctx, from, target, deps);
  const norm = normalizePath(stripMd(target));
  if (view.hasPage(`${norm}.md`)) return found('page', `${norm}.md`, 'exact');
  deps.push(keys.path(norm));
  return IGNORED;
}

/** Wikilinks, bare references and frontmatter links: steps 1–7. */
function resolveWiki(view: LookupView, ctx: ResolveContext, from: string, target: string, deps: string[]): Resolution {
  if (ATTACHMENT.test(target) || (/\.[A-Za-z0-9]{1,8}$/.test(target) && !isMarkdownPath(target))) {
    const file = resolveFile(view, ctx, from, target, deps);
    if (file) return file;
  }
  const dotted = target.startsWith('./') || target.startsWith('../');
  const rooted = normalizePath(stripMd(target));
  if (!dotted) {
    if (!insideBoundary(rooted, ctx.vaultPrefix)) return OUTSIDE;
    const hit = byPath(view, rooted, 'exact', deps) ?? (ctx.vaultPrefix ? byVaultPath(view, ctx, target, deps) : undefined);
    if (hit) return hit;
  }
  const relative = joinPath(dirname(from), stripMd(target));
  if (dotted && !insideBoundary(relative, ctx.vaultPrefix)) return OUTSIDE;
  const rel = byPath(view, relative, 'relative', deps);
  if (rel) return rel;
  return byName(view, stripMd(target), deps) ?? dangling(dotted ? relative : target, ATTACHMENT.test(target));
}

/** Step 1 (exact) and 2 (ignoring case) for one root-relative path without `.md`. */
function byPath(view: LookupView, norm: string, rule: Rule, deps: string[]): Resolution | undefined {
  if (climbs(norm)) return undefined;
  if (view.hasPage(`${norm}.md`)) return found('page', `${norm}.md`, rule);
  const key = keys.path(norm);
  deps.push(key);
  const ci = view.lookup(key);
  if (ci && ci.length > 0) return many(ci, rule === 'exact' || rule === 'vault' ? 'case' : rule);
  return undefined;
}

function byVaultPath(view: LookupView, ctx: ResolveContext, target: string, deps: string[]): Resolution | undefined {
  return byPath(view, stripMd(fromVault(target, ctx.vaultPrefix)), 'vault', deps);
}

/** Steps 4–7: path suffix, then (for names without `/`) file name, title or alias, normalised slug. */
function byName(view: LookupView, target: string, deps: string[]): Resolution | undefined {
  const lower = target.toLowerCase();
  const name = basename(lower);
  const nameKey = keys.name(name);
  deps.push(nameKey);
  const named = view.lookup(nameKey);
  if (lower.includes('/')) {
    const suffix = [...(named ?? [])].filter((p) => stripMd(p).toLowerCase().endsWith(`/${lower}`));
    return suffix.length ? many(suffix, 'suffix') : undefined;
  }
  if (named?.length) return many(named, 'filename');
  const titleKey = keys.title(lower.trim());
  deps.push(titleKey);
  const titled = view.lookup(titleKey);
  if (titled?.length) return many(titled, titleRule(view, titled, lower.trim()));
  const slug = normalSlug(target);
  if (!slug) return undefined;
  const slugKey = keys.slug(slug);
  deps.push(slugKey);
  const slugged = view.lookup(slugKey);
  return slugged?.length ? many(slugged, 'slug') : undefined;
}

function titleRule(view: LookupView, paths: readonly string[], lower: string): Rule {
  const [only] = paths;
  return paths.length === 1 && view.aliasesOf(only).some((a) => a.toLowerCase() === lower) ? 'alias' : 'title';
}

/** Markdown links: relative to the page, then from the root; a folder means its index.md or README.md. */
function resolveMarkdown(view: LookupView, ctx: ResolveContext, from: string, target: string, deps: string[]): Resolution {
  const rootedSyntax = target.startsWith('/');
  const relative = rootedSyntax ? normalizePath(target) : joinPath(dirname(from), target);
  if (!insideBoundary(relative, ctx.vaultPrefix)) return OUTSIDE;
  const isPage = isMarkdownPath(target) || !/\.[A-Za-z0-9]{1,8}$/.test(target);
  if (!isPage) return resolveFile(view, ctx, from, target, deps) ?? dangling(target, true);
  const rel = byPath(view, stripMd(relative), 'exact', deps) ?? folderIndex(view, relative, deps);
  if (rel) return rel;
  if (!rootedSyntax && !climbs(normalizePath(target))) {
    const root = byPath(view, stripMd(normalizePath(target)), 'root', deps);
    if (root) return root;
  }
  return dangling(relative, false);
}

function folderIndex(view: LookupView, folder: string, deps: string[]): Resolution | undefined {
  const dir = folder.replace(/\/$/, '');
  for (const name of ['index', 'README', 'readme']) {
    const path = dir ? `${dir}/${name}` : name;
    if (view.hasPage(`${path}.md`)) return found('page', `${path}.md`, 'folder');
    deps.push(keys.path(path));
  }
  return undefined;
}

/** A link to a file that is not a page: exact, from the vault, relative, then by file name. */
function resolveFile(view: LookupView, ctx: ResolveContext, from: string, target: string, deps: string[]): Resolution | undefined {
  const candidates = [normalizePath(target), joinPath(dirname(from), target)];
  if (ctx.vaultPrefix) candidates.push(fromVault(target, ctx.vaultPrefix));
  for (const path of candidates) {
    if (!insideBoundary(path, ctx.vaultPrefix)) continue;
    if (view.hasFile(path)) return found('file', path, path === candidates[0] ? 'exact' : 'relative');
    deps.push(keys.filePath(path));
  }
  const key = keys.fileName(basename(target).toLowerCase());
  deps.push(key);
  const named = [...(view.lookup(key) ?? [])];
  if (named.length === 1) return found('file', named[0], 'filename');
  if (named.length > 1) return { kind: 'ambiguous', candidates: named.sort(), rule: 'filename' };
  return undefined;
}

/** A missing target, keyed so that links to the same missing page group together. */
function dangling(target: string, file: boolean): Resolution {
  return { kind: 'dangling', key: danglingKey(target), file };
}

export function danglingKey(target: string): string {
  return stripMd(normalizePath(target)).toLowerCase();
}
