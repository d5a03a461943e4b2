// The scanner, case by case: each row is a page and the links parsePage
// finds in it, rendered as `syntax target#anchor |label @line:col-line:col`
// (0-based lines, UTF-16 columns, the whole link). WIKI-FORMAT.md's "Links"
// section is the spec; scanner-remark.test.ts checks the rest against remark.
import { describe, expect, it } from 'vitest';
import { parsePage } from '../../server/src/core/scan/page';
import { DEFAULT_CONFIG } from '../../server/src/core/config';
import type { Link } from '../../server/src/core/types';

function render(l: Link): string {
  const target = l.anchor === undefined ? l.target : `${l.target}#${l.anchor}`;
  const label = l.label === undefined ? '' : ` |${l.label}`;
  const ref = l.ref === undefined ? '' : ` [${l.ref}]`;
  return `${l.syntax} ${target}${label}${ref} @${l.span.sl}:${l.span.sc}-${l.span.el}:${l.span.ec}`;
}

const links = (text: string, path = 'sources/2025-01-01-a.md') => parsePage(path, text, DEFAULT_CONFIG).links.map(render);

type Case = [name: string, page: string, expected: string[]];

const WIKILINKS: Case[] = [
  ['plain', 'See [[systems/kube-proxy]].', ['wikilink systems/kube-proxy @0:4-0:26']],
  ['label', 'See [[systems/kube-proxy|kube-proxy]].', ['wikilink systems/kube-proxy |kube-proxy @0:4-0:37']],
  ['anchor', '[[systems/kube-proxy#Modes]]', ['wikilink systems/kube-proxy#Modes @0:0-0:28']],
  ['anchor and label', '[[systems/kube-proxy#Modes|label]]', ['wikilink systems/kube-proxy#Modes |label @0:0-0:34']],
  ['this page', '[[#Modes]]', ['wikilink #Modes @0:0-0:10']],
  ['block id', '[[x#^block]]', ['wikilink x#^block @0:0-0:12']],
  ['`#` splits page and heading', '[[PKCS#11]]', ['wikilink PKCS#11 @0:0-0:11']],
  ['embed', '![[systems/kube-proxy]] ![[diagram.png]]', ['embed systems/kube-proxy @0:0-0:23', 'embed diagram.png @0:24-0:40']],
  ['spaces trimmed', '[[ systems/x | X ]]', ['wikilink systems/x |X @0:0-0:19']],
  ['`\\|` in a table', '| a | b |\n|---|---|\n| [[systems/x\\|X]] | c |', ['wikilink systems/x |X @2:2-2:18']],
  ['`|` unescaped in a table splits the cell', '| a | b |\n|---|---|\n| [[systems/x|X]] | c |', []],
  ['in a heading, a list and a quote', '# [[a]]\n- [[b]]\n> [[c]]', ['wikilink a @0:2-0:7', 'wikilink b @1:2-1:7', 'wikilink c @2:2-2:7']],
  ['in link text', '[see [[systems/x]]](y.md)', ['markdown y.md |see [[systems/x]] @0:0-0:25', 'wikilink systems/x @0:5-0:18']],
  ['before a destination: the wikilink wins', '[[systems/x]](y.md)', ['wikilink systems/x @0:0-0:13']],
  ['not across lines', '[[systems/x\n]]', []],
  ['not empty', '[[]] [[ |x]]', []],
  ['escaped', '\\[[systems/x]]', []],
  ['no code inside', '[[a `b` c]]', []],
];

const MARKDOWN: Case[] = [
  ['relative', '[text](../systems/kube-proxy.md)', ['markdown ../systems/kube-proxy.md |text @0:0-0:32']],
  ['from the root', '[text](/systems/kube-proxy.md)', ['markdown /systems/kube-proxy.md |text @0:0-0:30']],
  ['this page', '[text](#modes)', ['markdown #modes |text @0:0-0:14']],
  ['anchor', '[text](../systems/x.md#modes "Title")', ['markdown ../systems/x.md#modes |text @0:0-0:37']],
  ['%20 decoded', '[text](../systems/kube%20proxy.md)', ['markdown ../systems/kube proxy.md |text @0:0-0:34']],
  ['angle brackets', '[text](<../systems/kube proxy.md>)', ['markdown ../systems/kube proxy.md |text @0:0-0:34']],
  ['balanced parentheses', '[text](a(b).md)', ['markdown a(b).md |text @0:0-0:15']],
  ['image', '![alt](../raw/diagram.png)', ['image ../raw/diagram.png |alt @0:0-0:26']],
  ['across lines', 'A [multi\nline](../m.md) b', ['markdown ../m.md |multi\nline @0:2-1:14']],
  ['across quote lines (the `> ` counts)', '> A [multi\n> line](../m.md)', ['markdown ../m.md |multi\nline @0:4-1:16']],
  ['external and empty targets are no links', '[a](https://x.org/systems/y) [b](mailto:x@y.z) [c]() [d](#)', []],
  ['emphasis around', '*[a](a.md)* **[b](b.md)**', ['markdown a.md |a @0:1-0:10', 'markdown b.md |b @0:14-0:23']],
  ['escaped', '\\[a](a.md)', []],
  ['a link in a link is text', '[a [b](b.md) c](c.md)', ['markdown b.md |b @0:3-0:12']],
];

