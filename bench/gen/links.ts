// Writing links: each call renders one link in a syntax picked by weight and
// records it in the ledger. From `sources/a.md`, entity `systems/kube-proxy`
// may come out as `[[systems/kube-proxy]]`, `[[systems/kube-proxy|Kube Proxy]]`,
// `[[systems/kube-proxy#Overview]]`, `[Kube Proxy](../systems/kube-proxy.md)`,
// `[Kube Proxy][kube-proxy]` (+ a definition), `Kube Proxy (see
// systems/kube-proxy)`, or by fallback rules `[[kube-proxy]]` (file name) and
// `[[Systems/Kube-Proxy]]` (case mismatch).
import type { Catalog, Entity } from './catalog';
import type { Ledger, PageScope } from './ledger';
import type { Rng } from './prng';

/** Where the link stands: prose allows every syntax, tables need `\|` in wikilink labels. */
export type Place = 'prose' | 'list' | 'table';

type Form = 'wikilink' | 'label' | 'anchor' | 'markdown' | 'reference' | 'bare' | 'fileName' | 'caseMismatch';

const FORM_WEIGHTS: Readonly<Record<Place, Partial<Record<Form, number>>>> = {
  prose: { wikilink: 44, label: 16, anchor: 5, markdown: 14, reference: 5, bare: 13, fileName: 1.5, caseMismatch: 1.5 },
  list: { wikilink: 62, label: 12, anchor: 3, markdown: 14, bare: 7, fileName: 1, caseMismatch: 1 },
  table: { label: 55, wikilink: 25, markdown: 20 },
};

/** `Systems/Kube-Proxy` for `systems/kube-proxy`. */
export function caseMismatched(id: string): string {
  return id.replace(/(^|[/-])([a-z])/g, (_, before: string, letter: string) => before + letter.toUpperCase());
}

/** GitHub-style slug of one of the anchors entity pages carry: `Seen in` → `seen-in`. */
const anchorSlug = (heading: string): string => heading.toLowerCase().replace(/\s+/g, '-');

export class LinkWriter {
  constructor(
    private readonly ledger: Ledger,
    private readonly catalog: Catalog,
  ) {}

  /** A link to entity `index`, in a syntax chosen for `place`. */
  entity(scope: PageScope, rng: Rng, index: number, place: Place): string {
    const entity = this.catalog.entities[index];
    const form = rng.weighted(FORM_WEIGHTS[place] as Record<Form, number>);
    const bar = place === 'table' ? '\\|' : '|';
    const target = { entity: index };
    switch (form) {
      case 'wikilink':
      case 'fileName':
      case 'caseMismatch':
        return this.wikilink(scope, form, entity);
      case 'label':
        this.ledger.link(scope, 'wikilink', target);
        return `[[${entity.id}${bar}${rng.chance(0.7) ? entity.title : entity.slug}]]`;
      case 'anchor':
        this.ledger.link(scope, 'wikilink', target);
        return rng.chance(0.7) ? `[[${entity.id}#${entity.anchor}]]` : `[[${entity.id}#${entity.anchor}${bar}${entity.title}]]`;
      case 'markdown':
        this.ledger.link(scope, 'markdown', target);
        return `[${entity.title}](${this.markdownDestination(scope, rng, entity)})`;
      case 'reference':
        return this.reference(scope, entity);
      case 'bare':
        this.ledger.link(scope, 'bare', target);
        return place === 'prose' ? `${entity.title} (see ${entity.id})` : entity.id;
    }
  }

  /** An embed on a line of its own: `![[systems/kube-proxy]]`. */
  embed(scope: PageScope, index: number): string {
    this.ledger.link(scope, 'embed', { entity: index });
    return `![[${this.catalog.entities[index].id}]]`;
  }

  /** A link to a page that does not exist: `[[systems/envoy-legacy]]` or `[Envoy Legacy](../systems/envoy-legacy.md)`. */
  ghost(scope: PageScope, rng: Rng, place: Place): string {
    const id = this.catalog.sampleGhost(rng);
    const title = id.slice(id.lastIndexOf('/') + 1).split('-').join(' ');
    if (rng.chance(0.3)) {
      this.ledger.link(scope, 'markdown', { ghost: id });
      return `[${title}](${scope.folder ? '../' : ''}${id}.md)`;
    }
    this.ledger.link(scope, 'wikilink', { ghost: id });
    return rng.chance(0.2) ? `[[${id}${place === 'table' ? '\\|' : '|'}${title}]]` : `[[${id}]]`;
  }

  /** A link to another source page, which is never a citation: `[[sources/2024-…]]`. */
  source(scope: PageScope, sourceId: string): string {
    this.ledger.link(scope, 'wikilink', { source: sourceId });
    return `[[${sourceId}]]`;
  }

  /** One item of a frontmatter link list: `systems/x`, `systems/x.md`, `"[[systems/x]]"` or `x`. */
  frontmatterItem(scope: PageScope, rng: Rng, index: number): string {
    const entity = this.catalog.entities[index];
    this.ledger.link(scope, 'frontmatter', { entity: index });
    const form = rng.weighted({ id: 70, path: 10, wikilink: 12, label: 4, fileName: 4 });
    if (form === 'fileName') this.ledger.fallback.fileName++;
    if (form === 'path') return `${entity.id}.md`;
    if (form === 'wikilink') return `"[[${entity.id}]]"`;
    if (form === 'label') return `"[[${entity.id}|${entity.title}]]"`;
    return form === 'fileName' ? entity.slug : entity.id;
  }

  /** A frontmatter item naming another source: `sources/2024-…`. */
  frontmatterSource(scope: PageScope, sourceId: string): string {
    this.ledger.link(scope, 'frontmatter', { source: sourceId });
    return sourceId;
  }

  /** The reference definitions the page used, one per line: `[kube-proxy]: ../systems/kube-proxy.md`. */
  definitions(scope: PageScope): string {
    return [...scope.definitions].map(([label, destination]) => `[${label}]: ${destination}\n`).join('');
  }

  private wikilink(scope: PageScope, form: 'wikilink' | 'fileName' | 'caseMismatch', entity: Entity): string {
    this.ledger.link(scope, 'wikilink', { entity: entity.index });
    if (form === 'fileName') this.ledger.fallback.fileName++;
    if (form === 'caseMismatch') this.ledger.fallback.caseMismatch++;
    if (form === 'fileName') return `[[${entity.slug}]]`;
    return form === 'caseMismatch' ? `[[${caseMismatched(entity.id)}]]` : `[[${entity.id}]]`;
  }

  /** `[Kube Proxy][kube-proxy]`; the first use on a page also adds its definition. */
  private reference(scope: PageScope, entity: Entity): string {
    const target = { entity: entity.index };
    if (!scope.definitions.has(entity.slug)) {
      scope.definitions.set(entity.slug, this.relative(scope, entity.id));
      this.ledger.link(scope, 'definition', target);
    }
    this.ledger.link(scope, 'reference', target);
    return `[${entity.title}][${entity.slug}]`;
  }

  private markdownDestination(scope: PageScope, rng: Rng, entity: Entity): string {
    const roll = rng.float();
    const relative = this.relative(scope, entity.id);
    if (roll < 0.08) return `${relative}#${anchorSlug(entity.anchor)}`;
    if (roll < 0.1) return `/${entity.id}.md`;
    if (roll < 0.15) return `<${relative}>`;
    return relative;
  }

  /** `../systems/x.md` from a page in a folder, `systems/x.md` from the root. */
  private relative(scope: PageScope, id: string): string {
    return `${scope.folder ? '../' : ''}${id}.md`;
  }
}
