// The index is a value: after any sequence of creates, changes, deletes and
// renames, the incrementally updated index equals the one built from scratch
// from the final files — pages, resolutions, backlinks, lookups, everything.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { applyChanges, emptyIndex, type Change, type WikiIndex } from '../../server/src/core/index/index';
import { DEFAULT_CONFIG } from '../../server/src/core/config';
import type { PMap } from '../../server/src/core/index/pmap';

const PATHS = [
  'systems/a.md', 'systems/b.md', 'concepts/a.md', 'concepts/deep/c.md',
  'patterns/agent-stall-recovery.md', 'sources/2025-01-01-s1.md', 'sources/2025-02-02-s2.md', 'index.md', 'concepts/index.md',
];
const FILES = ['raw/diagram.png', 'raw/paper.pdf'];
const TITLES = ['Alpha', 'Beta', 'Agent Stall Recovery', 'Alpha'];
const LINKS = [
  '[[systems/a]]', '[[Systems/A]]', '[[a]]', '[[b]]', '[[c]]', '[[deep/c]]', '[[Alpha]]', '[[Beta]]', '[[alias-x]]',
  '[[AgentStallRecovery]]', '[[../systems/b]]', '[[systems/missing]]', '[[#Heading]]', '[[systems/a#Heading]]',
  '[x](../systems/a.md)', '[x](systems/b.md)', '[x](../concepts/)', 'see systems/b.', 'see concepts/a.',
  '![[diagram.png]]', '![p](../raw/paper.pdf)', '[[../../outside]]', '[ref][r]',
];

const pageText = fc
  .record({
    title: fc.option(fc.constantFrom(...TITLES)),
    alias: fc.boolean(),
    links: fc.array(fc.constantFrom(...LINKS), { maxLength: 5 }),
    related: fc.array(fc.constantFrom('systems/a', 'b.md', 'concepts/a', 'nowhere'), { maxLength: 2 }),
  })
  .map(({ title, alias, links, related }) => {
    const fm = [title ? `title: ${title}` : '', alias ? 'aliases: [alias-x]' : '', related.length ? `related: [${related.join(', ')}]` : '']
      .filter(Boolean);
    const head = fm.length ? `---\n${fm.join('\n')}\n---\n` : '';
    return `${head}# ${title ?? 'Page'}\n\n## Heading\n\n${links.join(' and ')}\n\n[r]: ../systems/a.md\n`;
  });

type Op = { op: 'write'; path: string; text: string } | { op: 'delete'; path: string } | { op: 'rename'; from: string; to: string } | { op: 'file'; path: string; exists: boolean };

const op: fc.Arbitrary<Op> = fc.oneof(
  { weight: 5, arbitrary: fc.record({ op: fc.constant('write' as const), path: fc.constantFrom(...PATHS), text: pageText }) },
  { weight: 2, arbitrary: fc.record({ op: fc.constant('delete' as const), path: fc.constantFrom(...PATHS) }) },
  { weight: 1, arbitrary: fc.record({ op: fc.constant('rename' as const), from: fc.constantFrom(...PATHS), to: fc.constantFrom(...PATHS) }) },
  { weight: 1, arbitrary: fc.record({ op: fc.constant('file' as const), path: fc.constantFrom(...FILES), exists: fc.boolean() }) },
);

/** Applies an operation to the file map and says what changed, as the server would. */
function perform(files: Map<string, string>, o: Op): Change[] {
  if (o.op === 'write') {
    files.set(o.path, o.text);
    return [{ kind: 'page', path: o.path, text: o.text }];
  }
  if (o.op === 'file') {
    if (o.exists) files.set(o.path, '');
    else files.delete(o.path);
    return [o.exists ? { kind: 'file', path: o.path } : { kind: 'delete', path: o.path }];
  }
  const from = o.op === 'delete' ? o.path : o.from;
  const text = files.get(from);
  if (text === undefined) return [];
  files.delete(from);
  const changes: Change[] = [{ kind: 'delete', path: from }];
  if (o.op === 'rename') {
    files.set(o.to, text);
    changes.push({ kind: 'page', path: o.to, text });
  }
  return changes;
}

