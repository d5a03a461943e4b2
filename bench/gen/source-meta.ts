// Source identities: date, title, publisher and the `YYYY-MM-DD-slug` id.
// Dates rise with the source number from 2018-01-01 over about 8.5 years,
// so `sources/2019-…` pages come before `sources/2025-…` ones.
import type { Catalog } from './catalog';
import type { SourceMeta } from './context';
import { Rng } from './prng';
import * as V from './vocab';

const FIRST_DAY = Date.UTC(2018, 0, 1);
const SPAN_DAYS = 3100;
const DAY_MS = 86_400_000;

function dateOf(index: number, count: number): string {
  const day = Math.floor((index * SPAN_DAYS) / Math.max(1, count));
  return new Date(FIRST_DAY + day * DAY_MS).toISOString().slice(0, 10);
}

function titleFor(rng: Rng, publisher: string, byCompany: boolean): string {
  const topic = rng.pick(V.TOPICS);
  const thing = rng.pick(V.TECH_PHRASES).replace(/^(the|a|every) /, '');
  switch (rng.int(byCompany ? 7 : 6)) {
    case 0: return `How ${publisher} ${rng.pick(V.VERBS)} ${topic}`;
    case 1: return `Scaling ${topic} at ${publisher}`;
    case 2: return `${capitalise(topic)}: lessons from ${rng.range(2, 40) * 100} ${rng.pick(V.UNITS)}`;
    case 3: return `Why ${publisher} ${rng.pick(V.VERBS)} its ${thing}`;
    case 4: return `${capitalise(topic)} for ${rng.pick(V.ADJECTIVES)} ${rng.pick(V.UNITS)} at ${publisher}`;
    case 5: return `What ${rng.range(2, 9)} years of ${topic} taught ${publisher} about ${rng.pick(V.METRICS)}`;
    default: return `Inside ${publisher}'s approach to ${topic}`;
  }
}

const capitalise = (text: string): string => text.charAt(0).toUpperCase() + text.slice(1);

/** A title no other source has (ignoring case): a repeat gets `, part 2`, `, part 3`, … */
function uniqueTitle(title: string, taken: Set<string>): string {
  let unique = title;
  for (let part = 2; taken.has(unique.toLowerCase()); part++) unique = `${title}, part ${part}`;
  taken.add(unique.toLowerCase());
  return unique;
}

/** `How Zentora rebuilt GPU scheduling` → `how-zentora-rebuilt-gpu-scheduling` (at most 8 words). */
export function slugify(text: string): string {
  return text.toLowerCase().replace(/'/g, '').split(/[^a-z0-9]+/).filter(Boolean).slice(0, 8).join('-');
}

export function planSources(catalog: Catalog, count: number, seed: number): SourceMeta[] {
  const rng = Rng.for(seed, 'source-meta');
  const taken = new Set<string>();
  const titles = new Set<string>();
  const sources: SourceMeta[] = [];
  for (let index = 0; index < count; index++) {
    const byCompany = catalog.companies.length > 0 && rng.chance(0.6);
    const publisherEntity = byCompany ? rng.pick(catalog.companies) : -1;
    const publisher = byCompany ? catalog.entities[publisherEntity].title : rng.pick(V.PUBLICATIONS);
    const title = uniqueTitle(titleFor(rng, publisher, byCompany), titles);
    const date = dateOf(index, count);
    let id = `sources/${date}-${slugify(title)}`;
    for (let n = 2; taken.has(id); n++) id = `sources/${date}-${slugify(title)}-${n}`;
    taken.add(id);
    sources.push({ id, date, title, publisher, publisherEntity });
  }
  return sources;
}
