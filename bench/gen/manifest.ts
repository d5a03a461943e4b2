// The manifest: what a correct language server must find in the generated
// wiki, from the ledger (links as they were emitted), never from parsing.
import type { Catalog } from './catalog';
import type { GenContext, Knobs, SourceMeta } from './context';
import type { EntityOutcome, StaleRecord } from './entity-page';
import type { DanglingLink, DecoyKind, Ledger, LinkSyntax } from './ledger';

export interface EntityTruth {
  /** Distinct source pages citing the entity (ids, in source order): the true "Cited by N". */
  readonly citedBy: readonly string[];
  readonly count: number;
  /** The `cited_by` value on the page (also the body line's when `bodyCount`). */
  readonly declared: number;
  readonly bodyCount: boolean;
  /** Items in the page's "Seen in" section as written. */
  readonly seenInItems: number;
  /** Present only on stale pages: how the page departs from the truth. */
  readonly stale?: StaleRecord;
}

export interface WikiManifest {
  readonly format: 'wiki-lsp-bench/1';
  readonly options: { readonly pages: number; readonly seed: number } & Knobs;
  /** The wiki root, relative to the manifest file's folder. */
  readonly root: string;
  readonly totals: {
    readonly pages: number;
    readonly sources: number;
    readonly entities: number;
    readonly meta: number;
    /** UTF-8 bytes of all pages. */
    readonly bytes: number;
    /** Pages per top-level folder; `` is the root (meta pages). */
    readonly byFolder: Readonly<Record<string, number>>;
  };
  readonly links: {
    /** Every link to a page (entity, source or missing), decoys and external URLs excluded. */
    readonly total: number;
    /** A reference-style link counts once as `reference` and its definition once as `definition`. */
    readonly bySyntax: Readonly<Record<LinkSyntax, number>>;
    readonly toSources: number;
    readonly dangling: number;
    /**
     * Links that work only through a fallback step: `[[kube-proxy]]` (file name alone; found
     * by the relative, suffix or file-name step) and `[[Systems/Kube-Proxy]]` (case mismatch).
     */
    readonly fallback: { readonly fileName: number; readonly caseMismatch: number };
  };
  readonly decoys: Readonly<Record<DecoyKind, number>> & { readonly total: number };
  readonly citations: {
    /** Sum over entities of the true count. */
    readonly total: number;
    readonly mostCited: { readonly id: string; readonly count: number };
    readonly uncitedEntities: number;
  };
  /** Ids of entity pages whose count or "Seen in" list is wrong. */
  readonly stale: readonly string[];
  readonly dangling: readonly DanglingLink[];
  /** By entity id: `systems/kube-proxy`. */
  readonly entities: Readonly<Record<string, EntityTruth>>;
}

function entityTruths(catalog: Catalog, ledger: Ledger, sources: readonly SourceMeta[], outcomes: readonly EntityOutcome[]): Record<string, EntityTruth> {
  const truths: Record<string, EntityTruth> = {};
  for (const entity of catalog.entities) {
    const citing = ledger.citations[entity.index];
    const { declared, bodyCount, seenInItems, stale } = outcomes[entity.index];
    const truth = { citedBy: citing.map((source) => sources[source].id), count: citing.length, declared, bodyCount, seenInItems };
    truths[entity.id] = stale ? { ...truth, stale } : truth;
  }
  return truths;
}

function mostCited(catalog: Catalog, ledger: Ledger): { id: string; count: number } {
  let best = { id: '', count: -1 };
  for (const entity of catalog.entities) {
    const count = ledger.citations[entity.index].length;
    if (count > best.count) best = { id: entity.id, count };
  }
  return best;
}

export function buildManifest(ctx: GenContext, pages: number, outcomes: readonly EntityOutcome[], root: string): WikiManifest {
  const { catalog, ledger, sources } = ctx;
  const entities = entityTruths(catalog, ledger, sources, outcomes);
  const counts = Object.values(entities).map((truth) => truth.count);
  const decoyTotal = Object.values(ledger.decoys).reduce((sum, n) => sum + n, 0);
  return {
    format: 'wiki-lsp-bench/1',
    options: { pages, seed: ctx.seed, ...ctx.knobs },
    root,
    totals: {
      pages: sources.length + catalog.entities.length + 2, sources: sources.length, entities: catalog.entities.length, meta: 2,
      bytes: ledger.bytes, byFolder: Object.fromEntries([...ledger.pagesByFolder].sort()),
    },
    links: {
      total: Object.values(ledger.linksBySyntax).reduce((sum, n) => sum + n, 0),
      bySyntax: { ...ledger.linksBySyntax }, toSources: ledger.linksToSources,
      dangling: ledger.dangling.length, fallback: { ...ledger.fallback },
    },
    decoys: { ...ledger.decoys, total: decoyTotal },
    citations: { total: counts.reduce((sum, n) => sum + n, 0), mostCited: mostCited(catalog, ledger), uncitedEntities: counts.filter((n) => n === 0).length },
    stale: catalog.entities.filter((entity) => outcomes[entity.index].stale).map((entity) => entity.id),
    dangling: ledger.dangling,
    entities,
  };
}
