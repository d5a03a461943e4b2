// Hover as data: the Markdown shown at a cursor, compared whole.
import { describe, expect, it } from 'vitest';
import { fixtureIndex } from './fixture';
import { hover } from '../../server/src/core/features/hover';
import { renderHover } from '../../server/src/lsp/handlers/hover';

const WIKI = `
//- systems/kubernetes.md
---
type: system
title: Kubernetes
cited_by: 3
---
# Kubernetes

Kubernetes is the dominant open-source container orchestrator.

## Networking

Services get a virtual IP.
kube-proxy rewrites packets.

## Seen in
- [[sources/2025-10-01-databricks]] — Databricks runs gRPC.
- [[sources/2024-08-08-figma]] — Figma moved to EKS.
//- systems/coredns.md
# CoreDNS

Stub page — expand as sources cite it.
//- concepts/evil.md
---
title: Evil <b>page</b>
---
# Evil

Click [me](command:workbench.action.quit) or <img src=x onerror=alert(1)> **now**.
//- sources/2025-10-01-databricks.md
# Databricks LB

They run [[systems/kubernetes]] and [[coredns]] and [[systems/envoy]] and [[concepts/evil]].
//- sources/2024-08-08-figma.md
# Figma

Figma moved to [[systems/kubernetes#Networking]].
`;

function hoverAt(path: string, line: number, character: number): string {
  const { fx, index } = fixtureIndex(WIKI);
  const h = hover(index, path, line, character, { text: (p) => fx.files[p] });
  return h ? renderHover(h) : '(nothing)';
}

describe('hover', () => {
  it('previews an entity: type, true count (and the declared one when it differs), summary, Seen in, id', () => {
    expect(hoverAt('sources/2025-10-01-databricks.md', 2, 14)).toBe(`**SYSTEM** · Cited by 2 sources · (the page says 3)

### Kubernetes

Kubernetes is the dominant open\\-source container orchestrator\\.

Seen in: Databricks LB; Figma

\`systems/kubernetes\``);
  });

  it('says when a page is a stub and when the link was found by a fallback rule', () => {
    expect(hoverAt('sources/2025-10-01-databricks.md', 2, 43)).toBe(`**SYSTEM** · Cited by 1 source

### CoreDNS

Stub page — expand as sources cite it\\.

_Stub page._

\`systems/coredns\` · found by file name`);
  });

  it("shows a heading link's first lines", () => {
    expect(hoverAt('sources/2024-08-08-figma.md', 2, 20)).toContain(`**#Networking**

Services get a virtual IP\\.  
kube\\-proxy rewrites packets\\.  `);
  });

  it('says that a missing page does not exist, who links to it, and that a fix creates it', () => {
    expect(hoverAt('sources/2025-10-01-databricks.md', 2, 58)).toBe('`systems/envoy` does not exist yet — this is the only page linking to it. A quick fix creates it.');
  });

  it('lets no HTML or command link of a page through', () => {
    const shown = hoverAt('sources/2025-10-01-databricks.md', 2, 80);
    expect(shown).toContain('### Evil &lt;b&gt;page&lt;/b&gt;');
    expect(shown).toContain('Click me or now\\.');
    expect(shown).not.toMatch(/\]\(command:|<img|<b>/);
  });

  it("gives the true count and its sources on an entity's title and count key", () => {
    const expected = `**Cited by 2 sources**

- Figma (\`sources/2024-08-08-figma\`)
- Databricks LB (\`sources/2025-10-01-databricks\`)`;
    expect(hoverAt('systems/kubernetes.md', 5, 3)).toBe(expected);
    expect(hoverAt('systems/kubernetes.md', 3, 11)).toBe(expected);
  });
});
