// The small YAML tree the frontmatter reader works on, with source ranges.
// Most frontmatter is a flat list of `key: value` lines, which `fastYaml`
// reads directly; anything beyond that goes through the `yaml` package and
// is converted (`fromYaml`). A differential test holds the two to the same
// results.
import { isMap, isScalar, isSeq, type Node } from 'yaml';

export type YNode =
  | { readonly kind: 'scalar'; readonly value: string | number | boolean | null; readonly range: readonly [number, number] }
  | { readonly kind: 'seq'; readonly items: readonly YNode[]; readonly range: readonly [number, number] }
  | { readonly kind: 'map'; readonly pairs: readonly YPair[]; readonly range: readonly [number, number] }
  | { readonly kind: 'other'; readonly range: readonly [number, number] };

export interface YPair {
  readonly key: string;
  readonly value: YNode | null;
}

export function fromYaml(node: Node): YNode {
  const range: [number, number] = node.range ? [node.range[0], node.range[1]] : [0, 0];
  if (isScalar(node)) {
    const v = node.value;
    const value = typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean' || v === null ? v : String(v);
    return { kind: 'scalar', value, range };
  }
  if (isSeq(node)) return { kind: 'seq', items: node.items.map((i) => fromYaml(i as Node)), range };
  if (isMap(node)) {
    const pairs = node.items.map((p) => ({
      key: isScalar(p.key) ? String(p.key.value) : '',
      value: p.value ? fromYaml(p.value as Node) : null,
    }));
    return { kind: 'map', pairs, range };
  }
  return { kind: 'other', range };
}

/** Every scalar under a node, in order: `[a, [b]]` → a, b. */
export function scalarsOf(node: YNode, out: Extract<YNode, { kind: 'scalar' }>[] = []): Extract<YNode, { kind: 'scalar' }>[] {
  if (node.kind === 'scalar') out.push(node);
  else if (node.kind === 'seq') for (const i of node.items) scalarsOf(i, out);
  else if (node.kind === 'map') for (const p of node.pairs) if (p.value) scalarsOf(p.value, out);
  return out;
}
