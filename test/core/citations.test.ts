// Citations as data: the citation diagnostics of an entity page, the exact
// page after each fix, and that computing again after a fix yields nothing.
import { describe, expect, it } from 'vitest';
import { fixtureIndex, indexOf, type Fixture } from './fixture';
import { citationDiagnostics } from '../../server/src/core/citations/check';
import { planCitations, type PlanOptions } from '../../server/src/core/citations/plan';
import { messageOf } from '../../server/src/core/diagnostics/messages';
import { applyEdits } from '../../server/src/core/edits';
import { lineStarts, offsetAt } from '../../server/src/core/text';
import type { WikiConfig } from '../../server/src/core/config';

const SOURCES = `
//- sources/2025-10-01-databricks.md
---
title: Databricks LB
---
# Databricks LB

Databricks runs gRPC. They replaced [[systems/kube-proxy|kube-proxy]] with a client-side balancer. Then more.
//- sources/2024-08-08-figma.md
---
title: Figma moves
summary: Figma migrated to EKS.
related: [systems/kube-proxy]
---
# Figma moves
//- sources/2026-01-01-new.md
# New

A new article on [kube-proxy](../systems/kube-proxy.md) modes.
//- concepts/other.md
# Other

[[systems/kube-proxy]] (an entity link: not a citation)
`;

function render(source: string, config: Partial<WikiConfig> = {}) {
  const { fx, index } = fixtureIndex(SOURCES + source, config);
  return { fx, index, diagnostics: citationDiagnostics(index, 'systems/kube-proxy.md').map((d) => `${d.span.sl}:${d.span.sc} ${d.code}: ${messageOf(d)}`) };
}

/** The page after applying the plan, and the plan computed again on the result (must be empty). */
function fixed(fx: Fixture, path: string, opts: PlanOptions, config: Partial<WikiConfig> = {}): { text: string; again: number } {
  const index = indexOf(fx.files, config);
  const texts = { text: (p: string) => fx.files[p] };
  const plan = planCitations(index, path, texts, opts)!;
  const text = fx.files[path];
  const starts = lineStarts(text);
  const after = applyEdits(text, plan.edits, (l, c) => offsetAt(text, starts, l, c));
  const files = { ...fx.files, [path]: after };
  const again = planCitations(indexOf(files, config), path, { text: (p) => files[p] }, opts)!.edits.length;
  return { text: after, again };
}

const ENTITY = `
//- systems/kube-proxy.md
---
title: kube-proxy # the default proxy
cited_by: "5"
---
# kube-proxy

Cited by 7 sources

## Seen in
- [[sources/2025-10-01-databricks]] — They replaced it.
- [[sources/2025-10-01-databricks]] — Again.
- [[concepts/other]] — Not a source.
- [[sources/2020-01-01-gone]] — Deleted since.
`;

describe('citation diagnostics', () => {
  it('finds stale counts, missing sources, orphan and duplicate items', () => {
    expect(render(ENTITY, { severity: {} }).diagnostics).toEqual([
      '6:9 stale-citation-count: Declared count 7, but 3 sources cite this page.',
      '8:3 missing-seen-in: "sources/2024-08-08-figma" cites this page but is not listed in "Seen in".',
      '8:3 missing-seen-in: "sources/2026-01-01-new" cites this page but is not listed in "Seen in".',
      '10:2 duplicate-seen-in: "sources/2025-10-01-databricks" is listed more than once in "Seen in".',
      '11:2 orphan-seen-in: "concepts/other" is listed in "Seen in" but is not a source page.',
      '12:2 orphan-seen-in: "sources/2020-01-01-gone" is listed in "Seen in" but does not cite this page.',
    ]);
  });

  it('gives an entity with citing sources and no section a diagnostic per source', () => {
    const { diagnostics } = render('//- systems/kube-proxy.md\n# kube-proxy\n');
    expect(diagnostics).toEqual([
      '0:2 missing-seen-in: "sources/2024-08-08-figma" cites this page but is not listed in "Seen in".',
      '0:2 missing-seen-in: "sources/2025-10-01-databricks" cites this page but is not listed in "Seen in".',
      '0:2 missing-seen-in: "sources/2026-01-01-new" cites this page but is not listed in "Seen in".',
    ]);
  });
});

describe('citation fixes', () => {
  it('updates the whole page: numbers in place (frontmatter formatting kept), new items after the list, orphans pruned', () => {
    const { fx } = render(ENTITY.replace('cited_by: "5"', 'cited_by: 5'));
    expect(fixed(fx, 'systems/kube-proxy.md', { prune: true })).toEqual({
      text: `---
title: kube-proxy # the default proxy
cited_by: 3
---
# kube-proxy

Cited by 3 sources

## Seen in
- [[sources/2025-10-01-databricks]] — They replaced it.
- [[sources/2024-08-08-figma]] — Figma migrated to EKS.
- [[sources/2026-01-01-new]] — A new article on kube-proxy modes.
`,
      again: 0,
    });
  });

  it('writes a missing section at the end, before trailing definitions, keeping CRLF, with "1 source"', () => {
    const entity = '//- systems/kube-proxy.md\n# kube-proxy\r\n\r\n- **Sources**: 2 sources\r\n\r\nSee [ref].\r\n\r\n[ref]: ../concepts/other.md\r\n';
    const { fx } = render(entity);
    fx.files['sources/2024-08-08-figma.md'] = '# Figma\n';
    fx.files['sources/2026-01-01-new.md'] = '# New\n';
    const result = fixed(fx, 'systems/kube-proxy.md', {}, { countPattern: '- **Sources**: {n} sources' });
    expect(result.text).toBe(
      '# kube-proxy\r\n\r\n- **Sources**: 1 source\r\n\r\nSee [ref].\r\n\r\n## Seen in\r\n- [[sources/2025-10-01-databricks]] — They replaced kube-proxy with a client-side balancer.\r\n\r\n[ref]: ../concepts/other.md\r\n',
    );
    expect(result.again).toBe(0);
  });

  it('copies the first list’s bullet and indentation, numbering ordered lists on', () => {
    const { fx } = render('//- systems/kube-proxy.md\n# kube-proxy\n\n### Seen in:\n  3. [[sources/2025-10-01-databricks]] — x\n');
    expect(fixed(fx, 'systems/kube-proxy.md', {}, { linkStyle: 'wikilink-title' }).text).toBe(
      '# kube-proxy\n\n### Seen in:\n  3. [[sources/2025-10-01-databricks]] — x\n  4. [[sources/2024-08-08-figma|Figma moves]] — Figma migrated to EKS.\n  5. [[sources/2026-01-01-new|New]] — A new article on kube-proxy modes.\n',
    );
  });

  it('leaves a region a generator owns alone, and says so', () => {
    const { fx, index } = render('//- systems/kube-proxy.md\n# kube-proxy\n\n## Seen in\n<!-- auto:begin -->\n- [[sources/2025-10-01-databricks]] — x\n<!-- auto:end -->\n');
    const plan = planCitations(index, 'systems/kube-proxy.md', { text: (p) => fx.files[p] })!;
    expect(plan.edits).toEqual([]);
    expect(plan.skipped).toEqual(['line 5 is in a generated region (between its markers), so it was not edited']);
  });
});
