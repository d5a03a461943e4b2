// Frontmatter: the fast reader and the `yaml` package give the same values,
// ranges, links and problems; the fast reader declines what it cannot read.
import { describe, expect, it } from 'vitest';
import { generateWiki } from '../../bench/generate';
import { parseFrontmatter } from '../../server/src/core/scan/frontmatter';
import { fastYaml } from '../../server/src/core/scan/fastYaml';
import { DEFAULT_CONFIG } from '../../server/src/core/config';

const CASES = [
  'type: system\ntitle: Kubernetes\naliases: [k8s, "kube"]\ncited_by: 8\n',
  'title: "Quoted: with colon"\nsources:\n  - sources/2025-01-01-a\n  - "[[sources/b|B]]"\n  - https://example.com/x\nrelated: [systems/a, b.md]\n',
  "title: 'it''s'\ncited_by: 007 # a comment\n# a comment line\n\ntags: one\n",
  'title: 12\naliases: {a: 1}\ncited_by: -1\n',
  'title:\ncited_by:\naliases:\n- a\n- b\n',
  'summary: "Escapes \\"quoted\\" \\\\ and \\n new line"\nurl: https://example.com/a#b\ndate: 2025-10-01\n',
  'title: Multi\n  line plain\n',
  'desc: |\n  block [[systems/x]]\n',
  'nested:\n  key: [[systems/y]]\n',
  'title: [unclosed\n',
  'x: 1.5\ny: 0x10\nz: .inf\n',
  'title: &a anchor\nother: *a\n',
  'title: Kube-proxy: the default\n',
  'list: [a, [b], c]\n',
  'related: ["[[systems/a]]", \'[[systems/b#H|l]]\']\n',
  'title: true\ntype: null\n',
  'key with space: 1\n',
  '- a\n- b\n',
  'title: Windows\r\ncited_by: 2\r\n',
];

const opts = DEFAULT_CONFIG;
const both = (src: string) => {
  const text = `---\n${src}---\n`;
  return [parseFrontmatter(text, 4, 4 + src.length, opts, true), parseFrontmatter(text, 4, 4 + src.length, opts, false)];
};

describe('frontmatter', () => {
  it('reads the same with the fast reader as with the yaml package', () => {
    for (const src of CASES) {
      const [fast, full] = both(src);
      expect(fast, src).toEqual(full);
    }
  });

  it('takes the fast path for the frontmatter of generated wikis, and agrees there too', () => {
    const { files } = generateWiki({ pages: 200, seed: 11 });
    let fastRead = 0;
    for (const text of files.values()) {
      const m = /^---\n([\s\S]*?\n)---\n/.exec(text);
      if (!m) continue;
      if (fastYaml(m[1])) fastRead++;
      const [fast, full] = both(m[1]);
      expect(fast).toEqual(full);
    }
    expect(fastRead).toBeGreaterThan(150);
  });

  it('leaves to yaml what it cannot read', () => {
    for (const src of ['desc: |\n  x\n', 'n:\n  k: v\n', 'a: &x 1\n', 'f: 1.5\n', 't: Multi\n  line\n', 'q: "two\n  lines"\n']) {
      expect(fastYaml(src), src).toBeUndefined();
    }
  });
});