function fromScratch(files: Map<string, string>): WikiIndex {
  const changes: Change[] = [...files].map(([path, text]) => (path.endsWith('.md') ? { kind: 'page', path, text } : { kind: 'file', path }));
  return applyChanges(emptyIndex(DEFAULT_CONFIG), changes);
}

const sorted = <V>(m: PMap<V>, show: (v: V) => unknown) => Object.fromEntries([...m.entries()].sort(([a], [b]) => (a < b ? -1 : 1)).map(([k, v]) => [k, show(v)]));
const setShow = (s: Iterable<string>) => [...s].sort();

/** Everything the index holds, as plain sorted data. */
function render(index: WikiIndex) {
  return {
    pages: sorted(index.pages, (e) => ({ data: e.data, resolved: e.resolved, deps: [...e.deps].sort() })),
    files: [...index.files.keys()].sort(),
    lookup: sorted(index.lookup, setShow),
    kinds: sorted(index.kinds, (n) => n),
    incoming: sorted(index.incoming, setShow),
    dangling: sorted(index.dangling, setShow),
    deps: sorted(index.deps, setShow),
  };
}

function tally(index: WikiIndex, seen: { incoming: number; dangling: number; ambiguous: number; rules: Set<string> }): void {
  if (index.incoming.size) seen.incoming++;
  if (index.dangling.size) seen.dangling++;
  for (const e of index.pages.values()) {
    for (const r of e.resolved) {
      if (r.kind === 'ambiguous') seen.ambiguous++;
      if (r.kind === 'page' || r.kind === 'file') seen.rules.add(r.rule);
    }
  }
}

describe('applyChanges', () => {
  it('gives the same index incrementally as from scratch', () => {
    const seen = { incoming: 0, dangling: 0, ambiguous: 0, rules: new Set<string>() };
    fc.assert(
      fc.property(fc.array(fc.array(op, { minLength: 1, maxLength: 3 }), { minLength: 1, maxLength: 25 }), (batches) => {
        const files = new Map<string, string>();
        let index = emptyIndex(DEFAULT_CONFIG);
        for (const batch of batches) index = applyChanges(index, batch.flatMap((o) => perform(files, o)));
        expect(render(index)).toEqual(render(fromScratch(files)));
        tally(index, seen);
      }),
      { numRuns: 300, seed: 20261203 },
    );
    // The runs exercised what they are meant to: backlinks, dangling and ambiguous links, every fallback rule.
    expect(seen.incoming).toBeGreaterThan(100);
    expect(seen.dangling).toBeGreaterThan(100);
    expect(seen.ambiguous).toBeGreaterThan(10);
    expect([...seen.rules].sort()).toEqual(['alias', 'case', 'exact', 'filename', 'folder', 'relative', 'root', 'slug', 'suffix', 'title']);
  });

  it('leaves the old index untouched', () => {
    const before = applyChanges(emptyIndex(DEFAULT_CONFIG), [
      { kind: 'page', path: 'systems/a.md', text: '# A\n' },
      { kind: 'page', path: 'sources/s.md', text: '[[systems/a]] [[systems/b]]\n' },
    ]);
    const snapshot = JSON.stringify(render(before));
    const after = applyChanges(before, [
      { kind: 'page', path: 'systems/b.md', text: '# B\n' },
      { kind: 'delete', path: 'systems/a.md' },
    ]);
    expect(JSON.stringify(render(before))).toBe(snapshot);
    expect([...after.incoming.get('systems/b.md')!]).toEqual(['sources/s.md']);
    expect(after.incoming.get('systems/a.md')).toBeUndefined();
  });
});
