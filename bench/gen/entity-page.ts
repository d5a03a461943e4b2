// An entity page, written after every source so that its count and "Seen in"
// list can be true — or, for about one page in ten, deliberately stale:
//   ---
//   type: system
//   title: Kube Proxy
//   cited_by: 8
//   ---
//   # Kube Proxy
//   Kube Proxy is a stateless system that … Stub page — expand as sources cite it.
//   ## Overview … (non-stubs: prose and lists linking related entities)
//   ## Seen in
//   - [[sources/2025-10-01-…]] — Zentora runs thousands of pods on Kube Proxy, …
import { KIND_TYPE, type Entity } from './catalog';
import type { GenContext } from './context';
import { newScope, type PageScope } from './ledger';
import { Prose } from './prose';
import { Rng } from './prng';
import { bulletList, yamlList } from './source-page';
import * as V from './vocab';

/** How an entity page departs from the truth; absent keys are right. */
export interface StaleRecord {
  /** The declared count, when it differs from the true one. */
  readonly declared?: number;
  /** Citing sources the "Seen in" list lacks. */
  readonly missing?: readonly string[];
  /** Items for sources that do not cite the entity. */
  readonly orphan?: readonly string[];
  /** Sources listed twice. */
  readonly duplicate?: readonly string[];
}

export interface EntityOutcome {
  /** The `cited_by` value written (and the body line's, when there is one). */
  readonly declared: number;
  /** Number of "Seen in" items written. */
  readonly seenInItems: number;
  /** Whether the body also has a `Cited by N sources` line. */
  readonly bodyCount: boolean;
  readonly stale?: StaleRecord;
}

interface SeenInPlan {
  /** Source indices, one per item, in the order written. */
  readonly items: number[];
  readonly declared: number;
  readonly stale?: StaleRecord;
}

/** Starts from the true list (source order) and, for stale pages, breaks it in 1–2 ways. */
function planSeenIn(ctx: GenContext, rng: Rng, citing: readonly number[]): SeenInPlan {
  const items = [...citing];
  if (!rng.chance(ctx.knobs.staleRate)) return { items, declared: citing.length };
  const idOf = (source: number): string => ctx.sources[source].id;
  const stale: { declared?: number; missing?: string[]; orphan?: string[]; duplicate?: string[] } = {};
  if (items.length > 0 && rng.chance(0.4)) {
    const removed = items.splice(rng.int(items.length), rng.range(1, Math.min(3, items.length)));
    stale.missing = removed.map(idOf);
  }
  if (rng.chance(0.3)) stale.orphan = addOrphans(ctx, rng, citing, items).map(idOf);
  if (items.length > 0 && rng.chance(0.2)) {
    const twice = items[rng.int(items.length)];
    items.splice(rng.int(items.length + 1), 0, twice);
    stale.duplicate = [idOf(twice)];
  }
  const changed = stale.missing || stale.orphan?.length || stale.duplicate;
  if (!changed || rng.chance(0.5)) stale.declared = wrongCount(rng, citing.length);
  if (stale.orphan?.length === 0) delete stale.orphan;
  return { items, declared: stale.declared ?? citing.length, stale };
}

function addOrphans(ctx: GenContext, rng: Rng, citing: readonly number[], items: number[]): number[] {
  const citingSet = new Set(citing);
  const orphans = new Set<number>();
  for (let tries = 0; orphans.size < rng.range(1, 2) && tries < 20 && ctx.sources.length > 0; tries++) {
    const source = rng.int(ctx.sources.length);
    if (!citingSet.has(source)) orphans.add(source);
  }
  for (const orphan of orphans) items.splice(rng.int(items.length + 1), 0, orphan);
  return [...orphans];
}

function wrongCount(rng: Rng, truth: number): number {
  const delta = rng.pick([-3, -2, -1, 1, 1, 2, 3, 5]);
  const wrong = truth + delta;
  return wrong >= 0 && wrong !== truth ? wrong : truth + 1;
}

/** `Cited by 8 sources`, `Cited by 1 source`, sometimes in emphasis. */
function countLine(rng: Rng, count: number): string {
  const line = `Cited by ${count} ${count === 1 ? 'source' : 'sources'}`;
  return rng.chance(0.3) ? `*${line}*` : line;
}

export class EntityWriter {
  private readonly rng: Rng;
  private readonly scope: PageScope;
  private readonly prose: Prose;
  private readonly entity: Entity;
  private readonly queue: number[] = [];

  constructor(private readonly ctx: GenContext, index: number) {
    this.rng = Rng.for(ctx.seed, 'entity', index);
    this.entity = ctx.catalog.entities[index];
    this.scope = newScope(this.entity.id, -1);
    this.prose = new Prose(this.rng, ctx.companyNames);
  }

