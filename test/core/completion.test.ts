// Completion as data: a wiki, a cursor, and the items offered — rendered as
// `label → new text @from-to` — at every trigger.
import { describe, expect, it } from 'vitest';
import { fixtureIndex } from './fixture';
import { completions } from '../../server/src/core/features/completion/index';
import { inLinkableText } from '../../server/src/core/features/completion/prose';
import type { WikiConfig } from '../../server/src/core/config';

const WIKI = `
//- systems/kube-proxy.md
---
title: kube-proxy
---
# kube-proxy
## Modes
## IPVS mode
Text ^blk
//- systems/kubernetes.md
---
title: Kubernetes
aliases: [k8s]
---
# Kubernetes
//- systems/coredns.md
# CoreDNS
//- concepts/proxy-protocol.md
# Proxy protocol
//- sources/2025-01-01-a.md
[[systems/kubernetes]] [[systems/kubernetes]] [[systems/kube-proxy]] [[systems/envoy]]
//- sources/2025-01-02-b.md
[[systems/kubernetes]] [[systems/envoy]]
`;

function complete(page: string, config: Partial<WikiConfig> = {}, limit = 5): string[] {
  const { fx, index } = fixtureIndex(`${WIKI}//- sources/2025-02-02-x.md\n${page}\n`, config);
  const c = fx.cursor!;
  const line = fx.files[c.path].split('\n')[c.line];
  expect(inLinkableText(fx.files[c.path], c.line, c.character)).toBe(true);
  return completions(index, c.path, line, c.character).items.slice(0, limit).map((i) => `${i.label} → ${i.newText} @${i.from}-${i.to}${i.kind === 'missing' ? ' (missing)' : ''}`);
}

describe('completion in wikilinks', () => {
  it('completes `[[kube` with the closing brackets, once', () => {
    expect(complete('See [[kube-p$0', {}, 1)).toEqual(['systems/kube-proxy → systems/kube-proxy]] @6-12']);
    expect(complete('See [[kube-p$0]] now', {}, 1)).toEqual(['systems/kube-proxy → systems/kube-proxy @6-12']);
    expect(complete('See [[kube-p$0rox]] now', {}, 1)).toEqual(['systems/kube-proxy → systems/kube-proxy @6-15']);
  });

  it('keeps an existing label or anchor', () => {
    expect(complete('See [[kube-p$0|the proxy]]', { linkStyle: 'wikilink-title' }, 1)).toEqual(['systems/kube-proxy → systems/kube-proxy @6-12']);
    expect(complete('See [[kube-p$0#Modes]]', {}, 1)).toEqual(['systems/kube-proxy → systems/kube-proxy @6-12']);
  });

  it('ranks fuzzy matches by quality, then by how many pages link to the target', () => {
    expect(complete('[[kprox$0', {}, 2)).toEqual(['systems/kube-proxy → systems/kube-proxy]] @2-7']);
    // Equal matches: the page more pages link to comes first.
    expect(complete('[[kube$0', {}, 2)).toEqual(['systems/kubernetes → systems/kubernetes]] @2-6', 'systems/kube-proxy → systems/kube-proxy]] @2-6']);
    expect(complete('[[proxy$0', {}, 2)).toEqual(['concepts/proxy-protocol → concepts/proxy-protocol]] @2-7', 'systems/kube-proxy → systems/kube-proxy]] @2-7']);
    expect(complete('[[$0', {}, 3)).toEqual([
      'systems/kubernetes → systems/kubernetes]] @2-2',
      'systems/kube-proxy → systems/kube-proxy]] @2-2',
      'concepts/proxy-protocol → concepts/proxy-protocol]] @2-2',
    ]);
  });

  it('inserts an alias as `[[id|Alias]]`', () => {
    expect(complete('[[k8s$0', {}, 1)).toEqual(['k8s → systems/kubernetes|k8s]] @2-5']);
  });

  it('offers targets other pages link to that do not exist yet', () => {
    expect(complete('[[envoy$0')).toEqual(['systems/envoy → systems/envoy]] @2-7 (missing)']);
  });

  it('writes the configured link style', () => {
    expect(complete('[[coredns$0', { linkStyle: 'wikilink-title' }, 1)).toEqual(['systems/coredns → systems/coredns|CoreDNS]] @2-9']);
    expect(complete('A [[coredns$0', { linkStyle: 'markdown' }, 1)).toEqual(['systems/coredns → [CoreDNS](../systems/coredns.md) @2-11']);
  });
});

describe('completion of anchors, labels, paths and bare references', () => {
  it('offers the target’s headings and blocks after `#`, and the page’s own after `[[#`', () => {
    expect(complete('[[systems/kube-proxy#$0')).toEqual(['kube-proxy → kube-proxy @21-21', 'Modes → Modes @21-21', 'IPVS mode → IPVS mode @21-21', '^blk → ^blk @21-21']);
    expect(complete('# Here\n## There\n[[#Th$0')).toEqual(['There → There @3-5']);
    expect(complete('[x](../systems/kube-proxy.md#ip$0)')).toEqual(['IPVS mode → ipvs-mode @29-31']);
  });

  it('offers the title and aliases after `|`', () => {
    expect(complete('[[systems/kubernetes|$0]]')).toEqual(['Kubernetes → Kubernetes @21-21', 'k8s → k8s @21-21']);
  });

  it('offers page paths relative to the page after `](`', () => {
    expect(complete('[x](core$0', {}, 1)).toEqual(['../systems/coredns.md → ../systems/coredns.md @4-8']);
  });

  it('completes `kind/slug` in prose, only for kind folders', () => {
    expect(complete('see systems/ku$0 here', {}, 2)).toEqual(['systems/kubernetes → systems/kubernetes @4-14', 'systems/kube-proxy → systems/kube-proxy @4-14']);
    expect(complete('and/o$0', {}, 2)).toEqual([]);
  });
});

describe('where completion applies', () => {
  it('is off in code', () => {
    const text = 'a `[[ku` b\n\n```\n[[ku\n```\n';
    expect(inLinkableText(text, 0, 7)).toBe(false);
    expect(inLinkableText(text, 3, 4)).toBe(false);
    expect(inLinkableText(text, 0, 1)).toBe(true);
  });
});
