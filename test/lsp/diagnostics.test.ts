// Diagnostics over the real protocol: published to a client without pull
// support, pulled (with a refresh) by one that has it, fresh when pages are
// created and deleted on disk, and the quick fix that creates a stub page.
import { afterEach, describe, expect, it } from 'vitest';
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { TestClient, writeWiki, writeFile } from './client';

const WIKI = {
  'systems/kubernetes.md': '# Kubernetes\n\nProxies: [[systems/envoy]] and [[systems/kube-proxy]].\n',
  'systems/kube-proxy.md': '# kube-proxy\n',
  'sources/2025-10-01-a.md': '# A\n\nThey considered [[systems/envoy|Envoy]] sidecars and rejected them.\n',
};

const codes = (p: { diagnostics: { code?: unknown }[] }) => p.diagnostics.map((d) => d.code);

describe('diagnostics over LSP', () => {
  let wiki: ReturnType<typeof writeWiki>;
  let client: TestClient;
  afterEach(async () => {
    await client.shutdown();
    wiki.remove();
  });

  it('publishes diagnostics of open pages and keeps them fresh as pages appear and go on disk', async () => {
    wiki = writeWiki(WIKI);
    client = new TestClient(wiki.root, { capabilities: { workspace: { didChangeWatchedFiles: { dynamicRegistration: true } } } });
    await client.initialize();
    const first = client.waitForDiagnostics('systems/kubernetes.md', () => true);
    await client.open('systems/kubernetes.md', WIKI['systems/kubernetes.md']);
    const initial = await first;
    expect(codes(initial)).toEqual(['dangling-link']);
    expect(initial.diagnostics[0]).toMatchObject({
      range: { start: { line: 2, character: 11 }, end: { line: 2, character: 24 } },
      severity: 2,
      source: 'wiki-lsp',
      message: 'Page "systems/envoy" does not exist (1 other page links to it too).',
      codeDescription: { href: expect.stringMatching(/#dangling-link$/) },
      relatedInformation: [{ location: { uri: client.uri('sources/2025-10-01-a.md') } }],
    });

    const fixed = client.waitForDiagnostics('systems/kubernetes.md', (p) => p.diagnostics.length === 0);
    writeFile(wiki.root, 'systems/envoy.md', '# Envoy\n');
    await client.conn.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: client.uri('systems/envoy.md'), type: 1 }] });
    await fixed;

    const broken = client.waitForDiagnostics('systems/kubernetes.md', (p) => p.diagnostics.length === 2);
    rmSync(join(wiki.root, 'systems/envoy.md'));
    rmSync(join(wiki.root, 'systems/kube-proxy.md'));
    await client.conn.sendNotification('workspace/didChangeWatchedFiles', {
      changes: [{ uri: client.uri('systems/envoy.md'), type: 3 }, { uri: client.uri('systems/kube-proxy.md'), type: 3 }],
    });
    expect(codes(await broken)).toEqual(['dangling-link', 'dangling-link']);
  });

  it('follows edits in the buffer, and a page created in another buffer', async () => {
    wiki = writeWiki(WIKI);
    client = new TestClient(wiki.root);
    await client.initialize();
    const first = client.waitForDiagnostics('systems/kubernetes.md', () => true);
    await client.open('systems/kubernetes.md', WIKI['systems/kubernetes.md']);
    await first;
    const gone = client.waitForDiagnostics('systems/kubernetes.md', (p) => p.diagnostics.length === 0);
    await client.open('systems/envoy.md', '# Envoy\n');
    await gone;
    const again = client.waitForDiagnostics('systems/kubernetes.md', (p) => p.diagnostics.length === 2);
    await client.change('systems/kubernetes.md', 'See [[systems/nope]] and [[systems/kube-proxy#Nowhere]].\n', 2);
    expect(codes(await again)).toEqual(['dangling-link', 'broken-anchor']);
  });

  it('publishes the whole wiki when the scope setting is "workspace"', async () => {
    wiki = writeWiki(WIKI);
    client = new TestClient(wiki.root, { capabilities: { workspace: { configuration: true } }, settings: { diagnostics: { scope: 'workspace' } } });
    const closedPage = client.waitForDiagnostics('sources/2025-10-01-a.md', (p) => p.diagnostics.length > 0);
    await client.initialize();
    expect(codes(await closedPage)).toEqual(['dangling-link']);
  });

  it('never calls a page that exists missing, not even while the wiki is being indexed', async () => {
    const many: Record<string, string> = { 'sources/2025-01-01-s.md': '# S\n\n[[systems/s2999]] and [[systems/nope]]\n' };
    for (let i = 0; i < 3000; i++) many[`systems/s${i}.md`] = `# S${i}\n\nText about [[systems/s${(i + 1) % 3000}]].\n`;
    wiki = writeWiki(many);
    // With `configuration`, the server asks for settings before indexing: the pull arrives before indexing starts.
    client = new TestClient(wiki.root, { capabilities: { textDocument: { diagnostic: {} }, workspace: { configuration: true } } });
    await client.initialize(false);
    await client.open('sources/2025-01-01-s.md', many['sources/2025-01-01-s.md']);
    const report = await client.request('textDocument/diagnostic', { textDocument: { uri: client.uri('sources/2025-01-01-s.md') } });
    expect(report.items.map((d: any) => d.message)).toEqual(['Page "systems/nope" does not exist.']);
  });

  it('answers pull requests and asks the client to refresh when the wiki changes', async () => {
    wiki = writeWiki(WIKI);
    client = new TestClient(wiki.root, {
      capabilities: { textDocument: { diagnostic: { dynamicRegistration: false } }, workspace: { diagnostics: { refreshSupport: true } } },
    });
    const init = await client.initialize();
    expect(init.capabilities.diagnosticProvider).toMatchObject({ interFileDependencies: true, workspaceDiagnostics: true });
    await client.open('systems/kubernetes.md', WIKI['systems/kubernetes.md']);
    const report = await client.request('textDocument/diagnostic', { textDocument: { uri: client.uri('systems/kubernetes.md') } });
    expect(report.kind).toBe('full');
    expect(report.items.map((d: any) => d.code)).toEqual(['dangling-link']);
    const refresh = client.waitFor('request:workspace/diagnostic/refresh');
    await client.open('systems/envoy.md', '# Envoy\n');
    await refresh;
    const after = await client.request('textDocument/diagnostic', { textDocument: { uri: client.uri('systems/kubernetes.md') } });
    expect(after.items).toEqual([]);
  });

  it('creates the missing page with a WorkspaceEdit, then opens it', async () => {
    wiki = writeWiki(WIKI);
    client = new TestClient(wiki.root, {
      capabilities: {
        workspace: { workspaceEdit: { documentChanges: true, resourceOperations: ['create'] } },
        textDocument: { codeAction: { resolveSupport: { properties: ['edit'] } } },
      },
    });
    await client.initialize();
    await client.open('systems/kubernetes.md', WIKI['systems/kubernetes.md']);
    const uri = client.uri('systems/kubernetes.md');
    const actions = await client.request('textDocument/codeAction', {
      textDocument: { uri },
      range: { start: { line: 2, character: 14 }, end: { line: 2, character: 14 } },
      context: { diagnostics: [] },
    });
    const create = actions.find((a: any) => a.isPreferred);
    expect(create).toMatchObject({ title: 'Create systems/envoy.md (cited by 1)', kind: 'quickfix', diagnostics: [{ code: 'dangling-link' }] });
    expect(create.edit).toBeUndefined();
    const resolved = await client.request('codeAction/resolve', create);
    const target = client.uri('systems/envoy.md');
    expect(resolved.edit.documentChanges[0]).toEqual({ kind: 'create', uri: target, options: { overwrite: false, ignoreIfExists: true } });
    expect(resolved.edit.documentChanges[1].edits[0].newText).toContain('- [[sources/2025-10-01-a]] — They considered Envoy sidecars and rejected them.');
    expect(resolved.command).toEqual({ title: 'Open the new page', command: 'wikiLsp.openPage', arguments: [target] });
  });
});