  build(): { path: string; content: string; outcome: EntityOutcome } {
    const plan = planSeenIn(this.ctx, this.rng, this.ctx.ledger.citations[this.entity.index]);
    const bodyCount = this.rng.chance(0.15);
    this.fillQueue();
    const blocks = [this.frontmatter(plan.declared), `# ${this.entity.title}`];
    if (bodyCount) blocks.push(countLine(this.rng, plan.declared));
    blocks.push(this.summary());
    if (!this.entity.stub) blocks.push(...this.sections());
    blocks.push('## Seen in');
    const content = blocks.join('\n\n') + '\n' + this.seenIn(plan.items);
    const definitions = this.ctx.links.definitions(this.scope);
    const outcome = { declared: plan.declared, seenInItems: plan.items.length, bodyCount, stale: plan.stale };
    return { path: `${this.entity.id}.md`, content: content + (definitions ? `\n${definitions}` : ''), outcome };
  }

  /** Related entities (not citations: links between entities), plus dangling entries. */
  private fillQueue(): void {
    const rng = this.rng;
    const wanted = this.entity.stub ? rng.range(0, 1) : rng.range(3, 9);
    for (let tries = 0; this.queue.length < wanted && tries < wanted * 5; tries++) {
      const other = this.ctx.catalog.sampleEntity(rng);
      if (other !== this.entity.index && !this.queue.includes(other)) this.queue.push(other);
    }
    const rate = this.ctx.knobs.danglingRate;
    const ghosts = rng.roundRandom((this.queue.length * rate) / (1 - rate));
    for (let i = 0; i < ghosts; i++) this.queue.splice(rng.int(this.queue.length + 1), 0, -1);
  }

  private frontmatter(declared: number): string {
    const { rng, entity } = this;
    const lines = ['---', `type: ${KIND_TYPE[entity.kind]}`, `title: ${entity.title}`];
    if (entity.aliases.length > 0) lines.push(rng.chance(0.5) ? `aliases: [${entity.aliases.join(', ')}]` : `aliases: ${entity.aliases[0]}`);
    lines.push(`cited_by: ${declared}`);
    if (rng.chance(0.3)) lines.push(`tags: [${rng.pick(V.TAGS)}]`);
    if (!entity.stub && rng.chance(0.2) && this.queue.some((entry) => entry >= 0)) {
      const first = this.queue.find((entry) => entry >= 0)!;
      lines.push(...yamlList('related', [this.ctx.links.frontmatterItem(this.scope, rng, first)], rng));
    }
    lines.push('---');
    return lines.join('\n');
  }

  private summary(): string {
    const { rng, entity } = this;
    const opening = `${entity.title} is a ${rng.pick(V.ADJECTIVES)} ${KIND_TYPE[entity.kind]} that ${this.prose.clause()}.`;
    const rest = this.paragraph(entity.stub ? 1 : rng.range(2, 3));
    return `${opening} ${rest}${entity.stub ? ' Stub page — expand as sources cite it.' : ''}`;
  }

  private sections(): string[] {
    const rng = this.rng;
    const blocks = ['## Overview', this.paragraph(rng.range(4, 6)), this.paragraph(rng.range(3, 6)), this.list(rng.range(2, 4))];
    const headings = rng.shuffle([...V.ENTITY_HEADINGS]).slice(0, rng.range(1, 3));
    for (const heading of headings) {
      blocks.push(`## ${heading}`);
      const paragraphs = Math.max(1, Math.round(rng.range(1, 2) * this.ctx.knobs.proseScale));
      for (let i = 0; i < paragraphs; i++) blocks.push(this.paragraph(rng.range(4, 6)));
    }
    return blocks;
  }

  private paragraph(sentences: number): string {
    const take = Math.min(this.queue.length, this.rng.range(0, 2));
    return this.prose.paragraph(Array.from({ length: take }, () => this.nextLink('prose')), Math.max(sentences, take));
  }

  private list(items: number): string {
    return bulletList(items, this.rng, this.prose, () => (this.queue.length > 0 ? this.nextLink('list') : undefined));
  }

  private nextLink(place: 'prose' | 'list'): string {
    const entry = this.queue.shift()!;
    return entry < 0 ? this.ctx.links.ghost(this.scope, this.rng, place) : this.ctx.links.entity(this.scope, this.rng, entry, place);
  }

  /** `- [[sources/…]] — sentence` per item; some sentences wrap onto an indented second line. */
  private seenIn(items: readonly number[]): string {
    let text = '';
    for (const source of items) {
      const meta = this.ctx.sources[source];
      let sentence = this.prose.sentence(this.entity.title);
      if (this.rng.chance(0.15)) sentence += ' ' + this.prose.sentence();
      const cut = sentence.indexOf(' ', 60);
      if (cut > 0 && this.rng.chance(0.1)) sentence = `${sentence.slice(0, cut)}\n  ${sentence.slice(cut + 1)}`;
      text += `- ${this.ctx.links.source(this.scope, meta.id)} — ${sentence}\n`;
    }
    return text;
  }
}
