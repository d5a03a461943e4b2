// Quick fixes as data: the fixes offered at a cursor, and the exact result
// of applying one — the changed line, or the whole new page.
import { describe, expect, it } from 'vitest';
import { fixtureIndex, type Fixture } from './fixture';
import { fixesAt } from '../../server/src/core/fixes/all';
import { applyEdits, type TextSource } from '../../server/src/core/edits';
import { lineStarts, offsetAt } from '../../server/src/core/text';
import type { WikiConfig } from '../../server/src/core/config';
import type { Fix } from '../../server/src/core/fixes/types';

const texts = (fx: Fixture): TextSource => ({ text: (p) => fx.files[p] });

function fixesFor(source: string, config: Partial<WikiConfig> = {}) {
  const { fx, index } = fixtureIndex(source, config);
  const c = fx.cursor!;
  const { fixes } = fixesAt(index, c.path, { sl: c.line, sc: c.character, el: c.line, ec: c.character }, texts(fx), { date: '2026-12-03' });
  return { fx, fixes };
}

/** The fix's result: each changed file's changed lines, each created file whole. */
function result(fx: Fixture, fix: Fix): string {
  const out: string[] = [];
  for (const c of fix.edit.creates) out.push(`create ${c.path}:\n${c.content}`);
  for (const f of fix.edit.changes) {
    const text = fx.files[f.path];
    const starts = lineStarts(text);
    const after = applyEdits(text, f.edits, (l, ch) => offsetAt(text, starts, l, ch));
    const lines = new Set(f.edits.map((e) => e.span.sl));
    out.push(...after.split('\n').filter((_, i) => lines.has(i)).map((l) => `${f.path}: ${l}`));
  }
  return out.join('\n');
}

describe('creating a missing page', () => {
  it('creates the stub with its count and a "Seen in" item per citing source, each with its sentence', () => {
    const { fx, fixes } = fixesFor(`
      //- systems/kubernetes.md
      # Kubernetes
      Proxies: [[systems/en$0voy]].
      //- sources/2025-10-01-databricks.md
      ---
      title: Databricks LB
      ---
      # Databricks LB

      Databricks runs gRPC services. They considered [[systems/envoy|Envoy]] sidecars and rejected them. Later more.
      //- sources/2026-02-11-lyft.md
      ---
      title: Lyft mesh
      summary: Lyft built its mesh on Envoy.
      related: [systems/envoy]
      ---
      # Lyft mesh
      //- sources/2026-03-01-figma.md
      # Figma

      Figma (see [the proxy](../systems/envoy.md), vs. [[systems/kubernetes|K8s]] e.g. for 3.5 years) moved.
    `);
    expect(fixes.map((f) => `${f.title}${f.preferred ? ' (preferred)' : ''}`)).toEqual([
      'Create systems/envoy.md (cited by 3) (preferred)',
      'Create all missing pages linked from this page (1)',
      'Update citations on this page',
    ]);
    expect(result(fx, fixes[0])).toBe(`create systems/envoy.md:
---
type: system
title: Envoy
cited_by: 3
---
# Envoy

Stub page — expand as sources cite it.

## Seen in
- [[sources/2025-10-01-databricks]] — They considered Envoy sidecars and rejected them.
- [[sources/2026-02-11-lyft]] — Lyft built its mesh on Envoy.
- [[sources/2026-03-01-figma]] — Figma (see the proxy, vs. [[systems/kubernetes|K8s]] e.g. for 3.5 years) moved.
`);
  });

  it("uses the wiki's template for the kind, and its link style", () => {
    const { fx, fixes } = fixesFor(
      `
      //- templates/concepts.md
      ---
      kind: {{type}}
      title: {{title}}
      ---
      # {{title}} ({{id}}, {{date}})

      Cited by {{count}} sources.

      ## Sources
      {{seenIn}}
      //- sources/2025-01-01-a.md
      # A

      This is about [[concepts/back$0-pressure]].
    `,
      { seenInHeading: ['Sources'], linkStyle: 'markdown' },
    );
    expect(result(fx, fixes[0])).toBe(`create concepts/back-pressure.md:
---
kind: concept
title: Back Pressure
---
# Back Pressure (concepts/back-pressure, 2026-12-03)

Cited by 1 sources.

## Sources
- [A](../sources/2025-01-01-a.md) — This is about Back Pressure.
`);
  });

  it('offers one page per kind folder for a target without a slash, and pages with the same file name', () => {
    const { fixes } = fixesFor(`
      //- systems/a.md
      # A
      //- concepts/b.md
      # B
      //- sources/2025-01-01-s.md
      [[envo$0y]] and [[patterns/a]]
    `);
    expect(fixes.map((f) => f.title)).toEqual([
      'Create concepts/envoy.md (cited by 1)',
      'Create systems/envoy.md (cited by 1)',
      'Create sources/envoy.md',
      'Create all missing pages linked from this page (1)',
    ]);
    const moved = fixesFor(`
      //- systems/a.md
      # A
      //- sources/2025-01-01-s.md
      [[patterns/$0a]]
    `);
    expect(moved.fixes.map((f) => f.title)).toEqual(['Create patterns/a.md (cited by 1)', 'Link to systems/a', 'Create all missing pages linked from this page (1)']);
  });

  it('never creates a page outside the wiki, over a file, or for an attachment', () => {
    const { fixes } = fixesFor(`
      //- sources/2025-01-01-s.md
      ![[diagram$0.png]] [[../../outside]]
    `);
    expect(fixes.map((f) => f.title)).toEqual([]);
  });
});

