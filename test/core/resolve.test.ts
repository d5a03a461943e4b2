// Resolution: WIKI-FORMAT.md's chain, one row per case. Each row is a wiki
// (the same for all rows), the page the link is on, the link, and what it
// must resolve to, rendered as `page <path> (<rule>)`, `ambiguous a, b`,
// `dangling`, `outside`, `self`, `file <path>` or `ignored`.
import { describe, expect, it } from 'vitest';
import { indexOf } from './fixture';
import { parsePage } from '../../server/src/core/scan/page';
import { resolveLink, type Resolution } from '../../server/src/core/index/resolve';
import type { WikiIndex } from '../../server/src/core/index/index';
import type { WikiConfig } from '../../server/src/core/config';

const WIKI: Record<string, string> = {
  'systems/kube-proxy.md': '# Kube-proxy\n\n## Modes\n\nText ^blk\n',
  'systems/coredns.md': '---\ntitle: CoreDNS\naliases: [cluster-dns]\n---\n# CoreDNS\n',
  'concepts/training/distillation.md': '# Distillation\n',
  'patterns/agent-stall-recovery.md': '# Agent stall recovery\n',
  'concepts/a/dup.md': '# Dup A\n',
  'concepts/b/dup.md': '# Dup B\n',
  'systems/index.md': '# Systems\n',
  'PKCS.md': '# PKCS\n\n## 11\n',
  'raw/diagram.png': '',
  'sources/2025-01-01-a.md': '# A\n',
};

function render(r: Resolution): string {
  switch (r.kind) {
    case 'page':
    case 'file':
      return `${r.kind} ${r.path} (${r.rule})`;
    case 'ambiguous':
      return `ambiguous ${r.candidates.join(', ')}`;
    default:
      return r.kind;
  }
}

function resolveOn(index: WikiIndex, from: string, markdown: string): string {
  const page = parsePage(from, markdown, index.parseOptions);
  expect(page.links.length, `one link in ${markdown}`).toBe(1);
  return render(resolveLink(indexView(index), index.ctx, from, page.links[0], []));
}

function indexView(index: WikiIndex) {
  return {
    hasPage: (p: string) => index.pages.has(p),
    hasFile: (p: string) => index.files.has(p),
    lookup: (k: string) => index.lookup.get(k),
    kindExists: (k: string) => (index.kinds.get(k) ?? 0) > 0,
    aliasesOf: (p: string) => index.pages.get(p)?.data.aliases ?? [],
  };
}

function check(cases: [from: string, link: string, expected: string][], config: Partial<WikiConfig> = {}, vaultPrefix = '') {
  const index = indexOf(WIKI, config, vaultPrefix);
  for (const [from, link, expected] of cases) {
    expect(`${link} → ${resolveOn(index, from, link)}`).toBe(`${link} → ${expected}`);
  }
}

