// The injection grammar syntaxes/wiki-links.tmLanguage.json, tokenized with
// vscode-textmate inside the Markdown grammar VS Code uses: wikilinks and
// bare `kind/slug` references get scopes in Markdown text (headings, lists,
// quotes, emphasis, frontmatter) and none in code, comments, URLs or
// Markdown links. Each case lists a line's wiki tokens as `text:part`:
//   `see [[systems/x|X]]` → ['[[:begin', 'systems/x:target', '|:label-sep', 'X:label', ']]:end']
// and the example wiki's pages are checked against the server's own scanner.
import { beforeAll, describe, expect, it } from 'vitest';
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { markdownTokenizer, shortName, wikiScope, type Token, type Tokenizer } from './textmate';
import { parsePage } from '../../server/src/core/scan/page';
import { DEFAULT_CONFIG } from '../../server/src/core/config';

let md: Tokenizer;
beforeAll(async () => {
  md = await markdownTokenizer();
});

/** The wiki tokens of each line of `text`: `{ 0: ['[[:begin', …] }`; lines without any are left out. */
function wikiTokens(text: string): Record<number, string[]> {
  const lines: Record<number, string[]> = {};
  for (const t of md.tokenize(text)) {
    const scope = wikiScope(t);
    if (scope) (lines[t.line] ??= []).push(`${t.text}:${shortName(scope)}`);
  }
  return lines;
}

/** The wiki tokens of a one-line text. */
const one = (line: string): string[] => wikiTokens(line)[0] ?? [];

describe('wikilinks', () => {
  it('scopes brackets, target, anchor and label', () => {
    expect(one('See [[systems/kube-proxy#Modes|kube-proxy modes]] for more.')).toEqual([
      '[[:begin', 'systems/kube-proxy:target', '#:anchor-sep', 'Modes:anchor', '|:label-sep', 'kube-proxy modes:label', ']]:end',
    ]);
    expect(one('[[systems/kube-proxy]]')).toEqual(['[[:begin', 'systems/kube-proxy:target', ']]:end']);
  });

  it('scopes embeds, same-page anchors, block ids and the table separator `\\|`', () => {
    expect(one('![[diagram.png]]')).toEqual(['![[:begin', 'diagram.png:target', ']]:end']);
    expect(one('[[#Modes]]')).toEqual(['[[:begin', '#:anchor-sep', 'Modes:anchor', ']]:end']);
    expect(one('[[systems/x#^block-1]]')).toEqual(['[[:begin', 'systems/x:target', '#:anchor-sep', '^block-1:anchor', ']]:end']);
    expect(one('| [[systems/x\\|X]] | 2 |')).toEqual(['[[:begin', 'systems/x:target', '\\|:label-sep', 'X:label', ']]:end']);
  });

  it('scopes wikilinks in headings, lists, quotes, emphasis and before a Markdown destination', () => {
    const page = '# About [[systems/a]]\n\n- [[systems/b]]\n> [[systems/c]]\n**[[systems/d]]** and _[[systems/e]]_\n[[systems/f]](x.md)\n';
    const targets = Object.values(wikiTokens(page)).flat().filter((t) => t.endsWith(':target'));
    expect(targets).toEqual(['systems/a:target', 'systems/b:target', 'systems/c:target', 'systems/d:target', 'systems/e:target', 'systems/f:target']);
  });

  it('scopes wikilinks and list items in frontmatter', () => {
    const page = '---\ntitle: X\nrelated: ["[[systems/kube-proxy]]"]\nsources:\n  - systems/coredns\n---\n# X\n';
    expect(wikiTokens(page)).toEqual({
      2: ['[[:begin', 'systems/kube-proxy:target', ']]:end'],
      4: ['systems/coredns:target'],
    });
  });
});

describe('bare references', () => {
  it('scope `kind/slug` in prose, without trailing punctuation', () => {
    expect(one('see patterns/proxyless-service-mesh.')).toEqual(['patterns/proxyless-service-mesh:target']);
    expect(one('systems/kube-proxy, then (concepts/layer-7-load-balancing)!')).toEqual(['systems/kube-proxy:target', 'concepts/layer-7-load-balancing:target']);
    expect(one('companies/figma—and more')).toEqual(['companies/figma:target']);
  });

  it('scope the `.md` extension and the anchor', () => {
    expect(one('(systems/kube-proxy.md#modes).')).toEqual(['systems/kube-proxy:target', '.md:ext', '#:anchor-sep', 'modes:anchor']);
  });

  it('leave other paths alone: unknown kinds, mid-word, URLs', () => {
    expect(one('HTTP/2 and queries/day and xsystems/y and a/systems/z')).toEqual([]);
    expect(one('https://example.com/systems/kubernetes and <https://example.com/systems/x>')).toEqual([]);
  });
});

