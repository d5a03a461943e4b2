// A source page: frontmatter (url, date, publisher, summary, sometimes
// `related:` and `sources:` link lists), a title, an intro and 5–7 sections
// of prose, lists and tables that link the entities the article is about,
// a few dangling links, and sometimes decoys that must not count:
//   ---
//   url: https://zentora.example.com/blog/how-zentora-rebuilt-gpu-scheduling
//   date: 2024-03-07
//   publisher: Zentora
//   summary: "…"
//   related: [systems/kube-proxy, "[[concepts/tail-latency]]"]
//   ---
//   # How Zentora rebuilt GPU scheduling
import type { GenContext, SourceMeta } from './context';
import { newScope, type PageScope } from './ledger';
import type { Place } from './links';
import { Prose } from './prose';
import { Rng } from './prng';
import { BLOCK_DECOYS, pickDecoyKind, writeDecoy } from './decoys';
import { slugify } from './source-meta';
import * as V from './vocab';

/** A queue entry standing for a dangling link rather than an entity. */
const GHOST = -1;

interface SourcePlan {
  /** Distinct entities the body links, each one or more times. */
  readonly body: readonly number[];
  /** Entities of the frontmatter `related:` list: some from the body, some only there. */
  readonly related: readonly number[];
  /** Entities the page never links, for decoys. */
  readonly decoyTargets: readonly number[];
}

function distinctEntities(ctx: GenContext, rng: Rng, count: number, exclude: ReadonlySet<number>): number[] {
  const picked = new Set<number>();
  for (let tries = 0; picked.size < count && tries < count * 20; tries++) {
    const entity = ctx.catalog.sampleEntity(rng);
    if (!exclude.has(entity)) picked.add(entity);
  }
  return [...picked];
}

function planSource(ctx: GenContext, rng: Rng, meta: SourceMeta): SourcePlan {
  const mean = ctx.knobs.entitiesPerSource;
  const body = distinctEntities(ctx, rng, rng.range(Math.ceil(mean * 0.35), Math.floor(mean * 1.65)), new Set());
  if (meta.publisherEntity >= 0 && !body.includes(meta.publisherEntity) && rng.chance(0.8)) body.push(meta.publisherEntity);
  let related: number[] = [];
  if (rng.chance(0.35)) {
    const extra = distinctEntities(ctx, rng, rng.range(0, 2), new Set(body));
    related = [...rng.shuffle([...body]).slice(0, rng.range(0, 2)), ...extra];
  }
  const linked = new Set([...body, ...related]);
  const decoyTargets = rng.chance(ctx.knobs.decoyRate) ? distinctEntities(ctx, rng, rng.range(1, 3), linked) : [];
  return { body, related, decoyTargets };
}

export class SourceWriter {
  private readonly rng: Rng;
  private readonly scope: PageScope;
  private readonly prose: Prose;
  private readonly meta: SourceMeta;
  private readonly plan: SourcePlan;
  private readonly queue: number[] = [];
  private readonly decoys: string[][] = [];

  constructor(private readonly ctx: GenContext, private readonly index: number) {
    this.rng = Rng.for(ctx.seed, 'source', index);
    this.meta = ctx.sources[index];
    this.scope = newScope(this.meta.id, index);
    this.prose = new Prose(this.rng, ctx.companyNames);
    this.plan = planSource(ctx, this.rng, this.meta);
    this.fillQueue();
  }

  /** The page's Markdown; call once. Records the page's citations in the ledger. */
  build(): { path: string; content: string } {
    const rng = this.rng;
    const sectionCount = rng.range(5, 7);
    this.assignDecoys(sectionCount + 1);
    const blocks = [this.frontmatter(), `# ${this.meta.title}`, this.intro(), ...this.decoys[0]];
    for (let section = 1; section <= sectionCount; section++) blocks.push(...this.section(section));
    if (this.queue.length > 0) blocks.push('## Also mentioned', this.list(this.queue.length));
    const definitions = this.ctx.links.definitions(this.scope);
    this.ctx.ledger.finishSource(this.scope);
    return { path: `${this.meta.id}.md`, content: blocks.join('\n\n') + '\n' + (definitions ? `\n${definitions}` : '') };
  }

  /** Each body entity 1–3 times, plus dangling entries at the configured rate, shuffled. */
  private fillQueue(): void {
    const rng = this.rng;
    for (const entity of this.plan.body) {
      const mentions = 1 + (rng.chance(0.5) ? 1 : 0) + (rng.chance(0.2) ? 1 : 0);
      for (let i = 0; i < mentions; i++) this.queue.push(entity);
    }
    const rate = this.ctx.knobs.danglingRate;
    const ghosts = rng.roundRandom((this.queue.length * rate) / (1 - rate));
    for (let i = 0; i < ghosts; i++) this.queue.push(GHOST);
    rng.shuffle(this.queue);
  }

