// The ledger: the truth about the generated wiki, recorded as links are
// emitted (never by parsing). A source cites an entity as soon as one real
// link to it is written on the source page; dangling links and decoys are
// counted apart and cite nothing.
import type { Catalog } from './catalog';

/** How a link was written, as WIKI-FORMAT.md names the syntaxes. */
export type LinkSyntax = 'wikilink' | 'embed' | 'markdown' | 'reference' | 'definition' | 'bare' | 'frontmatter';

export type DecoyKind = 'inlineCode' | 'fencedCode' | 'indentedCode' | 'htmlComment' | 'url';

/** A link to a missing page: `{ page: 'sources/2024-…', target: 'systems/envoy-legacy', syntax: 'wikilink' }`. */
export interface DanglingLink {
  readonly page: string;
  /** The missing page's id, whatever the syntax: `../systems/x.md` is recorded as `systems/x`. */
  readonly target: string;
  readonly syntax: LinkSyntax;
}

/** The page being written: where its links are relative to, and what it has cited so far. */
export interface PageScope {
  /** `sources/2025-10-01-zentora-load-balancing` */
  readonly id: string;
  /** `sources`, `systems`, or `` for a meta page at the root. */
  readonly folder: string;
  /** Position among the sources, or -1 for entity and meta pages. */
  readonly sourceIndex: number;
  /** Entity indices with a real link on this page (filled only for sources). */
  readonly cited: Set<number>;
  /** Reference-style definitions to write at the page's end: label → destination. */
  readonly definitions: Map<string, string>;
}

export type LinkTarget = { readonly entity: number } | { readonly source: string } | { readonly ghost: string };

const zeroSyntaxCounts = (): Record<LinkSyntax, number> =>
  ({ wikilink: 0, embed: 0, markdown: 0, reference: 0, definition: 0, bare: 0, frontmatter: 0 });

export function newScope(id: string, sourceIndex: number): PageScope {
  const slash = id.indexOf('/');
  return { id, folder: slash < 0 ? '' : id.slice(0, slash), sourceIndex, cited: new Set(), definitions: new Map() };
}

export class Ledger {
  readonly linksBySyntax = zeroSyntaxCounts();
  readonly fallback = { fileName: 0, caseMismatch: 0 };
  linksToSources = 0;
  readonly decoys: Record<DecoyKind, number> = { inlineCode: 0, fencedCode: 0, indentedCode: 0, htmlComment: 0, url: 0 };
  readonly dangling: DanglingLink[] = [];
  /** Per entity index: the indices of the sources citing it, ascending. */
  readonly citations: number[][];
  readonly pagesByFolder = new Map<string, number>();
  bytes = 0;

  constructor(catalog: Catalog) {
    this.citations = catalog.entities.map(() => []);
  }

  link(scope: PageScope, syntax: LinkSyntax, target: LinkTarget): void {
    this.linksBySyntax[syntax]++;
    if ('ghost' in target) this.dangling.push({ page: scope.id, target: target.ghost, syntax });
    else if ('source' in target) this.linksToSources++;
    else if (scope.sourceIndex >= 0) scope.cited.add(target.entity);
  }

  decoy(kind: DecoyKind): void {
    this.decoys[kind]++;
  }

  /** Called once per source page, in source order, after its last link. */
  finishSource(scope: PageScope): void {
    for (const entity of scope.cited) this.citations[entity].push(scope.sourceIndex);
  }

  addFile(path: string, content: string): void {
    const slash = path.indexOf('/');
    const folder = slash < 0 ? '' : path.slice(0, slash);
    this.pagesByFolder.set(folder, (this.pagesByFolder.get(folder) ?? 0) + 1);
    this.bytes += Buffer.byteLength(content, 'utf8');
  }
}
