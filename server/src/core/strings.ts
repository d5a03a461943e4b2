// Small string functions shared by the parser, the resolver and the features.

const NOT_SLUG_CHAR = /[^\p{L}\p{M}\p{N}\p{Pc}\- ]/gu;

/** GitHub's heading slug: `Trade-offs & Limits` → `trade-offs--limits`. */
export function githubSlug(text: string): string {
  return text.toLowerCase().replace(NOT_SLUG_CHAR, '').replace(/ /g, '-');
}

/** Unique slugs in page order: a repeated `Modes` gets `modes-1`, `modes-2`. */
export class Slugger {
  private readonly seen = new Map<string, number>();
  slug(text: string): string {
    const base = githubSlug(text);
    let slug = base;
    while (this.seen.has(slug)) {
      const n = (this.seen.get(base) ?? 0) + 1;
      this.seen.set(base, n);
      slug = `${base}-${n}`;
    }
    this.seen.set(slug, 0);
    return slug;
  }
}

/** Resolution step 7: `Agent Stall Recovery`, `AgentStallRecovery` → `agentstallrecovery`. */
export function normalSlug(text: string): string {
  return text.toLowerCase().replace(/[^\p{L}\p{N}]/gu, '');
}

/** `kube-proxy` → `Kube Proxy`. */
export function titleCase(slug: string): string {
  return slug
    .split(/[-_\s]+/)
    .filter((w) => w.length > 0)
    .map((w) => w[0].toUpperCase() + w.slice(1))
    .join(' ');
}

const IRREGULAR: Record<string, string> = { companies: 'company', people: 'person', analyses: 'analysis' };

/** A page type from its folder: `systems` → `system`, `companies` → `company`. */
export function singular(folder: string): string {
  const lower = folder.toLowerCase();
  if (IRREGULAR[lower]) return IRREGULAR[lower];
  if (lower.endsWith('ies') && lower.length > 3) return lower.slice(0, -3) + 'y';
  if (lower.endsWith('s') && lower.length > 1) return lower.slice(0, -1);
  return lower;
}

// V8 keeps a substring as a view into its parent, so a 12-character target
// taken from a 20 MB page would keep the page alive. Interning copies each
// distinct string once and shares it between pages.
const interned = new Map<string, string>();
const MAX_INTERNED = 1 << 20;

/** A copy of `s` that holds no reference to the text it was cut from. */
export function detach(s: string): string {
  return s.length < 13 ? s : (s + ' ').slice(0, -1);
}

/** `detach`, shared between equal strings (targets, ids, anchors). */
export function intern(s: string): string {
  const hit = interned.get(s);
  if (hit !== undefined) return hit;
  if (interned.size >= MAX_INTERNED) interned.clear();
  const copy = detach(s);
  interned.set(copy, copy);
  return copy;
}

/** Collapse runs of whitespace: `a \n  b` → `a b`. */
export function collapseSpace(s: string): string {
  return s.replace(/\s+/g, ' ').trim();
}

/** Cut to `max` characters at a word boundary, ending with `…`. */
export function truncate(s: string, max: number): string {
  if (s.length <= max) return s;
  const cut = s.slice(0, max - 1);
  const space = cut.lastIndexOf(' ');
  return (space > max * 0.6 ? cut.slice(0, space) : cut).trimEnd() + '…';
}
