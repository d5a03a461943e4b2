// Hover and completion over the real protocol.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TestClient, writeWiki } from './client';

const WIKI = {
  'systems/kube-proxy.md': '---\ntitle: kube-proxy\ncited_by: 1\n---\n# kube-proxy\n\nThe default L4 load balancer.\n\n## Modes\n\niptables, IPVS.\n',
  'systems/kubernetes.md': '---\ntitle: Kubernetes\naliases: [k8s]\n---\n# Kubernetes\n',
  'sources/2025-10-01-a.md': '# A\n\nThey replaced [[systems/kube-proxy]].\n',
};

describe('hover and completion over LSP', () => {
  let wiki: ReturnType<typeof writeWiki>;
  let client: TestClient;
  beforeAll(async () => {
    wiki = writeWiki(WIKI);
    client = new TestClient(wiki.root);
    await client.initialize();
  });
  afterAll(async () => {
    await client.shutdown();
    wiki.remove();
  });

  it('hovers a link with the target preview and its true count', async () => {
    await client.open('sources/2025-10-01-a.md', WIKI['sources/2025-10-01-a.md']);
    const h = await client.request('textDocument/hover', { textDocument: { uri: client.uri('sources/2025-10-01-a.md') }, position: { line: 2, character: 20 } });
    expect(h.contents.kind).toBe('markdown');
    expect(h.contents.value).toMatch(/^\*\*SYSTEM\*\* · Cited by 1 source\n/);
    expect(h.contents.value).toContain('The default L4 load balancer\\.');
    expect(h.range).toEqual({ start: { line: 2, character: 14 }, end: { line: 2, character: 36 } });
  });

  it('completes `[[kube` inside and outside brackets, with documentation on resolve', async () => {
    const uri = client.uri('sources/2025-10-02-b.md');
    await client.open('sources/2025-10-02-b.md', 'See [[kube-p\nand [[k8s]] here\n');
    const open = await client.request('textDocument/completion', { textDocument: { uri }, position: { line: 0, character: 12 } });
    expect(open.items[0]).toMatchObject({
      label: 'systems/kube-proxy',
      detail: 'system · cited by 1',
      textEdit: { range: { start: { line: 0, character: 6 }, end: { line: 0, character: 12 } }, newText: 'systems/kube-proxy]]' },
    });
    expect(open.items[0].documentation).toBeUndefined();
    const resolved = await client.request('completionItem/resolve', open.items[0]);
    expect(resolved.documentation.value).toContain('The default L4 load balancer');
    const inside = await client.request('textDocument/completion', { textDocument: { uri }, position: { line: 1, character: 9 } });
    expect(inside.items[0]).toMatchObject({ label: 'k8s', textEdit: { newText: 'systems/kubernetes|k8s', range: { start: { line: 1, character: 6 }, end: { line: 1, character: 9 } } } });
  });
});
