// The synthetic wiki generator behind every benchmark: deterministic for a
// given (pages, seed), with a manifest of the truth (true citation counts,
// stale pages, dangling links, totals) computed from the links as emitted.
//
//   const { files, manifest } = generateWiki({ pages: 1000 });
//   files.get('systems/kube-proxy.md')        // Markdown text
//   manifest.entities['systems/kube-proxy']   // { citedBy, count, declared, … }
//
// On disk (`writeWiki('/tmp/w10k', { pages: 10_000 })`) the layout is
//   /tmp/w10k/wiki/…           the wiki root (sources/, systems/, …, index.md, log.md)
//   /tmp/w10k/manifest.json    the manifest, beside the root and so never indexed
// Opening /tmp/w10k as a workspace finds the root as its `wiki/` subfolder.
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { buildCatalog } from './gen/catalog';
import { DEFAULT_KNOBS, type GenContext, type Knobs } from './gen/context';
import { EntityWriter, type EntityOutcome } from './gen/entity-page';
import { Ledger } from './gen/ledger';
import { LinkWriter } from './gen/links';
import { buildManifest, type WikiManifest } from './gen/manifest';
import { buildIndexPage, buildLogPage } from './gen/meta-pages';
import { SourceWriter } from './gen/source-page';
import { planSources } from './gen/source-meta';

export type { WikiManifest, EntityTruth } from './gen/manifest';

export const DEFAULT_SEED = 20251001;
/** The wiki root's folder name under the output directory. */
export const WIKI_FOLDER = 'wiki';
export const MANIFEST_FILE = 'manifest.json';

export interface GenerateOptions extends Partial<Knobs> {
  /** Total pages, meta pages included: 1000, 10000, 50000. */
  readonly pages: number;
  readonly seed?: number;
}

export interface GeneratedFile {
  /** Root-relative path: `systems/kube-proxy.md`. */
  readonly path: string;
  readonly content: string;
}

function createContext(options: GenerateOptions): GenContext {
  const seed = (options.seed ?? DEFAULT_SEED) >>> 0;
  const knobs: Knobs = { ...DEFAULT_KNOBS, ...definedKnobs(options) };
  const sourceCount = Math.round(options.pages * knobs.sourceShare);
  const entityCount = Math.max(1, options.pages - sourceCount - 2);
  const catalog = buildCatalog({ entities: entityCount, seed, zipfExponent: knobs.zipfExponent, uniformShare: 0.2 });
  const ledger = new Ledger(catalog);
  const companyNames = catalog.companies.map((index) => catalog.entities[index].title);
  const sources = planSources(catalog, sourceCount, seed);
  return { seed, knobs, catalog, ledger, links: new LinkWriter(ledger, catalog), sources, companyNames };
}

/** The knobs of `options` that are set: `{ pages, staleRate: undefined }` → `{}`. */
function definedKnobs(options: GenerateOptions): Partial<Knobs> {
  const knobs: Record<string, number> = {};
  for (const key of Object.keys(DEFAULT_KNOBS) as (keyof Knobs)[]) {
    const value = options[key];
    if (value !== undefined) knobs[key] = value;
  }
  return knobs;
}

/**
 * Yields the pages one by one (sources first, then entities, then meta pages)
 * and returns the manifest when done, so that callers can stream to disk.
 */
export function* wikiPages(options: GenerateOptions): Generator<GeneratedFile, WikiManifest> {
  if (!Number.isInteger(options.pages) || options.pages < 10) throw new Error(`pages must be an integer ≥ 10, got ${options.pages}`);
  const ctx = createContext(options);
  const record = (file: GeneratedFile): GeneratedFile => {
    ctx.ledger.addFile(file.path, file.content);
    return file;
  };
  for (let index = 0; index < ctx.sources.length; index++) yield record(new SourceWriter(ctx, index).build());
  const outcomes: EntityOutcome[] = [];
  for (let index = 0; index < ctx.catalog.entities.length; index++) {
    const { path, content, outcome } = new EntityWriter(ctx, index).build();
    outcomes.push(outcome);
    yield record({ path, content });
  }
  yield record(buildIndexPage(ctx));
  yield record(buildLogPage(ctx));
  return buildManifest(ctx, options.pages, outcomes, WIKI_FOLDER);
}

/** The whole wiki in memory (≈8.3 MB per 1000 pages). */
export function generateWiki(options: GenerateOptions): { files: Map<string, string>; manifest: WikiManifest } {
  const files = new Map<string, string>();
  const pages = wikiPages(options);
  for (let step = pages.next(); ; step = pages.next()) {
    if (step.done) return { files, manifest: step.value };
    files.set(step.value.path, step.value.content);
  }
}

export interface WrittenWiki {
  /** `<dir>/wiki` */
  readonly root: string;
  /** `<dir>/manifest.json` */
  readonly manifestPath: string;
  readonly manifest: WikiManifest;
}

/**
 * Writes `<dir>/wiki/…` page by page and then `<dir>/manifest.json`. With
 * `overwrite`, a wiki generated earlier in `dir` (recognised by its manifest)
 * is deleted first; any other existing `<dir>/wiki` is an error.
 */
export function writeWiki(dir: string, options: GenerateOptions, overwrite = false): WrittenWiki {
  const root = join(dir, WIKI_FOLDER);
  const manifestPath = join(dir, MANIFEST_FILE);
  clearPrevious(root, manifestPath, overwrite);
  const made = new Set<string>();
  const pages = wikiPages(options);
  for (let step = pages.next(); ; step = pages.next()) {
    if (step.done) {
      writeFileSync(manifestPath, JSON.stringify(step.value, null, 1) + '\n');
      return { root, manifestPath, manifest: step.value };
    }
    const file = join(root, step.value.path);
    const folder = dirname(file);
    if (!made.has(folder)) {
      mkdirSync(folder, { recursive: true });
      made.add(folder);
    }
    writeFileSync(file, step.value.content);
  }
}

function clearPrevious(root: string, manifestPath: string, overwrite: boolean): void {
  if (!existsSync(root)) return;
  const ours = existsSync(manifestPath) && /"format": "wiki-lsp-bench\//.test(readFileSync(manifestPath, 'utf8').slice(0, 200));
  if (!overwrite || !ours) {
    throw new Error(`${root} already exists${ours ? '; pass --force to replace it' : ' and was not made by this generator'}`);
  }
  rmSync(root, { recursive: true, force: true });
  rmSync(manifestPath, { force: true });
}