const REFERENCES: Case[] = [
  ['full, collapsed and shortcut', '[text][ref] [ref][] [ref]\n\n[ref]: ../systems/kube-proxy.md', [
    'reference ../systems/kube-proxy.md |text [REF] @0:0-0:11',
    'reference ../systems/kube-proxy.md |ref [REF] @0:12-0:19',
    'reference ../systems/kube-proxy.md |ref [REF] @0:20-0:25',
    'definition ../systems/kube-proxy.md @2:0-2:31',
  ]],
  ['labels match ignoring case and spaces', '[Kube  Proxy]\n\n[kube proxy]: <../x y.md> "T"', [
    'reference ../x y.md |Kube  Proxy [KUBE PROXY] @0:0-0:13',
    'definition ../x y.md @2:0-2:29',
  ]],
  ['an image reference', '![alt][img]\n\n[img]: ../raw/d.png', ['image ../raw/d.png |alt [IMG] @0:0-0:11', 'definition ../raw/d.png @2:0-2:19']],
  ['no definition, no link', '[text][nope] [nope]', []],
  ['the first definition wins', '[r]\n\n[r]: first.md\n[R]: second.md', ['reference first.md |r [R] @0:0-0:3', 'definition first.md @2:0-2:13']],
  ['over lines', '[r]\n\n[r]:\n  ../r.md\n  "Title"', ['reference ../r.md |r [R] @0:0-0:3', 'definition ../r.md @2:0-4:9']],
  ['a definition cannot interrupt a paragraph', 'Text\n[r]: r.md\n\n[r]', []],
  ['a footnote is no definition', 'Text[^1] and [^1](x.md)\n\n[^1]: A note on [[systems/x]].', ['wikilink systems/x @2:16-2:29']],
];

const BARE: Case[] = [
  ['in prose', 'see patterns/proxyless-service-mesh for more', ['bare patterns/proxyless-service-mesh @0:4-0:35']],
  ['at the line start, after `(`', 'systems/a\n(systems/b) x', ['bare systems/a @0:0-0:9', 'bare systems/b @1:1-1:10']],
  ['trailing punctuation and dash', 'systems/a. systems/b, systems/c; systems/d: (systems/e) systems/f! systems/g—and', [
    'bare systems/a @0:0-0:9', 'bare systems/b @0:11-0:20', 'bare systems/c @0:22-0:31', 'bare systems/d @0:33-0:42',
    'bare systems/e @0:45-0:54', 'bare systems/f @0:56-0:65', 'bare systems/g @0:67-0:76',
  ]],
  ['`.md` and an anchor', 'systems/kube-proxy.md#Modes', ['bare systems/kube-proxy.md#Modes @0:0-0:27']],
  ['deeper paths', 'concepts/training/distillation', ['bare concepts/training/distillation @0:0-0:30']],
  ['only after a space, `(` or the line start', 'e.g.systems/a [systems/b] *systems/c* "systems/d" =systems/e', []],
  ['any first segment: the resolver checks the kind', 'queries/day 1/2', ['bare queries/day @0:0-0:11', 'bare 1/2 @0:12-0:15']],
  ['not in link text or destinations', '[see systems/a](systems/b.md) ![systems/c](x.png)', ['markdown systems/b.md |see systems/a @0:0-0:29', 'image x.png |systems/c @0:30-0:49']],
  ['not in HTML or autolinks', '<span title="systems/a">x</span> <https://x.org/systems/b> <!-- systems/c -->', []],
  ['not in URLs', 'https://example.com/systems/x www.example.com/systems/y (https://w.org/A_(systems/z))', []],
  ['in headings and table cells', '# On systems/a\n\n| systems/b |\n|---|\n|systems/c|', [
    'bare systems/a @0:5-0:14', 'bare systems/b @2:2-2:11', 'bare systems/c @4:1-4:10',
  ]],
];

