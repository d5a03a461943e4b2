// `wiki-lsp fix` on a fixture wiki: byte-exact results for frontmatter
// styles, a body count line, CRLF and a missing section; a dry run that
// writes nothing; JSON; a second run that changes nothing; modes kept.
import { afterEach, describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { chmodSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { SERVER, writeWiki } from '../lsp/client';
import { apply, type Outcome } from '../../server/src/cli/fix';

const run = (args: string[]) => {
  const r = spawnSync(process.execPath, [SERVER, ...args], { encoding: 'utf8' });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
};

const SOURCES = {
  'sources/2025-10-01-a.md': '# A\n\nThey replaced [[systems/kube-proxy]] and [[systems/coredns]]. Also [[concepts/l7]].\n',
  'sources/2025-10-02-b.md': '---\ntitle: B\nsummary: B moved to EKS.\nrelated:\n  - systems/kube-proxy\n  - concepts/l7\n---\n# B\n',
};

const ENTITIES = {
  // flow-style frontmatter with a comment and quoting kept
  'systems/kube-proxy.md': "---\n{ title: 'kube-proxy', cited_by: 9 } # counted by hand\n---\n# kube-proxy\n\n## Seen in\n- [[sources/2025-10-01-a]] — They replaced it.\n",
  // a body count line, CRLF
  'systems/coredns.md': '# CoreDNS\r\n\r\nCited by 4 sources\r\n\r\n## Seen in\r\n* [[sources/2025-10-01-a]] — x\r\n* [[sources/2019-01-01-gone]] — old\r\n',
  // no section, no count
  'concepts/l7.md': '# L7\n\nText.\n\n[^1]: a footnote\n',
};

const EXPECTED = {
  'systems/kube-proxy.md': "---\n{ title: 'kube-proxy', cited_by: 2 } # counted by hand\n---\n# kube-proxy\n\n## Seen in\n- [[sources/2025-10-01-a]] — They replaced it.\n- [[sources/2025-10-02-b]] — B moved to EKS.\n",
  'systems/coredns.md': '# CoreDNS\r\n\r\nCited by 1 source\r\n\r\n## Seen in\r\n* [[sources/2025-10-01-a]] — x\r\n* [[sources/2019-01-01-gone]] — old\r\n',
  'concepts/l7.md': '# L7\n\nText.\n\n## Seen in\n- [[sources/2025-10-01-a]] — Also L7.\n- [[sources/2025-10-02-b]] — B moved to EKS.\n\n[^1]: a footnote\n',
};

describe('wiki-lsp fix', () => {
  let wiki: ReturnType<typeof writeWiki>;
  afterEach(() => wiki.remove());

  it('writes exactly the new counts and items, keeps modes, and changes nothing the second time', () => {
    wiki = writeWiki({ ...SOURCES, ...ENTITIES });
    chmodSync(join(wiki.root, 'systems/coredns.md'), 0o640);
    const first = run(['fix', wiki.root]);
    expect(first.code).toBe(0);
    expect(first.stdout).toBe('updated concepts/l7.md\nupdated systems/coredns.md\nupdated systems/kube-proxy.md\n3 pages updated.\n');
    for (const [path, text] of Object.entries(EXPECTED)) expect(readFileSync(join(wiki.root, path), 'utf8'), path).toBe(text);
    expect(statSync(join(wiki.root, 'systems/coredns.md')).mode & 0o777).toBe(0o640);
    const second = run(['fix', wiki.root, '--format', 'json']);
    expect(JSON.parse(second.stdout)).toEqual({ root: wiki.root, changed: [], skipped: [], notes: [] });
  });

  it('prunes orphan items with --prune', () => {
    wiki = writeWiki({ ...SOURCES, ...ENTITIES });
    run(['fix', wiki.root, '--prune']);
    expect(readFileSync(join(wiki.root, 'systems/coredns.md'), 'utf8')).toBe('# CoreDNS\r\n\r\nCited by 1 source\r\n\r\n## Seen in\r\n* [[sources/2025-10-01-a]] — x\r\n');
  });

  it('prints a unified diff in a dry run and writes nothing', () => {
    wiki = writeWiki({ ...SOURCES, ...ENTITIES });
    const r = run(['fix', wiki.root, '--dry-run']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain(`--- a/systems/kube-proxy.md
+++ b/systems/kube-proxy.md
@@ -1,7 +1,8 @@
 ---
-{ title: 'kube-proxy', cited_by: 9 } # counted by hand
+{ title: 'kube-proxy', cited_by: 2 } # counted by hand
 ---
 # kube-proxy
 
 ## Seen in
 - [[sources/2025-10-01-a]] — They replaced it.
+- [[sources/2025-10-02-b]] — B moved to EKS.
`);
    for (const [path, text] of Object.entries(ENTITIES)) expect(readFileSync(join(wiki.root, path), 'utf8')).toBe(text);
  });

  it('leaves a file that changed since it was read, and says so', () => {
    wiki = writeWiki({ 'systems/x.md': '# X\n' });
    const out: Outcome = { changed: [], skipped: [], notes: [], diff: '' };
    const stale = { text: () => 'Cited by 3 sources\n' };
    apply({ path: 'systems/x.md', edits: [{ span: { sl: 0, sc: 9, el: 0, ec: 10 }, newText: '0' }], skipped: [] }, stale, wiki.root, false, out);
    expect(out.skipped).toEqual([{ path: 'systems/x.md', reason: 'it changed since it was read' }]);
    expect(readFileSync(join(wiki.root, 'systems/x.md'), 'utf8')).toBe('# X\n');
  });
});
