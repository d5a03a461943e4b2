// `wiki-lsp check`, run as users run it: the built file, its stdout, stderr
// and exit code.
import { describe, expect, it, afterAll } from 'vitest';
import { spawnSync } from 'node:child_process';
import { join, resolve } from 'node:path';
import { SERVER, writeWiki } from '../lsp/client';

const run = (args: string[], cwd?: string) => {
  const r = spawnSync(process.execPath, [SERVER, ...args], { cwd, encoding: 'utf8' });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
};

const wiki = writeWiki({
  'systems/kube-proxy.md': '# kube-proxy\n\n## Modes\n\n## Seen in\n- [[sources/2025-10-01-a]] — A.\n- [[sources/2025-10-02-b]] — B.\n',
  'sources/2025-10-01-a.md': '# A\n\nSee [[systems/envoy]] and [[systems/kube-proxy#Nope]] and [[../../etc/passwd]].\n',
  'sources/2025-10-02-b.md': '# B\n\nFine: [[systems/kube-proxy#Modes]].\n',
  'raw/binary.md': Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x00, 0x01]).toString('latin1'),
});
afterAll(() => wiki.remove());

describe('wiki-lsp check', () => {
  it('prints JSON sorted by path, line and column, with 0-based positions', () => {
    const r = run(['check', wiki.root, '--format', 'json']);
    expect(r.code).toBe(1); // link-outside-wiki is an error
    const out = JSON.parse(r.stdout);
    expect(out.root).toBe(wiki.root);
    expect(out.pages).toBe(4);
    expect(out.diagnostics.map((d: any) => `${d.path}:${d.range.start.line}:${d.range.start.character} ${d.severity} ${d.code} ${d.target ?? ''} ${d.resolved ?? ''}`)).toEqual([
      'raw/binary.md:0:0 warning unreadable-page  ',
      'sources/2025-10-01-a.md:2:6 warning dangling-link systems/envoy ',
      'sources/2025-10-01-a.md:2:28 warning broken-anchor systems/kube-proxy#Nope systems/kube-proxy',
      'sources/2025-10-01-a.md:2:60 error link-outside-wiki ../../etc/passwd ',
    ]);
    expect(r.stderr).toMatch(/skipped raw\/binary\.md: binary content/);
    expect(r.stderr).toMatch(/Indexed 4 pages/);
  });

  it('prints compiler-style lines with 1-based positions, then a summary', () => {
    const r = run(['check', '--format', 'text'], wiki.root);
    const lines = r.stdout.trim().split('\n');
    expect(lines[1]).toBe('sources/2025-10-01-a.md:3:7: warning dangling-link: Page "systems/envoy" does not exist.');
    expect(lines.at(-1)).toBe('4 pages checked: 1 error, 3 warnings, 0 hints.');
  });

  it('checks named pages within their wiki', () => {
    const r = run(['check', join(wiki.root, 'sources/2025-10-02-b.md'), '--format', 'json']);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout)).toMatchObject({ root: wiki.root, pages: 1, diagnostics: [] });
  });

  it('exits 1 when warnings exceed --max-warnings, and 2 on bad usage', () => {
    const ok = run(['check', join(wiki.root, 'sources/2025-10-02-b.md'), '--max-warnings', '0']);
    expect(ok.code).toBe(0);
    const some = writeWiki({ 'sources/2025-01-01-s.md': '[[systems/x]]\n' });
    expect(run(['check', some.root, '--max-warnings', '1']).code).toBe(0);
    expect(run(['check', some.root, '--max-warnings', '0']).code).toBe(1);
    some.remove();
    for (const args of [['check', '--format', 'xml'], ['check', '--max-warnings', 'many'], ['frobnicate'], ['check', '/no/such/dir']]) {
      const bad = run(args);
      expect(bad.code, args.join(' ')).toBe(2);
      expect(bad.stderr).toMatch(/Usage:/);
      expect(bad.stdout).toBe('');
    }
  });

  it('passes on the bundled example wiki with its deliberate warnings', () => {
    const r = run(['check', resolve(__dirname, '../../examples/wiki'), '--format', 'json']);
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout);
    expect(out.diagnostics.filter((d: any) => d.severity === 'error')).toEqual([]);
    expect(out.diagnostics.map((d: any) => d.code)).toContain('dangling-link');
  });
});
