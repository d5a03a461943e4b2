// Lists a wiki's files: pages (`*.md` under the wiki root) and the other
// files inside the boundary that links may point at. Excluded folders,
// dot-folders, the templates folder and symbolic links are never entered.
import { readdir } from 'node:fs/promises';
import { join, relative, sep } from 'node:path';
import type { WikiLocation } from './roots';

export interface WikiFiles {
  /** Root-relative page paths: `systems/kube-proxy.md`. */
  readonly pages: string[];
  /** Root-relative paths of other files: `raw/diagram.png`, `../attachments/x.pdf` in a vault. */
  readonly files: string[];
}

const MAX_FILES = 500_000;

export async function walkWiki(loc: WikiLocation): Promise<WikiFiles> {
  const pages: string[] = [];
  const files: string[] = [];
  const boundary = loc.vault ?? loc.root;
  const excluded = exclusionTest(loc);
  const stack = [boundary];
  while (stack.length > 0 && pages.length + files.length < MAX_FILES) {
    const dir = stack.pop()!;
    let entries;
    try {
      entries = await readdir(dir, { withFileTypes: true });
    } catch {
      continue;
    }
    for (const e of entries) {
      const abs = join(dir, e.name);
      const rel = toRootRelative(loc.root, abs);
      if (e.isDirectory()) {
        if (!e.name.startsWith('.') && !excluded(e.name, rel)) stack.push(abs);
      } else if (e.isFile()) {
        if (rel.toLowerCase().endsWith('.md') && !rel.startsWith('../')) pages.push(rel);
        else if (e.name !== '.wiki-lsp.json') files.push(rel);
      }
    }
  }
  return { pages: pages.sort(), files: files.sort() };
}

export function toRootRelative(root: string, abs: string): string {
  return relative(root, abs).split(sep).join('/');
}

/** Whether a folder (by name, or by its root-relative path) is excluded: `node_modules`, `templates`, `archive/old`. */
export function exclusionTest(loc: WikiLocation): (name: string, rel: string) => boolean {
  const entries = [...loc.config.exclude, loc.config.templates].map((e) => e.replace(/^\.?\/+|\/+$/g, ''));
  return (name, rel) => entries.some((e) => (e.includes('/') ? rel === e || rel.startsWith(`${e}/`) : name === e || rel === e));
}

/** Whether a root-relative path lies in an excluded folder (for watcher events). */
export function isExcludedPath(loc: WikiLocation, rel: string): boolean {
  const test = exclusionTest(loc);
  const segs = rel.split('/');
  for (let i = 0; i < segs.length - 1; i++) {
    if (segs[i].startsWith('.') && segs[i] !== '..') return true;
    if (test(segs[i], segs.slice(0, i + 1).join('/'))) return true;
  }
  return false;
}