describe('nothing in code, comments or Markdown links', () => {
  it('inline code spans', () => {
    expect(one('kept as code: `[[systems/kube-proxy]]` and ``systems/x``')).toEqual([]);
  });

  it('fenced code blocks, with or without a language, and indented code', () => {
    const page = [
      'Before [[systems/a]].', '', '```sh', 'grep -rl "patterns/proxyless-service-mesh" [[systems/b]]', '```',
      '', '~~~', 'systems/c [[systems/d]]', '~~~', '', '```yaml', 'related: "[[systems/e]]"', '```',
      '', '    [[systems/f]] systems/g', '', 'After systems/h.',
    ].join('\n');
    expect(wikiTokens(page)).toEqual({ 0: ['[[:begin', 'systems/a:target', ']]:end'], 16: ['systems/h:target'] });
  });

  it('HTML comments, also over several lines', () => {
    expect(wikiTokens('<!-- [[systems/a]]\nsystems/b -->\nsystems/c\n')).toEqual({ 2: ['systems/c:target'] });
  });

  it('Markdown link text, destinations and definitions', () => {
    expect(one('[see systems/coredns](../systems/coredns.md) and [CoreDNS][dns]')).toEqual([]);
    expect(wikiTokens('x\n\n[dns]: ../systems/coredns.md\n')).toEqual({});
  });
});

// ---- the example wiki, against the server's scanner --------------------

const WIKI = join(__dirname, '..', '..', 'examples', 'wiki');

function pages(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? pages(join(dir, e.name)) : e.name.endsWith('.md') ? [join(dir, e.name)] : [],
  );
}

/** The kinds the grammar knows, from its bare-reference rule: `(?:systems|concepts|…)/`. */
function grammarKinds(): string[] {
  const grammar = JSON.parse(readFileSync(join(__dirname, '..', '..', 'syntaxes', 'wiki-links.tmLanguage.json'), 'utf8'));
  const kinds = /\(\?:([a-z|]+)\)\//.exec(grammar.repository['bare-reference'].match);
  return kinds ? kinds[1].split('|') : [];
}

/** `line:col` of each wikilink's `[[` and each bare reference's start, as the grammar scopes them. */
function grammarLinks(tokens: Token[]): string[] {
  const starts: string[] = [];
  let previous: string | undefined;
  for (const t of tokens) {
    const part = wikiScope(t) && shortName(wikiScope(t)!);
    const bareStart = part === 'target' && previous === undefined;
    if (part === 'begin' || bareStart) starts.push(`${t.line}:${t.from}`);
    previous = part;
  }
  return starts;
}

describe('the example wiki', () => {
  const kinds = grammarKinds();
  it.each(pages(WIKI).map((p) => relative(WIKI, p)))('%s: the grammar scopes exactly the body links the server finds', (path) => {
    const text = readFileSync(join(WIKI, path), 'utf8');
    const page = parsePage(path.replace(/\.md$/, ''), text, DEFAULT_CONFIG);
    const server = page.links
      .filter((l) => l.syntax === 'wikilink' || l.syntax === 'embed' || (l.syntax === 'bare' && kinds.includes(l.target.split('/')[0])))
      .map((l) => `${l.span.sl}:${l.span.sc}`);
    const fmEnd = text.startsWith('---') ? text.split('\n').indexOf('---', 1) : -1;
    const inBody = (at: string): boolean => Number(at.split(':')[0]) > fmEnd;
    expect(grammarLinks(md.tokenize(text)).filter(inBody)).toEqual(server.filter(inBody));
    expect(server.length).toBeGreaterThan(0);
  });

  it('covers every kind folder of the example wiki', () => {
    const folders = readdirSync(WIKI, { withFileTypes: true }).filter((e) => e.isDirectory()).map((e) => e.name);
    expect(kinds).toEqual(expect.arrayContaining(folders));
  });
});
