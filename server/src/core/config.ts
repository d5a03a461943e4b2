// A wiki's conventions: `.wiki-lsp.json` (JSON with comments), with the
// seed wiki's conventions as defaults. A wrong value is reported and its
// default used, so one typo never disables the rest of the file.
import { parseTree, printParseErrorCode, type Node, type ParseError } from 'jsonc-parser';
import type { Span } from './types';
import { lineStarts, spanOf } from './text';

export type Severity = 'error' | 'warning' | 'information' | 'hint';
export type LinkStyle = 'wikilink' | 'wikilink-title' | 'markdown';
export type BareLinks = 'existing' | 'all' | 'off';

export interface WikiConfig {
  readonly root: string;
  readonly vaultRoot: string | null;
  readonly sourceFolders: readonly string[];
  readonly seenInHeading: readonly string[];
  readonly countKey: string | null;
  readonly countPattern: string | null;
  readonly linkKeys: readonly string[];
  readonly linkStyle: LinkStyle;
  readonly bareLinks: BareLinks;
  readonly exclude: readonly string[];
  readonly templates: string;
  readonly severity: Readonly<Record<string, Severity | 'off'>>;
  readonly generated: readonly (readonly [string, string])[];
}

export const DEFAULT_CONFIG: WikiConfig = Object.freeze({
  root: '.',
  vaultRoot: null,
  sourceFolders: ['sources'],
  seenInHeading: ['Seen in'],
  countKey: 'cited_by',
  countPattern: 'Cited by {n} sources',
  linkKeys: ['sources', 'related'],
  linkStyle: 'wikilink',
  bareLinks: 'existing',
  exclude: ['node_modules', '.git', '.obsidian', 'templates'],
  templates: 'templates',
  severity: {},
  generated: [['<!-- auto:begin -->', '<!-- auto:end -->']],
} satisfies WikiConfig);

export const CONFIG_FILE = '.wiki-lsp.json';

export interface ConfigProblem {
  readonly message: string;
  readonly span: Span;
}

type Check = (value: unknown) => unknown | undefined;

const str: Check = (v) => (typeof v === 'string' && v.length > 0 ? v : undefined);
const strOrNull: Check = (v) => (v === null ? null : str(v));
const strList: Check = (v) =>
  Array.isArray(v) && v.every((x) => typeof x === 'string' && x.length > 0) ? v : undefined;
const nonEmptyList: Check = (v) => (Array.isArray(v) && v.length > 0 ? strList(v) : undefined);
const oneOf = (...allowed: string[]): Check => (v) => (typeof v === 'string' && allowed.includes(v) ? v : undefined);
const SEVERITIES = ['error', 'warning', 'information', 'hint', 'off'];
const severityMap: Check = (v) =>
  v !== null && typeof v === 'object' && !Array.isArray(v) &&
  Object.values(v).every((s) => typeof s === 'string' && SEVERITIES.includes(s)) ? v : undefined;
const pairs: Check = (v) =>
  Array.isArray(v) && v.every((p) => Array.isArray(p) && p.length === 2 && p.every((x) => typeof x === 'string' && x))
    ? v : undefined;
const countPattern: Check = (v) => (v === null ? null : typeof v === 'string' && v.includes('{n}') ? v : undefined);

const CHECKS: Record<keyof WikiConfig, [Check, string]> = {
  root: [str, 'a folder path'],
  vaultRoot: [strOrNull, 'a folder path or null'],
  sourceFolders: [nonEmptyList, 'a non-empty list of folder names'],
  seenInHeading: [nonEmptyList, 'a non-empty list of heading texts'],
  countKey: [strOrNull, 'a frontmatter key or null'],
  countPattern: [countPattern, 'a line containing {n}, or null'],
  linkKeys: [strList, 'a list of frontmatter keys'],
  linkStyle: [oneOf('wikilink', 'wikilink-title', 'markdown'), '"wikilink", "wikilink-title" or "markdown"'],
  bareLinks: [oneOf('existing', 'all', 'off'), '"existing", "all" or "off"'],
  exclude: [strList, 'a list of folder names or paths'],
  templates: [str, 'a folder path'],
  severity: [severityMap, 'an object of diagnostic codes to "error", "warning", "information", "hint" or "off"'],
  generated: [pairs, 'a list of [begin, end] marker pairs'],
};

/** Checks plain settings values (from the editor) key by key; unknown keys are ignored. */
export function mergeConfig(base: WikiConfig, values: Record<string, unknown>): WikiConfig {
  const out: Record<string, unknown> = { ...base };
  for (const key of Object.keys(CHECKS) as (keyof WikiConfig)[]) {
    if (!(key in values) || values[key] === undefined) continue;
    const ok = CHECKS[key][0](values[key]);
    if (ok !== undefined) out[key] = ok;
  }
  return out as unknown as WikiConfig;
}

/** Parses `.wiki-lsp.json`: the settings it gives over `base`, and what is wrong with it. */
export function parseConfig(text: string, base: WikiConfig = DEFAULT_CONFIG): { config: WikiConfig; problems: ConfigProblem[] } {
  const starts = lineStarts(text);
  const at = (offset: number, length: number) => spanOf(starts, offset, offset + length);
  const errors: ParseError[] = [];
  const tree = parseTree(text, errors, { allowTrailingComma: true, disallowComments: false });
  const problems: ConfigProblem[] = errors.map((e) => ({
    message: `${CONFIG_FILE}: ${describeJsonError(printParseErrorCode(e.error))}; the defaults are used.`,
    span: at(e.offset, e.length),
  }));
  if (errors.length > 0 || !tree) return { config: base, problems };
  if (tree.type !== 'object') {
    return { config: base, problems: [{ message: `${CONFIG_FILE} must hold an object; the defaults are used.`, span: at(tree.offset, tree.length) }] };
  }
  const values: Record<string, unknown> = {};
  for (const prop of tree.children ?? []) problems.push(...checkProperty(prop, values, at));
  return { config: mergeConfig(base, values), problems };
}

function checkProperty(prop: Node, values: Record<string, unknown>, at: (o: number, l: number) => Span): ConfigProblem[] {
  const [keyNode, valueNode] = prop.children ?? [];
  if (!keyNode || !valueNode) return [];
  const key = String(keyNode.value);
  if (key === '$schema') return [];
  const check = CHECKS[key as keyof WikiConfig];
  if (!check) return [{ message: `${CONFIG_FILE}: unknown setting "${key}".`, span: at(keyNode.offset, keyNode.length) }];
  const value = nodeValue(valueNode);
  if (check[0](value) === undefined) {
    return [{ message: `${CONFIG_FILE}: "${key}" must be ${check[1]}; its default is used.`, span: at(valueNode.offset, valueNode.length) }];
  }
  values[key] = value;
  return [];
}

function nodeValue(node: Node): unknown {
  if (node.type === 'object') {
    const out: Record<string, unknown> = {};
    for (const p of node.children ?? []) {
      const [k, v] = p.children ?? [];
      if (k && v) out[String(k.value)] = nodeValue(v);
    }
    return out;
  }
  if (node.type === 'array') return (node.children ?? []).map(nodeValue);
  return node.value;
}

function describeJsonError(code: string): string {
  // `InvalidSymbol` → `invalid symbol`
  return code.replace(/([a-z])([A-Z])/g, '$1 $2').toLowerCase();
}

