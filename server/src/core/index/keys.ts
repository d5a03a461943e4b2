// Lookup keys: what resolution asks the index, and what a page or file
// answers to. A new page `systems/Kube-Proxy.md` titled "kube-proxy" answers
// to `p:systems/kube-proxy`, `n:kube-proxy`, `t:kube-proxy` and `s:kubeproxy`.
import type { PageData } from '../types';
import { basename } from '../paths';
import { normalSlug } from '../strings';

export const keys = {
  /** A root-relative path without `.md`, ignoring case. */
  path: (norm: string) => `p:${norm.toLowerCase()}`,
  /** A page's file name without `.md`, lower-case. */
  name: (lowerName: string) => `n:${lowerName}`,
  /** A title or alias, lower-case. */
  title: (lower: string) => `t:${lower}`,
  slug: (slug: string) => `s:${slug}`,
  /** A top-level folder. */
  kind: (kind: string) => `k:${kind}`,
  /** An attachment's path, and its file name, lower-case. */
  filePath: (path: string) => `fp:${path.toLowerCase()}`,
  fileName: (lowerName: string) => `f:${lowerName}`,
};

/** The keys a page answers to (each maps to the pages answering to it). */
export function pageKeys(page: PageData): string[] {
  const name = basename(page.id);
  const out = [keys.path(page.id), keys.name(name.toLowerCase())];
  const slug = normalSlug(name);
  if (slug) out.push(keys.slug(slug));
  for (const t of [page.title, ...page.aliases]) {
    const key = keys.title(t.trim().toLowerCase());
    if (!out.includes(key)) out.push(key);
  }
  return out;
}

export function fileKeys(path: string): string[] {
  return [keys.filePath(path), keys.fileName(basename(path).toLowerCase())];
}
