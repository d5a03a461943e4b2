// The on-save citation update over the real protocol: the test client
// answers workspace/applyEdit and checks the edit it receives.
import { afterEach, describe, expect, it } from 'vitest';
import { TestClient, writeWiki, writeFile } from './client';

const WIKI = {
  'systems/envoy.md': '---\ntitle: Envoy\ncited_by: 1\n---\n# Envoy\n\n## Seen in\n- [[sources/2025-01-01-a]] — A uses Envoy.\n',
  'systems/kube-proxy.md': '---\ncited_by: 0\n---\n# kube-proxy\n',
  'sources/2025-01-01-a.md': '# A\n\nA uses [[systems/envoy]].\n',
  'sources/2025-02-02-b.md': '# B\n\nNothing yet.\n',
  'sources/2025-03-03-c.md': '# C\n\nNothing yet.\n',
};

/** What an edit does, readably: `systems/envoy.md 2:10-2:11 "2"`. */
function describeEdit(client: TestClient, params: any): string[] {
  return params.edit.documentChanges.flatMap((c: any) =>
    c.edits.map((e: any) => `${c.textDocument.uri.slice(client.uri('').length + 1)} ${e.range.start.line}:${e.range.start.character}-${e.range.end.line}:${e.range.end.character} ${JSON.stringify(e.newText)}`),
  );
}

describe('citations on save', () => {
  let wiki: ReturnType<typeof writeWiki>;
  let client: TestClient;
  afterEach(async () => {
    await client.shutdown();
    wiki.remove();
  });

  const start = async (applyEdit: (p: unknown) => { applied: boolean }) => {
    wiki = writeWiki(WIKI);
    client = new TestClient(wiki.root, {
      capabilities: {
        workspace: { workspaceEdit: { documentChanges: true }, diagnostics: { refreshSupport: true } },
        textDocument: { diagnostic: {} },
      },
      initializationOptions: { saveDocuments: true },
      applyEdit,
    });
    await client.initialize();
  };

  const save = (path: string) => client.conn.sendNotification('textDocument/didSave', { textDocument: { uri: client.uri(path) } });

  it('adds the new item and sets the count when a source gains a citation, then asks to save the clean pages', async () => {
    await start(() => ({ applied: true }));
    await client.open('sources/2025-02-02-b.md', WIKI['sources/2025-02-02-b.md']);
    await client.change('sources/2025-02-02-b.md', '# B\n\nB replaced [[systems/envoy|Envoy]] sidecars. More.\n', 2);
    const edit = client.waitFor('request:workspace/applyEdit');
    const saveRequest = client.waitFor('request:wikiLsp/saveDocuments');
    await save('sources/2025-02-02-b.md');
    const params = await edit;
    expect(params.label).toBe('Update citations');
    expect(describeEdit(client, params)).toEqual([
      'systems/envoy.md 2:10-2:11 "2"',
      'systems/envoy.md 7:42-7:42 "\\n- [[sources/2025-02-02-b]] — B replaced Envoy sidecars."',
    ]);
    expect(params.edit.documentChanges[0].textDocument.version).toBeNull();
    expect((await saveRequest).uris).toEqual([client.uri('systems/envoy.md')]);
  });

  it('lowers the count when a citation is lost and leaves the item, and gives one edit for several saves', async () => {
    await start(() => ({ applied: true }));
    await client.open('sources/2025-01-01-a.md', WIKI['sources/2025-01-01-a.md']);
    await client.open('sources/2025-03-03-c.md', WIKI['sources/2025-03-03-c.md']);
    await client.change('sources/2025-01-01-a.md', '# A\n\nNo longer.\n', 2);
    await client.change('sources/2025-03-03-c.md', '# C\n\nC runs [[systems/kube-proxy]].\n', 2);
    const edit = client.waitFor('request:workspace/applyEdit');
    await save('sources/2025-01-01-a.md');
    await save('sources/2025-03-03-c.md');
    expect(describeEdit(client, await edit)).toEqual([
      'systems/envoy.md 2:10-2:11 "0"',
      'systems/kube-proxy.md 1:10-1:11 "1"',
      'systems/kube-proxy.md 3:12-3:12 "\\n\\n## Seen in\\n- [[sources/2025-03-03-c]] — C runs kube-proxy."',
    ]);
    expect(client.seen.filter((s) => s.method === 'request:workspace/applyEdit')).toHaveLength(1);
  });

  it('computes again once when the client rejects the edit', async () => {
    let calls = 0;
    await start(() => ({ applied: ++calls > 1 }));
    await client.open('sources/2025-02-02-b.md', WIKI['sources/2025-02-02-b.md']);
    await client.change('sources/2025-02-02-b.md', '# B\n\n[[systems/kube-proxy]]\n', 2);
    const second = client.waitFor('request:workspace/applyEdit', () => calls === 1);
    await save('sources/2025-02-02-b.md');
    await second;
    expect(calls).toBe(2);
  });

  it('never edits for changes made on disk by other programs, but reports them', async () => {
    wiki = writeWiki(WIKI);
    client = new TestClient(wiki.root, { capabilities: { workspace: { workspaceEdit: { documentChanges: true } } }, applyEdit: () => ({ applied: true }) });
    await client.initialize();
    const clean = client.waitForDiagnostics('systems/envoy.md', () => true);
    await client.open('systems/envoy.md', WIKI['systems/envoy.md']);
    expect((await clean).diagnostics).toEqual([]);
    writeFile(wiki.root, 'sources/2025-02-02-b.md', '# B\n\nNow [[systems/envoy]].\n');
    const stale = client.waitForDiagnostics('systems/envoy.md', (p) => p.diagnostics.length > 0);
    await client.conn.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: client.uri('sources/2025-02-02-b.md'), type: 2 }] });
    expect((await stale).diagnostics.map((d) => d.code)).toEqual(['stale-citation-count', 'missing-seen-in']);
    expect(client.seen.some((s) => s.method === 'request:workspace/applyEdit')).toBe(false);
  });
});

describe('Wiki: Update all citations', () => {
  it('sends one edit for the whole wiki, to be confirmed when it touches many pages', async () => {
    const files: Record<string, string> = { 'sources/2025-01-01-a.md': '# A\n\n' };
    for (let i = 0; i < 7; i++) {
      files[`systems/s${i}.md`] = `---\ncited_by: 0\n---\n# S${i}\n`;
      files['sources/2025-01-01-a.md'] += `Uses [[systems/s${i}]].\n`;
    }
    const wiki = writeWiki(files);
    const client = new TestClient(wiki.root, {
      capabilities: { workspace: { workspaceEdit: { documentChanges: true, changeAnnotationSupport: {} } } },
      applyEdit: () => ({ applied: true }),
    });
    await client.initialize();
    const edit = client.waitFor('request:workspace/applyEdit');
    const result = await client.request('workspace/executeCommand', { command: 'wikiLsp.updateAllCitations', arguments: [] });
    const params = await edit;
    expect(result).toEqual({ pages: 7, applied: true });
    expect(params.label).toBe('Update all citations');
    expect(params.edit.documentChanges).toHaveLength(7);
    expect(params.edit.changeAnnotations['wikiLsp.updateAllCitations'].needsConfirmation).toBe(true);
    expect(params.edit.documentChanges[0].edits.map((e: any) => e.newText)).toEqual(['1', '\n\n## Seen in\n- [[sources/2025-01-01-a]] — Uses S0.']);
    await client.shutdown();
    wiki.remove();
  });
});
