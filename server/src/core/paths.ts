// `/`-separated paths relative to the wiki root. A path that climbs above
// the root keeps its leading `../` so that the boundary check can see it.

/** `systems/./a/../b.md` → `systems/b.md`; `../x` stays `../x`. */
export function normalizePath(path: string): string {
  if (path.indexOf('.') === -1 && path.indexOf('//') === -1 && path.charCodeAt(0) !== 47 && path.charCodeAt(path.length - 1) !== 47) return path;
  const out: string[] = [];
  let ups = 0;
  for (const seg of path.split('/')) {
    if (seg === '' || seg === '.') continue;
    if (seg === '..') {
      if (out.length > 0) out.pop();
      else ups++;
    } else out.push(seg);
  }
  return '../'.repeat(ups) + out.join('/');
}

/** `systems/x.md` → `systems`; `x.md` → ``. */
export function dirname(path: string): string {
  const i = path.lastIndexOf('/');
  return i === -1 ? '' : path.slice(0, i);
}

/** `systems/kube-proxy.md` → `kube-proxy.md`. */
export function basename(path: string): string {
  return path.slice(path.lastIndexOf('/') + 1);
}

export function joinPath(dir: string, rel: string): string {
  return normalizePath(dir ? `${dir}/${rel}` : rel);
}

export const isMarkdownPath = (path: string): boolean => /\.md$/i.test(path);

export const stripMd = (path: string): string => path.replace(/\.md$/i, '');

/** Climbs above the wiki root: `../x`, `..`. */
export const climbs = (normalized: string): boolean => normalized === '..' || normalized.startsWith('../');

/**
 * Whether a root-relative path stays inside the boundary: the vault root
 * when `vaultPrefix` (the wiki root's path inside the vault, e.g. `wiki`)
 * is set, else the wiki root.
 */
export function insideBoundary(normalized: string, vaultPrefix: string): boolean {
  if (!climbs(normalized)) return true;
  if (!vaultPrefix) return false;
  return !climbs(normalizePath(`${vaultPrefix}/${normalized}`));
}

/** A vault-relative path as a wiki-relative one: `wiki/systems/x` → `systems/x`, `raw/a.pdf` → `../raw/a.pdf`. */
export function fromVault(vaultPath: string, vaultPrefix: string): string {
  const norm = normalizePath(vaultPath);
  if (norm.startsWith(`${vaultPrefix}/`)) return norm.slice(vaultPrefix.length + 1);
  return normalizePath(`${'../'.repeat(vaultPrefix.split('/').length)}${norm}`);
}

/** The relative path from page `from` to root-relative `to`: (`systems/a.md`, `concepts/b.md`) → `../concepts/b.md`. */
export function relativePath(from: string, to: string): string {
  const a = dirname(from).split('/').filter(Boolean);
  const b = to.split('/');
  let i = 0;
  while (i < a.length && i < b.length - 1 && a[i] === b[i]) i++;
  return '../'.repeat(a.length - i) + b.slice(i).join('/');
}

/** File extensions of attachments: a link to `x.png` is a file link even when nothing exists. */
export const ATTACHMENT = /\.(png|jpe?g|gif|svg|webp|bmp|ico|avif|pdf|mp4|webm|mov|mp3|wav|ogg|m4a|csv|tsv|json|ya?ml|txt|zip|gz|canvas|excalidraw|drawio|html?)$/i;
