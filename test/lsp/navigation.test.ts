// The built server over stdio, driven by a plain LSP client: definition for
// every syntax (frontmatter and heading anchors too), references from every
// syntax, the outline, workspace symbols, document links, and changes on
// disk arriving through workspace/didChangeWatchedFiles.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { parseFixture, type Cursor } from '../core/fixture';
import { TestClient, writeWiki, writeFile } from './client';

const fx = parseFixture(`
//- systems/kube-proxy.md
---
title: kube-proxy
aliases: [kproxy]
---
# kube-proxy

The default L4 load balancer.

## Modes

iptables, IPVS. ^modes-list
//- systems/coredns.md
# CoreDNS

Cluster DNS; see [[syst$1ems/kube-proxy#Mo$2des]].
//- sources/2025-10-01-databricks.md
---
title: Databricks LB
related: [systems/kube$3-proxy]
---
# Databricks LB

They replaced [[systems/kube-pr$4oxy|kube-proxy]] with a client-side balancer,
after reading [the docs](../systems/kube$5-proxy.md), and see system$6s/coredns.

[ref]: ../systems/core$7dns.md
Also [DNS][r$8ef] and \`[[systems/not-a-link]]\`.
//- sources/2025-11-02-figma.md
# Figma

Figma kept [[systems/kube-proxy#modes]] and ![[systems/kube-proxy#^modes-list]].
`);

const pos = (c: Cursor) => ({ textDocument: { uri: '' }, position: { line: c.line, character: c.character } });

