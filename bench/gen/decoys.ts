// Decoys: text that looks like a link to an entity but must not count, because
// it stands in an inline code span, a fenced or indented code block, an HTML
// comment or a URL. Each decoy holds exactly one link-like string, e.g.
//   The template keeps `[[systems/kube-proxy]]` as a placeholder.
//   <!-- TODO: cite [[systems/kube-proxy]] once the follow-up is out -->
//   Slides: https://talks.example.com/systems/kube-proxy (no login needed).
import type { Entity } from './catalog';
import type { DecoyKind, Ledger } from './ledger';
import type { Rng } from './prng';

/** One link-like string for `entity`, in any of the three syntaxes. */
function lookalike(rng: Rng, entity: Entity): string {
  switch (rng.int(4)) {
    case 0: return `[[${entity.id}]]`;
    case 1: return `[[${entity.id}|${entity.title}]]`;
    case 2: return `[${entity.title}](../${entity.id}.md)`;
    default: return `see ${entity.id}`;
  }
}

function inlineCode(rng: Rng, entity: Entity): string {
  const code = `\`${lookalike(rng, entity)}\``;
  return rng.pick([
    `The page template keeps ${code} as a placeholder until an editor fills it in.`,
    `Their docs generator expands ${code} into a cross-reference at build time.`,
    `Writing ${code} in a commit message is how the team tags related changes.`,
  ]);
}

function fencedCode(rng: Rng, entity: Entity): string {
  const fence = rng.chance(0.2) ? '~~~' : '```';
  const body = rng.pick([
    `# docs: ${lookalike(rng, entity)}\nreplicas: 3\nstrategy:\n  type: RollingUpdate\n  maxSurge: 25%`,
    `$ kubectl rollout status deploy/edge-router --timeout=120s\n# ${lookalike(rng, entity)}\ndeployment "edge-router" successfully rolled out`,
    `def route(request):\n    # ${lookalike(rng, entity)}\n    return pick_backend(request.tenant, healthy_only=True)`,
  ]);
  const language = body.startsWith('#') ? 'yaml' : body.startsWith('$') ? 'console' : 'python';
  return `${fence}${language}\n${body}\n${fence}`;
}

function indentedCode(rng: Rng, entity: Entity): string {
  return [
    `    $ curl -s localhost:9090/debug/state | jq .backends`,
    `    # ${lookalike(rng, entity)}`,
    `    $ curl -s localhost:9090/debug/health`,
  ].join('\n');
}

function htmlComment(rng: Rng, entity: Entity): string {
  return rng.chance(0.7)
    ? `<!-- TODO: cite ${lookalike(rng, entity)} once the follow-up post is out -->`
    : `<!--\nEditor note: the second half repeats the keynote.\nMaybe link ${lookalike(rng, entity)} here later.\n-->`;
}

function url(rng: Rng, entity: Entity): string {
  const address = `https://${rng.pick(['talks', 'docs', 'blog'])}.example.com/${entity.id}`;
  return rng.chance(0.6)
    ? `Slides and a recording are at ${address} for anyone who wants the details.`
    : `The vendor's own write-up is worth reading too, see [the write-up](${address}).`;
}

const WRITERS: Readonly<Record<DecoyKind, (rng: Rng, entity: Entity) => string>> = {
  inlineCode, fencedCode, indentedCode, htmlComment, url,
};

/** Kinds that make a block of their own; the others are a sentence to add to a paragraph. */
export const BLOCK_DECOYS: ReadonlySet<DecoyKind> = new Set(['fencedCode', 'indentedCode', 'htmlComment']);

export function writeDecoy(rng: Rng, ledger: Ledger, kind: DecoyKind, entity: Entity): string {
  ledger.decoy(kind);
  return WRITERS[kind](rng, entity);
}

export function pickDecoyKind(rng: Rng): DecoyKind {
  return rng.weighted({ inlineCode: 30, fencedCode: 25, indentedCode: 10, htmlComment: 20, url: 15 });
}
