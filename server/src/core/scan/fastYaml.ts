// A reader for the frontmatter most pages have — flat `key: value` lines,
// `[a, b]` lists, `- item` lists, quoted strings, comments — ten times faster
// than a full YAML parser. It returns undefined for anything else (nested
// maps, block scalars, anchors, floats, multi-line values), and the caller
// uses the `yaml` package instead. Results (values and ranges) are the ones
// `yaml` gives; a differential test checks it.
import type { YNode, YPair } from './yamlTree';

type Scalar = Extract<YNode, { kind: 'scalar' }>;

const KEY = /^([A-Za-z_][A-Za-z0-9_.-]*)[ \t]*:(?=[ \t]|$)/;
const ITEM = /^([ \t]*)-(?=[ \t]|$)[ \t]*/;

/** `source` is the text between the `---` lines; offsets are into it. */
export function fastYaml(source: string): YNode | undefined {
  const lines = splitLines(source);
  const pairs: YPair[] = [];
  for (let i = 0; i < lines.length; i++) {
    const { text, at } = lines[i];
    if (isBlankOrComment(text)) continue;
    const key = KEY.exec(text);
    if (!key) return undefined;
    const valueAt = skipSpaces(text, key[0].length);
    const rest = text.slice(valueAt);
    if (rest === '' || rest.startsWith('#')) {
      const seq = blockSeq(lines, i + 1);
      if (seq === undefined) return undefined;
      if (seq) {
        pairs.push({ key: key[1], value: seq.node });
        i = seq.last;
      } else pairs.push({ key: key[1], value: { kind: 'scalar', value: null, range: [at + key[0].length, at + key[0].length] } });
      continue;
    }
    const value = rest.startsWith('[') ? flowSeq(text, valueAt, at) : scalarAt(text, valueAt, at, true);
    if (!value || (i + 1 < lines.length && isContinuation(lines[i + 1].text))) return undefined;
    pairs.push({ key: key[1], value });
  }
  return { kind: 'map', pairs, range: [0, source.length] };
}

interface Line {
  text: string;
  at: number;
  /** Offset just after the line's break. */
  end: number;
}

function splitLines(source: string): Line[] {
  const out: Line[] = [];
  let at = 0;
  while (at < source.length) {
    let nl = source.indexOf('\n', at);
    if (nl === -1) nl = source.length;
    const raw = source.slice(at, nl);
    out.push({ text: raw.endsWith('\r') ? raw.slice(0, -1) : raw, at, end: Math.min(nl + 1, source.length) });
    at = nl + 1;
  }
  return out;
}

const isBlankOrComment = (t: string) => /^[ \t]*(#.*)?$/.test(t);
/** An indented line that is not a list item continues a multi-line value, which this reader leaves to `yaml`. */
const isContinuation = (t: string) => /^[ \t]+\S/.test(t) && !ITEM.test(t) && !/^[ \t]*#/.test(t);

function skipSpaces(t: string, i: number): number {
  while (i < t.length && (t[i] === ' ' || t[i] === '\t')) i++;
  return i;
}

/** `- a` lines after `key:`; null when there are none, undefined when they are more than scalars. */
function blockSeq(lines: Line[], first: number): { node: YNode; last: number } | null | undefined {
  const items: YNode[] = [];
  let last = first - 1;
  let start = -1;
  for (let i = first; i < lines.length; i++) {
    const { text, at } = lines[i];
    if (isBlankOrComment(text)) continue;
    const m = ITEM.exec(text);
    if (!m) break;
    if (start === -1) start = at + m[1].length;
    const item = scalarAt(text, m[0].length, at, false);
    if (!item || (item.kind === 'scalar' && item.value === null)) return undefined;
    items.push(item);
    last = i;
  }
  if (items.length === 0) return null;
  return { node: { kind: 'seq', items, range: [start, lines[last].end] }, last };
}

/** `[a, "b c", 3]` on one line. */
function flowSeq(t: string, i: number, at: number): YNode | undefined {
  const close = t.indexOf(']', i);
  if (close === -1 || !isBlankOrComment(t.slice(close + 1))) return undefined;
  const items: YNode[] = [];
  let p = skipSpaces(t, i + 1);
  while (p < close) {
    const item = scalarAt(t, p, at, false, ',]');
    if (!item) return undefined;
    items.push(item);
    p = skipSpaces(t, item.range[1] - at);
    if (t[p] === ',') p = skipSpaces(t, p + 1);
    else if (p !== close) return undefined;
  }
  return { kind: 'seq', items, range: [at + i, at + close + 1] };
}

/** A scalar at `t[i]`: quoted, or plain up to a comment (or `stops` in a flow list). */
function scalarAt(t: string, i: number, at: number, wholeLine: boolean, stops = ''): Scalar | undefined {
  // wholeLine: the value of `key: value`, which nothing but a comment may follow
  const c = t[i];
  if (c === '"' || c === "'") {
    const q = quoted(t, i);
    if (!q || (wholeLine && !isBlankOrComment(t.slice(q.end)))) return undefined;
    return { kind: 'scalar', value: q.value, range: [at + i, at + q.end] };
  }
  let end = i;
  while (end < t.length && !stops.includes(t[end]) && !(t[end] === '#' && (t[end - 1] === ' ' || t[end - 1] === '\t'))) end++;
  const raw = t.slice(i, end).trimEnd();
  if (raw === '' || !isSafePlain(raw)) return undefined;
  return { kind: 'scalar', value: typed(raw), range: [at + i, at + i + raw.length] };
}

/** Plain scalars this reader types the way YAML's core schema does; others go to `yaml`. */
function isSafePlain(raw: string): boolean {
  if (/^[-?:,[\]{}#&*!|>'"%@`]/.test(raw) && !/^-[^\s-]/.test(raw)) return false;
  if (/:[ \t]|:$| #/.test(raw)) return false;
  if (/^[-+]?(\.[0-9]+|[0-9]+\.[0-9]*|[0-9]+(\.[0-9]*)?[eE][-+]?[0-9]+)$|^[-+]?\.(inf|Inf|INF)$|^\.(nan|NaN|NAN)$|^0[xo]/.test(raw)) return false;
  return true;
}

function typed(raw: string): string | number | boolean | null {
  if (/^[-+]?[0-9]+$/.test(raw)) return Number(raw);
  if (/^(~|null|Null|NULL)$/.test(raw)) return null;
  if (/^(true|True|TRUE)$/.test(raw)) return true;
  if (/^(false|False|FALSE)$/.test(raw)) return false;
  return raw;
}

const ESCAPES: Record<string, string> = { '"': '"', '\\': '\\', '/': '/', n: '\n', t: '\t', r: '\r', '0': '\0', ' ': ' ' };

/** `"a \"b\""` or `'it''s'`: the value and the offset after the closing quote; undefined for escapes left to `yaml`. */
function quoted(t: string, i: number): { value: string; end: number } | undefined {
  const q = t[i];
  let value = '';
  for (let k = i + 1; k < t.length; k++) {
    const c = t[k];
    if (q === "'" && c === "'") {
      if (t[k + 1] === "'") {
        value += "'";
        k++;
        continue;
      }
      return { value, end: k + 1 };
    }
    if (q === '"' && c === '"') return { value, end: k + 1 };
    if (q === '"' && c === '\\') {
      const e = ESCAPES[t[k + 1]];
      if (e === undefined) return undefined;
      value += e;
      k++;
      continue;
    }
    value += c;
  }
  return undefined; // a quoted string over several lines: left to `yaml`
}
