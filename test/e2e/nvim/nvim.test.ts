// Neovim as a second client: client.lua drives the built server
// (`node dist/wiki-lsp.js --stdio`) from a headless nvim on a copy of the
// fixture wiki and writes the raw LSP answers as JSON; this test checks them.
// XDG dirs point into the temp folder (nvim 0.7 writes lsp.log under them).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

const repo = resolve(__dirname, '..', '..', '..');
const SERVER = join(repo, 'dist', 'wiki-lsp.js');

interface Range {
  start: { line: number; character: number };
}

/** What client.lua writes: every answer as the server sent it. */
interface NvimOutput {
  error?: string;
  published: { range: { start: { line: number; character: number } }; message: string; code: string; severity: number; source: string }[][];
  /** Location or, as nvim 0.7 asks for linkSupport, LocationLink. */
  definition: { uri?: string; range?: Range; targetUri?: string; targetSelectionRange?: Range }[];
  hover: { contents: { kind: string; value: string } };
  codeActions: { title: string }[];
  completion: { items: { label: string }[] } | { label: string }[];
}

describe('Neovim 0.7 as a client of the built server', () => {
  let home: string;
  let wiki: string;
  let out: NvimOutput;
  let ms = 0;

  beforeAll(() => {
    home = mkdtempSync(join(tmpdir(), 'wiki-lsp-nvim-'));
    wiki = join(home, 'wiki');
    cpSync(join(repo, 'test', 'e2e', 'fixture', 'wiki'), wiki, { recursive: true });
    const xdg = Object.fromEntries(['CONFIG', 'DATA', 'CACHE', 'STATE'].map((k) => [`XDG_${k}_HOME`, join(home, k.toLowerCase())]));
    const start = Date.now();
    const nvim = spawnSync('nvim', ['--headless', '-u', 'NONE', '-i', 'NONE', '-n', '-c', `luafile ${join(__dirname, 'client.lua')}`], {
      env: { ...process.env, ...xdg, WIKI_ROOT: wiki, WIKI_LSP_SERVER: SERVER, WIKI_LSP_OUT: join(home, 'out.json') },
      encoding: 'utf8',
      timeout: 45_000,
    });
    ms = Date.now() - start;
    if (nvim.error) throw new Error(`nvim did not run (${nvim.error.message}): install it with bash scripts/e2e/install.sh`);
    out = JSON.parse(readFileSync(join(home, 'out.json'), 'utf8'));
    expect(out.error, `client.lua failed; nvim exited ${nvim.status}:\n${nvim.stderr}`).toBeUndefined();
    expect(nvim.status).toBe(0);
  });
  afterAll(() => {
    console.log(`nvim session: ${ms} ms`);
    rmSync(home, { recursive: true, force: true });
  });

  it('gets the dangling link as published diagnostics', () => {
    const last = out.published[out.published.length - 1];
    expect(last.map((d) => [d.code, d.message, d.range.start.line, d.source])).toEqual([
      ['dangling-link', 'Page "systems/envoy" does not exist.', 8, 'wiki-lsp'],
    ]);
  });

  it('never reports a page that exists as missing, not even before the wiki is indexed', () => {
    // nvim opens the page right after `initialized`, while the server is still reading the wiki.
    const everDangling = new Set(out.published.flat().filter((d) => d.code === 'dangling-link').map((d) => d.message));
    expect([...everDangling]).toEqual(['Page "systems/envoy" does not exist.']);
  });

  it('goes to the definition of a wikilink with an anchor: the heading in the target page', () => {
    const locations = Array.isArray(out.definition) ? out.definition : [out.definition];
    expect(locations).toHaveLength(1);
    const [{ uri, range, targetUri, targetSelectionRange }] = locations;
    expect(targetUri ?? uri).toMatch(/\/systems\/kube-proxy\.md$/);
    expect((targetSelectionRange ?? range)?.start.line).toBe(9);
  });

  it('hovers a link with the preview and "Cited by 2 sources"', () => {
    expect(out.hover.contents.kind).toBe('markdown');
    expect(out.hover.contents.value).toContain('Cited by 2 sources');
    expect(out.hover.contents.value).toContain('default L4 service load balancer');
  });

  it('completes `[[kube-p` with the entity', () => {
    const items = Array.isArray(out.completion) ? out.completion : out.completion.items;
    expect(items[0].label).toBe('systems/kube-proxy');
  });

  it('offers the create-page quick fix for the dangling link', () => {
    expect(out.codeActions.map((a) => a.title)).toContain('Create systems/envoy.md (cited by 1)');
  });
});