describe('resolution chain', () => {
  it('follows the steps in order', () => {
    check([
      ['sources/2025-01-01-a.md', '[[systems/kube-proxy]]', 'page systems/kube-proxy.md (exact)'],
      ['sources/2025-01-01-a.md', '[[systems/kube-proxy.md]]', 'page systems/kube-proxy.md (exact)'],
      ['sources/2025-01-01-a.md', '[[Systems/CoreDNS]]', 'page systems/coredns.md (case)'],
      ['systems/coredns.md', '[[kube-proxy]]', 'page systems/kube-proxy.md (relative)'],
      ['sources/2025-01-01-a.md', '[[kube-proxy]]', 'page systems/kube-proxy.md (filename)'],
      ['sources/2025-01-01-a.md', '[[../systems/coredns]]', 'page systems/coredns.md (relative)'],
      ['sources/2025-01-01-a.md', '[[training/distillation]]', 'page concepts/training/distillation.md (suffix)'],
      ['sources/2025-01-01-a.md', '[[KUBE-PROXY]]', 'page systems/kube-proxy.md (filename)'],
      ['sources/2025-01-01-a.md', '[[CoreDNS]]', 'page systems/coredns.md (filename)'],
      ['sources/2025-01-01-a.md', '[[cluster-dns]]', 'page systems/coredns.md (alias)'],
      ['sources/2025-01-01-a.md', '[[Agent Stall Recovery]]', 'page patterns/agent-stall-recovery.md (title)'],
      ['sources/2025-01-01-a.md', '[[AgentStallRecovery]]', 'page patterns/agent-stall-recovery.md (slug)'],
      ['sources/2025-01-01-a.md', '[[dup]]', 'ambiguous concepts/a/dup.md, concepts/b/dup.md'],
      ['sources/2025-01-01-a.md', '[[systems/envoy]]', 'dangling'],
      ['sources/2025-01-01-a.md', '[[PKCS#11]]', 'page PKCS.md (exact)'],
      ['sources/2025-01-01-a.md', '[[#Modes]]', 'self'],
    ]);
  });

  it('resolves Markdown links relative to the page, then from the root', () => {
    check([
      ['sources/2025-01-01-a.md', '[k](../systems/kube-proxy.md)', 'page systems/kube-proxy.md (exact)'],
      ['sources/2025-01-01-a.md', '[k](../systems/kube-proxy)', 'page systems/kube-proxy.md (exact)'],
      ['sources/2025-01-01-a.md', '[k](/systems/kube-proxy.md)', 'page systems/kube-proxy.md (exact)'],
      ['sources/2025-01-01-a.md', '[k](systems/kube-proxy.md)', 'page systems/kube-proxy.md (root)'],
      ['sources/2025-01-01-a.md', '[k](<../systems/kube-proxy.md#modes>)', 'page systems/kube-proxy.md (exact)'],
      ['sources/2025-01-01-a.md', '[k](../systems/)', 'page systems/index.md (folder)'],
      ['sources/2025-01-01-a.md', '[k](#modes)', 'self'],
      ['sources/2025-01-01-a.md', '[k](../systems/envoy.md)', 'dangling'],
      ['sources/2025-01-01-a.md', '[k](https://example.com/systems/kube-proxy.md)', '(no link)'],
    ].filter(([, , e]) => e !== '(no link)') as [string, string, string][]);
  });

  it('never leaves the boundary', () => {
    check([
      ['sources/2025-01-01-a.md', '[[../../etc/passwd]]', 'outside'],
      ['sources/2025-01-01-a.md', '[x](../../outside.md)', 'outside'],
      ['sources/2025-01-01-a.md', '[[systems/../../x]]', 'outside'],
    ]);
  });

  it('links files that are not pages', () => {
    check([
      ['sources/2025-01-01-a.md', '![[diagram.png]]', 'file raw/diagram.png (filename)'],
      ['sources/2025-01-01-a.md', '![d](../raw/diagram.png)', 'file raw/diagram.png (relative)'],
      ['sources/2025-01-01-a.md', '![[missing.png]]', 'dangling'],
    ]);
  });

  it('counts bare references only when they resolve exactly, unless bareLinks is all', () => {
    check([
      ['sources/2025-01-01-a.md', 'see systems/kube-proxy.', 'page systems/kube-proxy.md (exact)'],
      ['sources/2025-01-01-a.md', 'see systems/envoy.', 'ignored'],
      ['sources/2025-01-01-a.md', 'see queries/day.', 'ignored'],
    ]);
    check([
      ['sources/2025-01-01-a.md', 'see systems/envoy.', 'dangling'],
      ['sources/2025-01-01-a.md', 'see queries/day.', 'ignored'],
    ], { bareLinks: 'all' });
  });

  it('resolves from the vault root', () => {
    const index = indexOf(
      { 'systems/x.md': '# X\n', 'sources/s.md': '' },
      {},
      'wiki',
    );
    expect(resolveOn(index, 'sources/s.md', '[[wiki/systems/x]]')).toBe('page systems/x.md (vault)');
    expect(resolveOn(index, 'sources/s.md', '[[../../../x]]')).toBe('outside');
  });
});
