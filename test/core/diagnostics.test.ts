// Diagnostics as data: a fixture wiki, and every diagnostic of it rendered
// as `path:line:col code: message` (0-based), compared with the expected list.
// Each code appears where it must, and the same text in code spans, fences,
// comments and URLs gives nothing.
import { describe, expect, it } from 'vitest';
import { fixtureIndex } from './fixture';
import { wikiDiagnostics } from '../../server/src/core/diagnostics/all';
import { messageOf, severityOf } from '../../server/src/core/diagnostics/messages';
import type { WikiConfig } from '../../server/src/core/config';

/** Citation codes have their own tests (citations.test.ts); here they are off. */
const CITATIONS_OFF = { 'missing-seen-in': 'off', 'stale-citation-count': 'off', 'orphan-seen-in': 'off', 'duplicate-seen-in': 'off' } as const;

function check(source: string, expected: string[], config: Partial<WikiConfig> = {}) {
  const { index } = fixtureIndex(source, { ...config, severity: { ...CITATIONS_OFF, ...config.severity } });
  const rendered = wikiDiagnostics(index).flatMap(({ path, diagnostics }) =>
    diagnostics
      .filter((d) => severityOf(d.code, index.ctx.config))
      .map((d) => `${path}:${d.span.sl}:${d.span.sc} ${d.code}: ${messageOf(d)}`),
  );
  expect(rendered).toEqual(expected);
}

describe('link diagnostics', () => {
  it('reports dangling links in every syntax, and how many other pages link there', () => {
    check(
      `
      //- systems/kube-proxy.md
      # kube-proxy
      //- sources/2025-01-01-a.md
      ---
      related: [systems/envoy]
      ---
      See [[systems/envoy]], [e](../systems/envoy.md) and [ref][r].

      [r]: ../concepts/missing.md
      //- sources/2025-01-02-b.md
      Also [[systems/envoy|Envoy]] and systems/envoy (a bare reference: not flagged by default).
      `,
      [
        'sources/2025-01-01-a.md:1:10 dangling-link: Page "systems/envoy" does not exist (1 other page links to it too).',
        'sources/2025-01-01-a.md:3:6 dangling-link: Page "systems/envoy" does not exist (1 other page links to it too).',
        'sources/2025-01-01-a.md:3:27 dangling-link: Page "../systems/envoy.md" does not exist (1 other page links to it too).',
        'sources/2025-01-01-a.md:5:5 dangling-link: Page "../concepts/missing.md" does not exist.',
        'sources/2025-01-02-b.md:0:7 dangling-link: Page "systems/envoy" does not exist (1 other page links to it too).',
      ],
    );
  });

  it('flags bare references too when the wiki asks for all of them', () => {
    check(
      `
      //- systems/kube-proxy.md
      See systems/envoy, not queries/day.
      `,
      ['systems/kube-proxy.md:0:4 dangling-link: Page "systems/envoy" does not exist.'],
      { bareLinks: 'all' },
    );
  });

  it('gives nothing for link-like text in code, comments and URLs', () => {
    check(
      `
      //- systems/a.md
      Code \`[[systems/x]]\` and <!-- [[systems/y]] --> and https://example.com/systems/z.

      \`\`\`
      [[systems/w]] see systems/v
      \`\`\`

          [[systems/indented]]
      `,
      [],
      { bareLinks: 'all' },
    );
  });

  it('reports broken anchors, matching headings by text or slug', () => {
    check(
      `
      //- systems/kube-proxy.md
      # kube-proxy
      ## IPVS Mode
      Text ^para
      //- sources/2025-01-01-a.md
      [[systems/kube-proxy#IPVS Mode]] [[systems/kube-proxy#ipvs-mode]] [x](../systems/kube-proxy.md#ipvs-mode)
      [[systems/kube-proxy#^para]] [[systems/kube-proxy#Modes]] [[#Nowhere]]
      `,
      [
        'sources/2025-01-01-a.md:1:31 broken-anchor: "systems/kube-proxy" has no heading or block "Modes".',
        'sources/2025-01-01-a.md:1:60 broken-anchor: "sources/2025-01-01-a" has no heading or block "Nowhere".',
      ],
    );
  });

  it('reports ambiguity, case mismatch, non-canonical links and links leaving the wiki, one per link', () => {
    check(
      `
      //- concepts/a/dup.md
      # Dup A
      //- concepts/b/dup.md
      # Dup B
      //- systems/coredns.md
      # CoreDNS
      //- sources/2025-01-01-a.md
      [[dup]] [[Systems/CoreDNS]] [[coredns]] [[../../etc/passwd]] [x](systems/coredns.md)
      `,
      [
        'sources/2025-01-01-a.md:0:2 ambiguous-link: "dup" matches several pages: concepts/a/dup.md, concepts/b/dup.md.',
        'sources/2025-01-01-a.md:0:10 link-case-mismatch: "Systems/CoreDNS" matches "systems/coredns" only when case is ignored.',
        'sources/2025-01-01-a.md:0:30 non-canonical-link: "coredns" was found by file name; its id is "systems/coredns".',
        'sources/2025-01-01-a.md:0:42 link-outside-wiki: "../../etc/passwd" leaves the wiki; nothing outside it is read or linked.',
        'sources/2025-01-01-a.md:0:65 non-canonical-link: "systems/coredns.md" was found by a path from the wiki root; its id is "systems/coredns".',
      ],
      { severity: { 'duplicate-title': 'off' } },
    );
  });

  it('reports titles and aliases shared by two pages', () => {
    check(
      `
      //- systems/a.md
      ---
      title: Gateway
      ---
      //- systems/b.md
      ---
      aliases: [gateway]
      ---
      # B
      `,
      [
        'systems/a.md:1:7 duplicate-title: The title "Gateway" is also used by systems/b; links by this title are ambiguous.',
        'systems/b.md:3:2 duplicate-title: The title "gateway" is also used by systems/a; links by this title are ambiguous.',
      ],
    );
  });

  it('reports frontmatter that does not parse, and known keys of the wrong type', () => {
    check(
      `
      //- systems/a.md
      ---
      title: [unclosed
      ---
      # A
      //- systems/b.md
      ---
      title: 12
      aliases: {a: 1}
      cited_by: -1
      ---
      # B
      `,
      [
        'systems/a.md:2:0 frontmatter-error: Frontmatter is not valid YAML: Flow sequence in block collection must be sufficiently indented and end with a ].',
        'systems/b.md:1:7 frontmatter-error: `title` must be a string.',
        'systems/b.md:2:9 frontmatter-error: `aliases` must be a list of strings or a string.',
        'systems/b.md:3:10 frontmatter-error: `cited_by` must be a non-negative integer (the number of sources citing this page).',
      ],
      { severity: { 'stale-citation-count': 'off' } },
    );
  });

  it('lets the wiki change severities, off included', () => {
    check(
      `
      //- sources/2025-01-01-a.md
      [[systems/envoy]]
      `,
      [],
      { severity: { 'dangling-link': 'off' } },
    );
  });
});