const FRONTMATTER: Case[] = [
  ['strings holding wikilinks, any key', '---\nsummary: "Built on [[systems/x]] and [[systems/y|Y]]."\n---\n', [
    'frontmatter systems/x @1:19-1:32', 'frontmatter systems/y |Y @1:37-1:52',
  ]],
  ['`sources` and `related` items: ids, paths, file names', '---\nsources: [sources/2025-01-01-a, "../systems/x.md"]\nrelated:\n  - kube-proxy.md\n  - "[[systems/z]]"\n---\n', [
    'frontmatter sources/2025-01-01-a @1:10-1:30',
    'frontmatter ../systems/x.md @1:32-1:49',
    'frontmatter kube-proxy.md @3:4-3:17',
    'frontmatter systems/z @4:5-4:18',
  ]],
  ['URLs in a link list are no links', '---\nrelated: [https://example.com/systems/x, systems/y]\n---\n', ['frontmatter systems/y @1:41-1:50']],
  ['`tags`, `aliases`, `url` and the count are never links', '---\ntags: ["[[systems/x]]", systems/y]\naliases: ["[[systems/z]]"]\nurl: https://x.org/[[w]]\ncited_by: 2\n---\n', []],
  ['body links after frontmatter', '---\ntitle: T\n---\n[[systems/x]]', ['wikilink systems/x @3:0-3:13']],
];

const NOT_LINKS: Case[] = [
  ['fenced code (``` and ~~~)', '```\n[[systems/x]] systems/y [a](b.md)\n```\n~~~md\n[[systems/x]]\n~~~', []],
  ['an unclosed fence runs to the end', 'Text\n\n```\n[[systems/x]]\n\nmore [[systems/y]]', []],
  ['fences in lists and quotes', '- ```\n  [[systems/x]]\n  ```\n> ~~~\n> [[systems/y]]\n> ~~~', []],
  ['indented code', 'Text\n\n    [[systems/x]] systems/y\n\n\t[[systems/z]]', []],
  ['indented code in a list item', '- item\n\n      [[systems/x]]', []],
  ['but a paragraph continues over indented lines', 'Text\n    [[systems/x]]', ['wikilink systems/x @1:4-1:17']],
  ['inline code', '`[[systems/x]]` ``a ` systems/y`` ```[b](c.md)```', []],
  ['HTML comments, inline and over lines', 'a <!-- [[systems/x]] --> b\n\n<!--\n[[systems/y]]\n\n[[systems/z]]\n-->', []],
  ['HTML blocks', '<div>\n[[systems/x]]\n</div>\n\n<script>\n[[systems/y]]\n</script>', []],
  ['URLs', 'https://example.com/systems/x and <https://example.com/systems/y>', []],
];

const POSITIONS: Case[] = [
  ['CRLF lines', '# T\r\n\r\nSee [[systems/x]]\r\n[a](b.md)', ['wikilink systems/x @2:4-2:17', 'markdown b.md |a @3:0-3:9']],
  ['a BOM stays column 0 of line 0', '\uFEFF[[systems/x]]', ['wikilink systems/x @0:1-0:14']],
  ['UTF-16 columns', '😀 [[systems/x]]', ['wikilink systems/x @0:3-0:16']],
  ['after a tab', '-\t[[systems/x]]', ['wikilink systems/x @0:2-0:15']],
];

describe('scanner: links', () => {
  for (const [group, cases] of Object.entries({ WIKILINKS, MARKDOWN, REFERENCES, BARE, FRONTMATTER, NOT_LINKS, POSITIONS })) {
    describe(group, () => {
      it.each(cases)('%s', (_name, page, expected) => expect(links(page)).toEqual(expected));
    });
  }
});

describe('scanner: headings', () => {
  const headings = (text: string) => parsePage('systems/x.md', text, DEFAULT_CONFIG).headings.map((h) => `h${h.level} ${h.text} #${h.slug} @${h.span.sl}-${h.span.el}`);
  it.each<[string, string, string[]]>([
    ['GitHub slugs, repeats numbered', '# Kube-proxy\n## Trade-offs & Limits\n## Modes\n## Modes', [
      'h1 Kube-proxy #kube-proxy @0-0', 'h2 Trade-offs & Limits #trade-offs--limits @1-1', 'h2 Modes #modes @2-2', 'h2 Modes #modes-1 @3-3',
    ]],
    ['closing #s, setext over lines', '## Title ##\nOne\ntwo\n===', ['h2 Title #title @0-0', 'h1 One two #one-two @1-3']],
    ['plain text of links, code and emphasis', '## **Modes** of [[systems/x|kube-proxy]], `iptables` and [IPVS](ipvs.md)', [
      'h2 Modes of kube-proxy, iptables and IPVS #modes-of-kube-proxy-iptables-and-ipvs @0-0',
    ]],
    ['a lone `*` or an inner `_` is text', '## a * b\n## max_conns and _em_', ['h2 a * b #a--b @0-0', 'h2 max_conns and em #max_conns-and-em @1-1']],
    ['entities and escapes', '## AT&amp;T \\*not\\* em', ['h2 AT&T *not* em #att-not-em @0-0']],
    ['not in code', '```\n# no\n```\n    # no', []],
  ])('%s', (_name, page, expected) => expect(headings(page)).toEqual(expected));
});