  private assignDecoys(blockCount: number): void {
    for (let i = 0; i < blockCount; i++) this.decoys.push([]);
    for (const target of this.plan.decoyTargets) {
      const kind = pickDecoyKind(this.rng);
      const text = writeDecoy(this.rng, this.ctx.ledger, kind, this.ctx.catalog.entities[target]);
      const block = this.decoys[this.rng.int(blockCount)];
      // An indented block right after a list would continue the list item, so a paragraph goes first.
      if (kind === 'indentedCode') block.push(this.prose.paragraph([], 2), text);
      else if (BLOCK_DECOYS.has(kind)) block.push(text);
      else block.push(this.prose.paragraph([], 2) + ' ' + text);
    }
  }

  private frontmatter(): string {
    const { rng, meta } = this;
    const lines = ['---'];
    if (rng.chance(0.5)) lines.push('type: source');
    if (rng.chance(0.6)) lines.push(`title: ${JSON.stringify(meta.title)}`);
    const host = meta.publisherEntity >= 0 ? this.ctx.catalog.entities[meta.publisherEntity].slug : slugify(meta.publisher);
    lines.push(`url: https://${host}.example.com/blog/${slugify(meta.title)}`, `date: ${meta.date}`);
    lines.push(`publisher: ${JSON.stringify(meta.publisher)}`, `summary: ${JSON.stringify(this.prose.sentence())}`);
    if (rng.chance(0.4)) lines.push(`tags: [${rng.shuffle([...V.TAGS]).slice(0, rng.range(1, 3)).join(', ')}]`);
    const related = this.plan.related.map((entity) => this.ctx.links.frontmatterItem(this.scope, rng, entity));
    if (related.length > 0) lines.push(...yamlList('related', related, rng));
    if (this.index > 0 && rng.chance(0.1)) {
      const earlier = Array.from({ length: rng.range(1, 3) }, () => this.ctx.sources[rng.int(this.index)].id);
      lines.push(...yamlList('sources', [...new Set(earlier)].map((id) => this.ctx.links.frontmatterSource(this.scope, id)), rng));
    }
    lines.push('---');
    return lines.join('\n');
  }

  private intro(): string {
    let text = this.paragraph(this.rng.range(3, 5));
    if (this.index > 0 && this.rng.chance(0.12)) {
      const earlier = this.ctx.sources[this.rng.int(this.index)].id;
      text += ` This is a follow-up to ${this.ctx.links.source(this.scope, earlier)}, which covered the first phase.`;
    }
    return text;
  }

  private section(section: number): string[] {
    const rng = this.rng;
    const blocks = [`## ${rng.pick(V.SOURCE_HEADINGS)}`];
    const paragraphs = Math.max(1, Math.round(rng.range(1, 3) * this.ctx.knobs.proseScale));
    for (let i = 0; i < paragraphs; i++) blocks.push(this.paragraph(rng.range(4, 7)));
    if (rng.chance(0.3)) blocks.push(this.list(rng.range(2, 4)));
    if (rng.chance(0.08)) blocks.push(this.table(rng.range(2, 4)));
    if (rng.chance(0.03) && this.plan.body.length > 0) blocks.push(this.ctx.links.embed(this.scope, rng.pick(this.plan.body)));
    blocks.push(...this.decoys[section]);
    return blocks;
  }

  private paragraph(sentences: number): string {
    const take = Math.min(this.queue.length, this.rng.range(0, 3));
    const mentions = Array.from({ length: take }, () => this.nextLink('prose'));
    return this.prose.paragraph(mentions, Math.max(sentences, take));
  }

  private list(items: number): string {
    return bulletList(items, this.rng, this.prose, () => (this.queue.length > 0 ? this.nextLink('list') : undefined));
  }

  private table(rows: number): string {
    const lines = ['| Component | Role | Scale |', '|---|---|---|'];
    for (let i = 0; i < rows; i++) {
      const head = this.queue.length > 0 ? this.nextLink('table') : this.rng.pick(V.TECH_PHRASES);
      lines.push(`| ${head} | ${this.prose.clause()} | ${this.rng.range(2, 900) * 10} ${this.rng.pick(V.UNITS)} |`);
    }
    return lines.join('\n');
  }

  private nextLink(place: Place): string {
    const entry = this.queue.pop()!;
    return entry === GHOST ? this.ctx.links.ghost(this.scope, this.rng, place) : this.ctx.links.entity(this.scope, this.rng, entry, place);
  }
}

/** `related: [a, b]` or a block list, as hand-written frontmatter varies. */
export function yamlList(key: string, items: readonly string[], rng: Rng): string[] {
  if (rng.chance(0.6)) return [`${key}: [${items.join(', ')}]`];
  return [`${key}:`, ...items.map((item) => `  - ${item}`)];
}

/**
 * `- [[systems/x]] — cut p99 latency by 40% for 3,000 pods.` per item, the
 * link from `nextLink`; once it has none left, items link nothing.
 */
export function bulletList(items: number, rng: Rng, prose: Prose, nextLink: () => string | undefined): string {
  const lines: string[] = [];
  for (let i = 0; i < items; i++) {
    const head = nextLink() ?? `**${rng.pick(V.TECH_PHRASES)}**`;
    lines.push(`- ${head} — ${prose.clause()}.`);
  }
  return lines.join('\n');
}
