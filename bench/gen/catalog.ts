// The entity catalog: every entity page's id, title, aliases and popularity,
// decided before any page is written, plus the pool of missing pages that
// dangling links point at. Slugs are unique across all kinds, so a link by
// file name alone (`[[kube-proxy]]`) always resolves to exactly one page.
import { Rng } from './prng';
import * as V from './vocab';

export type EntityKind = 'systems' | 'concepts' | 'patterns' | 'companies' | 'people';

export const KIND_SHARE: Readonly<Record<EntityKind, number>> = {
  systems: 0.4, concepts: 0.24, patterns: 0.14, companies: 0.14, people: 0.08,
};

export const KIND_TYPE: Readonly<Record<EntityKind, string>> = {
  systems: 'system', concepts: 'concept', patterns: 'pattern', companies: 'company', people: 'person',
};

export interface Entity {
  readonly index: number;
  readonly kind: EntityKind;
  /** `kube-proxy` */
  readonly slug: string;
  /** `systems/kube-proxy` */
  readonly id: string;
  /** `Kube Proxy` */
  readonly title: string;
  /** `['KP']`, unique ignoring case across titles, aliases and file names. */
  readonly aliases: readonly string[];
  readonly stub: boolean;
  /** A heading the page surely has, for `[[id#Heading]]` links: `Overview` or `Seen in`. */
  readonly anchor: string;
}

export interface Catalog {
  readonly entities: readonly Entity[];
  readonly companies: readonly number[];
  /** Missing page ids (`systems/envoy-legacy`, `concepts/kube-proxy`), never the id of a page. */
  readonly ghosts: readonly string[];
  /** An entity index, Zipf-like: a few entities are drawn very often. */
  sampleEntity(rng: Rng): number;
  sampleGhost(rng: Rng): string;
}

export interface CatalogOptions {
  readonly entities: number;
  readonly seed: number;
  readonly zipfExponent: number;
  /** Share of draws that ignore popularity, so that tail entities get some citations. */
  readonly uniformShare: number;
}

/** Draws ranks 0..n-1 with weight 1/(rank + offset)^exponent. */
export class ZipfSampler {
  private readonly cumulative: Float64Array;

  constructor(n: number, exponent: number, offset: number) {
    this.cumulative = new Float64Array(n);
    let total = 0;
    for (let rank = 0; rank < n; rank++) this.cumulative[rank] = total += 1 / Math.pow(rank + offset, exponent);
  }

  sample(rng: Rng): number {
    const cumulative = this.cumulative;
    const roll = rng.float() * cumulative[cumulative.length - 1];
    let low = 0;
    let high = cumulative.length - 1;
    while (low < high) {
      const mid = (low + high) >> 1;
      if (cumulative[mid] > roll) high = mid;
      else low = mid + 1;
    }
    return low;
  }
}

export function titleCase(slug: string): string {
  return slug.split('-').map((word) => word.charAt(0).toUpperCase() + word.slice(1)).join(' ');
}

/** One candidate slug for a kind; `attempt` grows the name space as collisions mount. */
function candidateSlug(rng: Rng, kind: EntityKind, attempt: number): string {
  const long = rng.chance(Math.min(0.95, 0.35 + attempt * 0.1));
  switch (kind) {
    case 'systems':
      return long ? `${rng.pick(V.SYSTEM_PREFIX)}-${rng.pick(V.SYSTEM_MID)}-${rng.pick(V.SYSTEM_SUFFIX)}` : `${rng.pick(V.SYSTEM_PREFIX)}-${rng.pick(V.SYSTEM_SUFFIX)}`;
    case 'concepts':
      return `${long ? rng.pick(V.CONCEPT_DOMAIN) + '-' : ''}${rng.pick(V.CONCEPT_MODIFIER)}-${rng.pick(V.CONCEPT_NOUN)}`;
    case 'patterns':
      return `${rng.pick(V.PATTERN_QUALIFIER)}-${long ? rng.pick(V.PATTERN_OBJECT) + '-' : ''}${rng.pick(V.PATTERN_ACTION)}`;
    case 'companies':
      return `${rng.pick(V.COMPANY_HEAD)}${rng.pick(V.COMPANY_TAIL)}${long ? rng.pick(V.COMPANY_SUFFIX) : ''}`;
    case 'people':
      return `${rng.pick(V.FIRST_NAMES)}-${long ? String.fromCharCode(97 + rng.int(26)) + '-' : ''}${rng.pick(V.LAST_NAMES)}`;
  }
}

