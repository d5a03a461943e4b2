// Prose for generated pages: sentences from templates whose `{E}` slot takes
// an entity mention (a rendered link such as `[[systems/kube-proxy]]`, or a
// plain phrase such as "the control plane" when the sentence links nothing).
// "{C} runs {N} {A} {U} on {E}." → "Zentora runs thousands of stateless pods
// on [[systems/kube-proxy]]."  No template contains brackets, slashes or
// backticks, so plain prose never looks like a link.
import { Rng } from './prng';
import * as V from './vocab';

const TEMPLATES: readonly string[] = [
  '{C} runs {N} {A} {U} on {E}, and most of them sit behind {X}.',
  'The team {V} {X} around {E} {D}, cutting {M} by {P}.',
  'Before the change, {E} handled {N} {U} with no awareness of {X}.',
  'Most of the gains came from {E}: {M} dropped by {P} once {X} stopped retrying blindly.',
  '{E} is the piece that decides where {A} traffic goes, which is why {M} matters so much here.',
  'They considered {E} and rejected it, because it would have added another hop in front of {X}.',
  'In practice {E} turned out to be the bottleneck for {A} {U}, not {X}.',
  'A second iteration paired {E} with {X}, which kept {M} flat even at {N} {U}.',
  'Operators watch {M} on {E} closely; a {P} regression usually means {X} is misconfigured.',
  'The post argues that {E} is a better fit than a home-grown solution for {A} workloads.',
  'Failures in {X} used to cascade, so the team put {E} in front of it {D}.',
  '{E} also exposes the knobs needed to tune {M} per tenant, which {C} relies on heavily.',
  'Rolling out {E} took longer than planned, mostly because {N} {U} had to move without downtime.',
  'The authors measured {M} before and after adopting {E} and report a {P} improvement.',
  'Because {E} keeps state per connection, {A} clients see far fewer reconnect storms.',
  'One surprise was how much {E} depended on {X} being healthy at all times.',
  'This is where {E} earns its keep: it absorbs bursts that would otherwise overwhelm {X}.',
  'They benchmarked three options, and {E} won on {M} while losing slightly on cost.',
  'Today {E} serves {N} {U} across {R} regions with a {P} lower {M}.',
  'The design borrows heavily from {E}, adapting it to the constraints of {X}.',
  'An earlier outage traced back to {E}, where a stale configuration pinned {N} {U} to one zone.',
  'Engineers at {C} describe {E} as boring in the best sense: it rarely pages anyone.',
  'The write-up is candid that {E} only works because {X} already guarantees ordering.',
  'With {E} in place, a deploy no longer has to drain {X} by hand.',
  'Capacity planning now starts from {E}, since {M} there predicts trouble a day in advance.',
  'The main trade-off of {E} is operational: someone has to own {X} and its upgrades.',
  'Costs fell by {P} after {E} let the team retire {N} {A} {U}.',
  'Nothing about {E} is novel on its own; the value is in how it composes with {X}.',
  'When {X} degrades, {E} sheds {A} load first and keeps {M} within budget for everyone else.',
  'The migration plan kept {E} and {X} running side by side for weeks, comparing {M} on live traffic.',
  'Readers who run {A} {U} will recognise the problem: {E} was tuned for a workload that no longer exists.',
  'A small team of four owns {E} today, and most of their time goes into upgrades rather than incidents.',
  'The authors are careful to say that {E} is not a silver bullet; it moved the bottleneck to {X}.',
  'Load tests at {N} {U} showed {E} holding {M} steady until {X} ran out of headroom.',
  'Choosing {E} over a managed offering saved money but cost the team {D} of integration work.',
  'Incident reviews kept pointing at the same gap, so {C} made {E} the default path for new {U}.',
  'Most of the complexity in {E} exists to hide partial failures of {X} from {A} clients.',
  'They now run game days against {E} every quarter, deliberately breaking {X} to watch {M}.',
  'The first prototype of {E} was a weekend hack; the production version took {D}.',
  'Because {E} exports {M} per tenant, product teams finally see what their {A} {U} cost.',
];

function formatCount(n: number): string {
  return String(n).replace(/\B(?=(\d{3})+$)/g, ',');
}

export class Prose {
  constructor(
    private readonly rng: Rng,
    /** Plain company names for `{C}`: `['Zentora', 'Datafluxlabs']`. */
    private readonly companyNames: readonly string[],
  ) {}

  /** One sentence; `mention` fills the `{E}` slot, else a plain noun phrase does. */
  sentence(mention?: string): string {
    const template = this.rng.pick(TEMPLATES);
    const text = template.replace(/\{([A-Z])\}/g, (_, slot: string) => (slot === 'E' && mention !== undefined ? mention : this.slot(slot)));
    return /^[a-z]/.test(text) ? text.charAt(0).toUpperCase() + text.slice(1) : text;
  }

  /** `count` sentences, one per mention first, the rest with plain phrases, in random order. */
  paragraph(mentions: readonly string[], count: number): string {
    const sentences = mentions.map((mention) => this.sentence(mention));
    while (sentences.length < count) sentences.push(this.sentence());
    return this.rng.shuffle(sentences).join(' ');
  }

  /** A short plain clause for list items and "Seen in" lines: "cut p99 latency by 32%". */
  clause(): string {
    const rng = this.rng;
    switch (rng.int(4)) {
      case 0:
        return `cut ${rng.pick(V.METRICS)} by ${this.slot('P')} for ${this.slot('N')} ${rng.pick(V.UNITS)}`;
      case 1:
        return `sits between ${rng.pick(V.TECH_PHRASES)} and ${rng.pick(V.TECH_PHRASES)}`;
      case 2:
        return `the default choice for ${rng.pick(V.ADJECTIVES)} ${rng.pick(V.UNITS)}`;
      default:
        return `${rng.pick(V.VERBS)} ${rng.pick(V.DURATIONS)} to fix ${rng.pick(V.METRICS)}`;
    }
  }

  company(): string {
    return this.companyNames.length > 0 ? this.rng.pick(this.companyNames) : 'The team';
  }

  private slot(slot: string): string {
    const rng = this.rng;
    switch (slot) {
      case 'C': return this.company();
      case 'N': return rng.chance(0.5) ? rng.pick(['hundreds of', 'thousands of', 'a dozen', 'tens of thousands of']) : formatCount(rng.range(3, 250) * rng.pick([1, 10, 100]));
      case 'A': return rng.pick(V.ADJECTIVES);
      case 'U': return rng.pick(V.UNITS);
      case 'X': return rng.pick(V.TECH_PHRASES);
      case 'V': return rng.pick(V.VERBS);
      case 'D': return rng.pick(V.DURATIONS);
      case 'M': return rng.pick(V.METRICS);
      case 'P': return `${rng.range(5, 95)}%`;
      case 'R': return String(rng.range(2, 30));
      default: return rng.pick(V.TECH_PHRASES);
    }
  }
}