describe('rewriting links', () => {
  const check = (source: string, expected: string[]) => {
    const { fx, fixes } = fixesFor(source);
    expect(fixes.filter((f) => f.kind === 'quickfix').map((f) => `${f.title} → ${result(fx, f)}`)).toEqual(expected);
  };

  it('writes the exact id for case mismatches and non-canonical links, keeping syntax, label and anchor', () => {
    check(
      `
      //- systems/coredns.md
      # CoreDNS
      ## Modes
      //- sources/2025-01-01-s.md
      See [[Systems/CoreDNS#Modes|DNS$0]].
    `,
      ['Write the exact id: systems/coredns → sources/2025-01-01-s.md: See [[systems/coredns#Modes|DNS]].'],
    );
    check(
      `
      //- systems/coredns.md
      # CoreDNS
      //- sources/2025-01-01-s.md
      See [DNS](systems/core$0dns.md).
    `,
      ['Write the exact id: systems/coredns → sources/2025-01-01-s.md: See [DNS](../systems/coredns.md).'],
    );
  });

  it('offers each candidate of an ambiguous link', () => {
    check(
      `
      //- concepts/a/dup.md
      # Dup A
      //- concepts/b/dup.md
      # Dup B
      //- sources/2025-01-01-s.md
      [[du$0p]]
    `,
      ['Link to concepts/a/dup → sources/2025-01-01-s.md: [[concepts/a/dup]]', 'Link to concepts/b/dup → sources/2025-01-01-s.md: [[concepts/b/dup]]'],
    );
  });

  it('offers the nearest headings for a broken anchor', () => {
    check(
      `
      //- systems/kube-proxy.md
      # kube-proxy
      ## IPVS mode
      ## iptables mode
      ## Installation
      //- sources/2025-01-01-s.md
      [[systems/kube-proxy#ipvs$0]] and [x](../systems/kube-proxy.md#iptable)
    `,
      [
        'Link to heading "IPVS mode" → sources/2025-01-01-s.md: [[systems/kube-proxy#IPVS mode]] and [x](../systems/kube-proxy.md#iptable)',
        'Link to heading "iptables mode" → sources/2025-01-01-s.md: [[systems/kube-proxy#iptables mode]] and [x](../systems/kube-proxy.md#iptable)',
        'Link to heading "kube-proxy" → sources/2025-01-01-s.md: [[systems/kube-proxy#kube-proxy]] and [x](../systems/kube-proxy.md#iptable)',
      ],
    );
  });
});

describe('creating pages for relative links', () => {
  it('creates the page a Markdown or dotted link points at, relative to the linking page', () => {
    const md = fixesFor(`
      //- sources/2025-01-01-s.md
      See [the proxy](../systems/en$0voy.md).
    `);
    expect(md.fixes[0].title).toBe('Create systems/envoy.md (cited by 1)');
    const dotted = fixesFor(`
      //- sources/2025-01-01-s.md
      See [[../concepts/back-press$0ure]].
    `);
    expect(dotted.fixes[0].title).toBe('Create concepts/back-pressure.md (cited by 1)');
  });
});
