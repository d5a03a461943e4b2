// What every page builder shares: the knobs, the catalog, the ledger, the
// link writer, and the list of source pages (decided up front, so that an
// entity's "Seen in" list and a source's `sources:` list can name any of them).
import type { Catalog } from './catalog';
import type { Ledger } from './ledger';
import type { LinkWriter } from './links';

export interface Knobs {
  /** Share of pages that are sources: 0.55. */
  readonly sourceShare: number;
  /** Share of body links (prose, lists, tables) that are dangling; 0.05 makes ≈3% of all links. */
  readonly danglingRate: number;
  /** Share of entity pages with a stale count and/or an inconsistent "Seen in" list: 0.1. */
  readonly staleRate: number;
  /** Share of sources with decoys (link-like text in code, comments, URLs): 0.6. */
  readonly decoyRate: number;
  /** Exponent of the entity popularity law (weight 1/(rank+2)^s): 1. */
  readonly zipfExponent: number;
  /** Mean number of distinct entities a source links in its body: 11. */
  readonly entitiesPerSource: number;
  /** Multiplies the number of prose sentences, to tune page sizes: 1. */
  readonly proseScale: number;
}

export const DEFAULT_KNOBS: Knobs = {
  sourceShare: 0.55,
  danglingRate: 0.05,
  staleRate: 0.1,
  decoyRate: 0.6,
  zipfExponent: 1,
  entitiesPerSource: 11,
  proseScale: 1,
};

/** A source page's identity, fixed before any page is written. */
export interface SourceMeta {
  /** `sources/2025-10-01-how-zentora-rebuilt-intelligent-load-balancing` */
  readonly id: string;
  /** `2025-10-01` */
  readonly date: string;
  readonly title: string;
  /** `Zentora` or a publication such as `InfoQ`. */
  readonly publisher: string;
  /** The company entity that published it, or -1. */
  readonly publisherEntity: number;
}

export interface GenContext {
  readonly seed: number;
  readonly knobs: Knobs;
  readonly catalog: Catalog;
  readonly ledger: Ledger;
  readonly links: LinkWriter;
  readonly sources: readonly SourceMeta[];
  /** Plain company names for prose. */
  readonly companyNames: readonly string[];
}
