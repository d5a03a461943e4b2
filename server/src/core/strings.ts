// Small string functions shared by the parser, the resolver and the features.

const NOT_SLUG_CHAR = /[^\p{L}\p{M}\p{N}\p{Pc}\- ]/gu;

/** GitHub's heading slug: `Trade-offs & Limits` → `trade-offs--limits`. */
export function githubSlug(text: string): string {
  const lower = text.toLowerCase();
  if (/^[a-z0-9 _-]*$/.test(lower)) return lower.replace(/ /g, '-'); // the usual case, without Unicode classes
  return lower.replace(NOT_SLUG_CHAR, '').replace(/ /g, '-');
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

// Popular strings (a wiki links `systems/kubernetes` thousands of times) are
// found in a small direct-mapped table first, by a hash of a few characters,
// before the big Map: most lookups then cost one string comparison.
const RECENT_BITS = 12;
const recent: (string | undefined)[] = new Array(1 << RECENT_BITS);

function slotOf(s: string): number {
  const n = s.length;
  if (n === 0) return 0;
  const h = n * 31 + s.charCodeAt(n - 1) * 131 + s.charCodeAt(n >> 1) * 7 + s.charCodeAt((n * 3) >> 2);
  return h & ((1 << RECENT_BITS) - 1);
}

/** `detach`, shared between equal strings (targets, ids, anchors). */
export function intern(s: string): string {
  const slot = slotOf(s);
  const r = recent[slot];
  if (r === s) return r;
  let hit = interned.get(s);
  if (hit === undefined) {
    if (interned.size >= MAX_INTERNED) interned.clear();
    hit = detach(s);
    interned.set(hit, hit);
  }
  recent[slot] = hit;
  return hit;
}

/** Cut to `max` characters at a word boundary, ending with `…`. */
export function truncate(s: string, max: number): string {
  if (s.length <= max) return s;
  const cut = s.slice(0, max - 1);
  const space = cut.lastIndexOf(' ');
  return (space > max * 0.6 ? cut.slice(0, space) : cut).trimEnd() + '…';
}
