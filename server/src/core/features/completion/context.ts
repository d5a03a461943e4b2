// Where the cursor is, for completion: in a wikilink's target, anchor or
// label; in a Markdown link's destination or its anchor; or in a bare
// `kind/…` reference. Columns are UTF-16 offsets into the line.

export type CompletionContext =
  | { kind: 'wiki-target'; open: number; from: number; to: number; query: string; closed: boolean; hasLabel: boolean; embed: boolean }
  | { kind: 'wiki-anchor'; target: string; from: number; to: number; query: string }
  | { kind: 'wiki-label'; target: string; from: number; to: number; query: string }
  | { kind: 'md-path'; from: number; to: number; query: string }
  | { kind: 'md-anchor'; target: string; from: number; to: number; query: string }
  | { kind: 'bare'; folder: string; from: number; to: number; query: string };

/** End of the part being completed: the first of `stops` in `[cursor, limit)`, else `limit`. */
function partEnd(line: string, cursor: number, stops: string, limit: number): number {
  for (let i = cursor; i < limit; i++) if (stops.includes(line[i])) return i;
  return limit;
}

/** `[[kube|` → the open wikilink around the cursor: where it starts and ends on the line. */
function openWikilink(line: string, cursor: number): { open: number; close: number } | undefined {
  const open = line.lastIndexOf('[[', cursor - 2);
  if (open === -1) return undefined;
  const between = line.slice(open + 2, cursor);
  if (between.includes(']]') || between.includes('[[')) return undefined;
  const close = line.indexOf(']]', cursor);
  const nextOpen = line.indexOf('[[', cursor);
  return { open, close: close !== -1 && (nextOpen === -1 || close < nextOpen) ? close : -1 };
}

export function completionContext(line: string, cursor: number, kinds: ReadonlySet<string>): CompletionContext | undefined {
  return wikiContext(line, cursor) ?? markdownContext(line, cursor) ?? bareContext(line, cursor, kinds);
}

function wikiContext(line: string, cursor: number): CompletionContext | undefined {
  const w = openWikilink(line, cursor);
  if (!w) return undefined;
  const start = w.open + 2;
  const limit = w.close === -1 ? cursor : w.close;
  const typed = line.slice(start, cursor);
  const bar = typed.search(/\\?\|/);
  if (bar !== -1) {
    const target = typed.slice(0, bar).split('#')[0].trim();
    const from = start + bar + (typed[bar] === '\\' ? 2 : 1);
    return { kind: 'wiki-label', target, from, to: w.close === -1 ? cursor : w.close, query: line.slice(from, cursor) };
  }
  const hash = typed.indexOf('#');
  if (hash !== -1) {
    const from = start + hash + 1;
    return { kind: 'wiki-anchor', target: typed.slice(0, hash).trim(), from, to: w.close === -1 ? cursor : partEnd(line, cursor, '|\\]', w.close), query: line.slice(from, cursor) };
  }
  const to = w.close === -1 ? cursor : partEnd(line, cursor, '#|\\]', limit);
  const rest = w.close === -1 ? '' : line.slice(cursor, w.close);
  return {
    kind: 'wiki-target', open: w.open - (line[w.open - 1] === '!' ? 1 : 0), from: start, to, query: typed,
    closed: w.close !== -1, hasLabel: /\\?\|/.test(rest), embed: line[w.open - 1] === '!',
  };
}

function markdownContext(line: string, cursor: number): CompletionContext | undefined {
  const open = line.lastIndexOf('](', cursor - 1);
  if (open === -1) return undefined;
  const from = open + 2;
  const typed = line.slice(from, cursor);
  if (/[\s)]/.test(typed)) return undefined;
  const hash = typed.indexOf('#');
  if (hash !== -1) return { kind: 'md-anchor', target: typed.slice(0, hash), from: from + hash + 1, to: partEnd(line, cursor, ') \t', line.length), query: typed.slice(hash + 1) };
  return { kind: 'md-path', from, to: partEnd(line, cursor, '#) \t', line.length), query: typed };
}

/** `see systems/ku` — a kind folder, a slash, and part of a slug, at a word start. */
function bareContext(line: string, cursor: number, kinds: ReadonlySet<string>): CompletionContext | undefined {
  const m = /(?:^|[\s(])([A-Za-z0-9_-]+)\/([^\s]*)$/.exec(line.slice(0, cursor));
  if (!m || !kinds.has(m[1])) return undefined;
  const from = cursor - m[1].length - 1 - m[2].length;
  let to = cursor;
  while (to < line.length && !/[\s)\],;]/.test(line[to])) to++;
  return { kind: 'bare', folder: m[1], from, to, query: `${m[1]}/${m[2]}` };
}