describe('navigation over LSP', () => {
  let wiki: ReturnType<typeof writeWiki>;
  let client: TestClient;
  const at = (name: string) => {
    const c = fx.cursors[name];
    const p = pos(c);
    p.textDocument.uri = client.uri(c.path);
    return p;
  };
  const where = (loc: { targetUri?: string; uri?: string; targetRange?: any; range?: any }) => {
    const uri = loc.targetUri ?? loc.uri!;
    const range = loc.targetRange ?? loc.range;
    return `${uri.slice(client.uri('').length + 1)}:${range.start.line}:${range.start.character}`;
  };

  beforeAll(async () => {
    wiki = writeWiki(fx.files);
    client = new TestClient(wiki.root, {
      capabilities: { workspace: { didChangeWatchedFiles: { dynamicRegistration: true } }, textDocument: { diagnostic: {} } },
    });
    await client.initialize();
  });
  afterAll(async () => {
    await client.shutdown();
    wiki.remove();
  });

  it('goes to the definition of every syntax', async () => {
    const results: string[] = [];
    for (const name of ['1', '2', '3', '4', '5', '6', '7', '8']) {
      const locs = await client.request('textDocument/definition', at(name));
      results.push(`$${name} → ${locs?.map(where).join(', ') ?? 'nothing'}`);
    }
    expect(results).toEqual([
      '$1 → systems/kube-proxy.md:8:0', // wikilink with #Modes lands on the heading
      '$2 → systems/kube-proxy.md:8:0',
      '$3 → systems/kube-proxy.md:0:0', // frontmatter list item
      '$4 → systems/kube-proxy.md:0:0',
      '$5 → systems/kube-proxy.md:0:0', // Markdown link
      '$6 → systems/coredns.md:0:0', // bare reference
      '$7 → systems/coredns.md:0:0', // reference definition
      '$8 → systems/coredns.md:0:0', // reference-style link
    ]);
  });

  it('finds references from every syntax, and from the page title', async () => {
    const fromLink = await client.request('textDocument/references', { ...at('4'), context: { includeDeclaration: false } });
    expect(fromLink.map(where).sort()).toEqual([
      'sources/2025-10-01-databricks.md:2:10', // frontmatter
      'sources/2025-10-01-databricks.md:6:14', // wikilink
      'sources/2025-10-01-databricks.md:7:14', // Markdown link
      'sources/2025-11-02-figma.md:2:11', // wikilink with anchor
      'sources/2025-11-02-figma.md:2:44', // embed with block anchor
      'systems/coredns.md:2:17',
    ]);
    const title = { textDocument: { uri: client.uri('systems/kube-proxy.md') }, position: { line: 4, character: 3 }, context: { includeDeclaration: true } };
    const fromTitle = await client.request('textDocument/references', title);
    expect(fromTitle.length).toBe(fromLink.length + 1);
  });

  it('finds references to one heading', async () => {
    const refs = await client.request('textDocument/references', { ...at('2'), context: { includeDeclaration: false } });
    expect(refs.map(where).sort()).toEqual(['sources/2025-11-02-figma.md:2:11', 'systems/coredns.md:2:17']);
  });

  it('outlines a page and finds pages by title and alias', async () => {
    const symbols = await client.request('textDocument/documentSymbol', { textDocument: { uri: client.uri('systems/kube-proxy.md') } });
    expect(symbols.map((s: any) => [s.name, s.children.map((c: any) => c.name)])).toEqual([['kube-proxy', ['Modes']]]);
    const byTitle = await client.request('workspace/symbol', { query: 'CoreDNS' });
    expect(byTitle[0].location.uri).toBe(client.uri('systems/coredns.md'));
    const byAlias = await client.request('workspace/symbol', { query: 'kproxy' });
    expect(byAlias[0].location.uri).toBe(client.uri('systems/kube-proxy.md'));
  });

  it('makes links clickable, with the target as tooltip', async () => {
    const links = await client.request('textDocument/documentLink', { textDocument: { uri: client.uri('sources/2025-11-02-figma.md') } });
    expect(links.map((l: any) => [l.target.slice(client.uri('').length + 1), l.tooltip])).toEqual([
      ['systems/kube-proxy.md#L9', 'kube-proxy — systems/kube-proxy#modes'],
      ['systems/kube-proxy.md#L11', 'kube-proxy — systems/kube-proxy#^modes-list'],
    ]);
  });

  it('follows pages created and deleted on disk', async () => {
    const link = { textDocument: { uri: client.uri('systems/coredns.md') }, position: { line: 2, character: 20 } };
    writeFile(wiki.root, 'systems/envoy.md', '# Envoy\n\nSee [[systems/coredns]].\n');
    await client.conn.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: client.uri('systems/envoy.md'), type: 1 }] });
    await client.waitFor('wikiLsp/status', (s: any) => s.pages === 5);
    const refs = await client.request('textDocument/references', { ...link, position: { line: 0, character: 3 }, context: { includeDeclaration: false } });
    expect(refs.map(where)).toContain('systems/envoy.md:2:4');
    rmSync(join(wiki.root, 'systems/envoy.md'));
    await client.conn.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: client.uri('systems/envoy.md'), type: 3 }] });
    await client.waitFor('wikiLsp/status', (s: any) => s.pages === 4);
  });

  it('prefers an open buffer over the disk', async () => {
    await client.open('systems/coredns.md', '# CoreDNS\n\nNow links [[sources/2025-11-02-figma]].\n');
    const def = await client.request('textDocument/definition', { textDocument: { uri: client.uri('systems/coredns.md') }, position: { line: 2, character: 14 } });
    expect(def.map(where)).toEqual(['sources/2025-11-02-figma.md:0:0']);
    await client.close('systems/coredns.md');
  });
});

describe('the server’s own watcher, for clients that cannot watch files', () => {
  it('picks up pages created, changed and deleted on disk, and a new settings file', async () => {
    const wiki = writeWiki({ 'systems/a.md': '# A\n', 'sources/2025-01-01-s.md': '[[systems/b]]\n' });
    const client = new TestClient(wiki.root);
    await client.initialize();
    const created = client.waitFor('wikiLsp/status', (s: any) => s.pages === 3);
    writeFile(wiki.root, 'systems/b.md', '# B\n');
    await created;
    const def = await client.request('textDocument/definition', { textDocument: { uri: client.uri('sources/2025-01-01-s.md') }, position: { line: 0, character: 4 } });
    expect(def[0].targetUri).toBe(client.uri('systems/b.md'));
    const removed = client.waitFor('wikiLsp/status', (s: any) => s.pages === 2);
    rmSync(join(wiki.root, 'systems/b.md'));
    await removed;
    const reindexed = client.waitFor('wikiLsp/status', (s: any) => s.indexing === false);
    writeFile(wiki.root, '.wiki-lsp.json', '{ "exclude": ["systems"] }');
    await reindexed;
    const symbols = await client.request('workspace/symbol', { query: '' });
    expect(symbols.map((s: any) => s.location.uri)).toEqual([client.uri('sources/2025-01-01-s.md')]);
    await client.shutdown();
    wiki.remove();
  });
});