/** A slug not yet in `taken` (which it joins); after many collisions a number is appended. */
function uniqueSlug(rng: Rng, kind: EntityKind, taken: Set<string>): string {
  for (let attempt = 0; ; attempt++) {
    let slug = candidateSlug(rng, kind, attempt);
    if (attempt > 40) slug += `-${attempt}`;
    if (!taken.has(slug)) {
      taken.add(slug);
      return slug;
    }
  }
}

/** `layer-7-load-balancing` → `L7LB`-like acronym `LLB`, when unused; else no alias. */
function aliasFor(rng: Rng, slug: string, taken: Set<string>): string[] {
  const parts = slug.split('-');
  if (parts.length < 2 || !rng.chance(0.15)) return [];
  const acronym = parts.map((part) => part.charAt(0).toUpperCase()).join('');
  const alias = rng.chance(0.5) ? acronym : `${acronym}${rng.range(2, 9)}`;
  if (taken.has(alias.toLowerCase())) return [];
  taken.add(alias.toLowerCase());
  return [alias];
}

function kindsInOrder(count: number, rng: Rng): EntityKind[] {
  const kinds: EntityKind[] = [];
  for (const [kind, share] of Object.entries(KIND_SHARE) as [EntityKind, number][]) {
    for (let i = Math.round(count * share); i > 0 && kinds.length < count; i--) kinds.push(kind);
  }
  while (kinds.length < count) kinds.push('systems');
  return rng.shuffle(kinds);
}

function buildEntities(options: CatalogOptions, rng: Rng, taken: Set<string>): Entity[] {
  const kinds = kindsInOrder(options.entities, rng);
  const names = new Set<string>(['index', 'log']);
  const entities: Entity[] = [];
  for (let index = 0; index < kinds.length; index++) {
    const kind = kinds[index];
    const slug = uniqueSlug(rng, kind, names);
    const title = titleCase(slug);
    taken.add(slug).add(title.toLowerCase());
    const stub = rng.chance(0.25);
    entities.push({ index, kind, slug, id: `${kind}/${slug}`, title, aliases: [], stub, anchor: stub ? 'Seen in' : 'Overview' });
  }
  for (const [index, entity] of entities.entries()) entities[index] = { ...entity, aliases: aliasFor(rng, entity.slug, taken) };
  return entities;
}

/** Missing pages: a page that moved (`concepts/kube-proxy`), a never-written one, a lost source. */
function buildGhosts(entities: readonly Entity[], rng: Rng, ids: Set<string>): string[] {
  const ghosts: string[] = [];
  const wanted = Math.max(10, Math.round(entities.length / 12));
  const kinds = Object.keys(KIND_SHARE) as EntityKind[];
  while (ghosts.length < wanted) {
    const base = rng.pick(entities);
    const roll = rng.float();
    const id = roll < 0.25 ? `${rng.pick(kinds.filter((kind) => kind !== base.kind))}/${base.slug}`
      : roll < 0.35 ? `sources/20${rng.range(18, 25)}-0${rng.range(1, 9)}-1${rng.range(0, 9)}-${base.slug}-${rng.pick(V.GHOST_WORDS)}`
      : `${base.kind}/${base.slug}-${rng.pick(V.GHOST_WORDS)}`;
    if (ids.has(id)) continue;
    ids.add(id);
    ghosts.push(id);
  }
  return ghosts;
}

export function buildCatalog(options: CatalogOptions): Catalog {
  const rng = Rng.for(options.seed, 'catalog');
  const taken = new Set<string>(['index', 'log']);
  const entities = buildEntities(options, rng, taken);
  const ids = new Set(entities.map((entity) => entity.id));
  const ghosts = buildGhosts(entities, rng, ids);
  const byRank = rng.shuffle(entities.map((entity) => entity.index));
  const entityRanks = new ZipfSampler(entities.length, options.zipfExponent, 2);
  const ghostRanks = new ZipfSampler(ghosts.length, 1, 1);
  return {
    entities,
    companies: entities.filter((entity) => entity.kind === 'companies').map((entity) => entity.index),
    ghosts,
    sampleEntity: (draw) => (draw.chance(options.uniformShare) ? draw.int(entities.length) : byRank[entityRanks.sample(draw)]),
    sampleGhost: (draw) => ghosts[ghostRanks.sample(draw)],
  };
}
