// Bad input over the real protocol: a 20 MB page, a binary file named .md,
// malformed YAML, a link out of the wiki, a file deleted while open. The
// server answers, reports, and never crashes or reads outside the wiki.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { TestClient, writeWiki, writeFile } from './client';

function hugePage(): string {
  const para = `${'Plain prose about load balancers, proxies and clusters. '.repeat(8)}See [[systems/a]].\n\n`;
  return '# Huge\n\n' + para.repeat(Math.ceil(20_000_000 / para.length));
}

describe('bad input', () => {
  let wiki: ReturnType<typeof writeWiki>;
  let client: TestClient;
  beforeAll(async () => {
    wiki = writeWiki({
      'systems/a.md': '# A\n',
      'systems/b.md': '---\ntitle: [broken\n---\n# B\n',
      'sources/2025-01-01-s.md': '# S\n\n[[../../etc/passwd]] and [[systems/a]]\n',
    });
    writeFileSync(join(wiki.root, 'systems/binary.md'), Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 13]));
    client = new TestClient(wiki.root);
    await client.initialize();
  });
  afterAll(async () => {
    await client.shutdown();
    wiki.remove();
  });

  it('reports malformed YAML, a binary page and a link out of the wiki, reading nothing outside', async () => {
    const pending = ['systems/b.md', 'systems/binary.md', 'sources/2025-01-01-s.md'].map((p) => client.waitForDiagnostics(p, () => true));
    await client.open('systems/b.md', '---\ntitle: [broken\n---\n# B\n');
    await client.open('systems/binary.md', '\u0089PNG\u0000');
    await client.open('sources/2025-01-01-s.md', '# S\n\n[[../../etc/passwd]] and [[systems/a]]\n');
    const [yaml, , outside] = await Promise.all(pending);
    expect(yaml.diagnostics.map((d) => d.code)).toEqual(['frontmatter-error']);
    expect(outside.diagnostics.map((d) => [d.code, d.severity])).toEqual([['link-outside-wiki', 1]]);
    const def = await client.request('textDocument/definition', { textDocument: { uri: client.uri('sources/2025-01-01-s.md') }, position: { line: 2, character: 5 } });
    expect(def).toBeNull();
    expect(client.stderr).toBe('');
  });

  it('parses a 20 MB page without holding up other requests', async () => {
    const text = hugePage();
    const parsed = client.waitForDiagnostics('systems/huge.md', () => true);
    const order: string[] = [];
    void parsed.then(() => order.push('huge page parsed'));
    await client.open('systems/huge.md', text);
    const hover = await client.request('textDocument/hover', { textDocument: { uri: client.uri('sources/2025-01-01-s.md') }, position: { line: 2, character: 27 } });
    order.push('hover answered');
    expect(hover.contents.value).toContain('`systems/a`');
    await parsed;
    expect(order).toEqual(['hover answered', 'huge page parsed']);
    const lastLine = text.split('\n').length - 3;
    const def = await client.request('textDocument/definition', { textDocument: { uri: client.uri('systems/huge.md') }, position: { line: lastLine, character: 460 } });
    expect(def[0].targetUri).toBe(client.uri('systems/a.md'));
    await client.close('systems/huge.md');
  });

  it('keeps a page deleted on disk while it is open, and drops it when closed', async () => {
    writeFile(wiki.root, 'systems/temp.md', '# Temp\n\n[[systems/a]]\n');
    await client.open('systems/temp.md', '# Temp\n\n[[systems/a]]\n');
    rmSync(join(wiki.root, 'systems/temp.md'));
    await client.conn.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: client.uri('systems/temp.md'), type: 3 }] });
    const refsOf = async () =>
      (await client.request('textDocument/references', { textDocument: { uri: client.uri('systems/a.md') }, position: { line: 0, character: 2 }, context: { includeDeclaration: false } }))
        .map((r: any) => r.uri)
        .filter((u: string) => u.endsWith('temp.md'));
    expect(await refsOf()).toHaveLength(1);
    const gone = client.waitFor('wikiLsp/status', (s: any) => !s.indexing);
    await client.close('systems/temp.md');
    await gone;
    expect(await refsOf()).toHaveLength(0);
  });
});
