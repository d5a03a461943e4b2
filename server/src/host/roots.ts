// Where a wiki is: the wiki root (the workspace folder, or its `wiki/`
// subfolder when the kind folders are there, or what `.wiki-lsp.json` says),
// the vault root above it (where `.obsidian/` is), and its settings.
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { CONFIG_FILE, DEFAULT_CONFIG, parseConfig, type ConfigProblem, type WikiConfig } from '../core/config';

export interface WikiLocation {
  /** Absolute wiki root. */
  readonly root: string;
  /** Absolute vault root, when there is one above the wiki root. */
  readonly vault?: string;
  /** The wiki root's path inside the vault (`wiki`), `` when there is no vault. */
  readonly vaultPrefix: string;
  readonly config: WikiConfig;
  /** The settings file used, if any, and what is wrong with it. */
  readonly configFile?: string;
  readonly configProblems: readonly ConfigProblem[];
}

const isDir = (p: string): boolean => {
  try {
    return statSync(p).isDirectory();
  } catch {
    return false;
  }
};

/** A folder's kind folders: its subfolders with a Markdown file directly in them. */
function kindFolders(dir: string): string[] {
  try {
    return readdirSync(dir, { withFileTypes: true })
      .filter((e) => e.isDirectory() && !e.name.startsWith('.') && readdirSync(join(dir, e.name)).some((f) => f.toLowerCase().endsWith('.md')))
      .map((e) => e.name);
  } catch {
    return [];
  }
}

/** `wiki/` is the root when the kind folders are there: the folder has no others, or `wiki/` holds a source folder. */
function wikiSubfolderIsRoot(folder: string, config: WikiConfig): boolean {
  const inside = kindFolders(join(folder, 'wiki'));
  if (inside.length === 0) return false;
  const outside = kindFolders(folder).filter((k) => k !== 'wiki');
  return outside.length === 0 || inside.some((k) => config.sourceFolders.includes(k));
}

/** Finds the wiki of a workspace folder. `editorConfig` supplies conventions when there is no settings file. */
export function locateWiki(folder: string, editorConfig: WikiConfig = DEFAULT_CONFIG): WikiLocation {
  const configFile = [join(folder, CONFIG_FILE), join(folder, 'wiki', CONFIG_FILE)].find((p) => existsSync(p));
  let config = editorConfig;
  let problems: ConfigProblem[] = [];
  if (configFile) {
    const text = readFileSync(configFile, 'utf8');
    ({ config, problems } = parseConfig(text, editorConfig));
  }
  const base = configFile ? dirname(configFile) : folder;
  let root = resolve(base, config.root);
  if (!configFile && isDir(join(folder, 'wiki')) && wikiSubfolderIsRoot(folder, config)) root = join(folder, 'wiki');
  const vault = config.vaultRoot ? resolve(base, config.vaultRoot) : findVault(root, folder);
  const vaultPrefix = vault && vault !== root ? relative(vault, root).split(sep).join('/') : '';
  const safeVault = vaultPrefix && !vaultPrefix.startsWith('..') ? vault : undefined;
  return { root, vault: safeVault, vaultPrefix: safeVault ? vaultPrefix : '', config, configFile, configProblems: problems };
}

/** The nearest folder above the wiki root, up to the workspace folder, that holds `.obsidian/`. */
function findVault(root: string, folder: string): string | undefined {
  let dir = dirname(root);
  const stop = resolve(folder, '..');
  while (dir.length >= folder.length && dir !== stop) {
    if (isDir(join(dir, '.obsidian'))) return dir;
    const up = dirname(dir);
    if (up === dir) break;
    dir = up;
  }
  return undefined;
}
