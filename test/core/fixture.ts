// Fixtures as data: a whole wiki in one template string, pages separated by
// `//- path` lines, with markers for positions:
//   $0        the cursor; `$1` … `$9` more named positions
//   ⟨ … ⟩     an expected range (any number)
//
//   //- systems/kube-proxy.md
//   # Kube-proxy
//   //- sources/a.md
//   See [[systems/kube$0-proxy]].
import { applyChanges, emptyIndex, type Change, type WikiIndex } from '../../server/src/core/index/index';
import { DEFAULT_CONFIG, mergeConfig, type WikiConfig } from '../../server/src/core/config';
import type { Span } from '../../server/src/core/types';

export interface Fixture {
  /** Page texts without markers, by path. */
  files: Record<string, string>;
  cursor?: Cursor;
  /** `$0` … `$9` by their digit. */
  cursors: Record<string, Cursor>;
  ranges: { path: string; span: Span }[];
}

export interface Cursor {
  path: string;
  line: number;
  character: number;
}

export function parseFixture(source: string): Fixture {
  const files: Record<string, string> = {};
  const ranges: Fixture['ranges'] = [];
  const cursors: Record<string, Cursor> = {};
  const chunks = dedent(source).split(/^\/\/- (.+)\n/m);
  for (let i = 1; i < chunks.length; i += 2) {
    const path = chunks[i].trim();
    const { text, marks, ranges: r } = stripMarkers(chunks[i + 1] ?? '');
    files[path] = text;
    for (const [name, pos] of Object.entries(marks)) cursors[name] = { path, ...pos };
    for (const span of r) ranges.push({ path, span });
  }
  return { files, cursor: cursors['0'], cursors, ranges };
}

function stripMarkers(raw: string): { text: string; marks: Record<string, { line: number; character: number }>; ranges: Span[] } {
  let text = '';
  let line = 0;
  let col = 0;
  const marks: Record<string, { line: number; character: number }> = {};
  const open: { line: number; col: number }[] = [];
  const ranges: Span[] = [];
  for (let i = 0; i < raw.length; i++) {
    if (raw[i] === '$' && /[0-9]/.test(raw[i + 1] ?? '')) {
      marks[raw[i + 1]] = { line, character: col };
      i++;
      continue;
    }
    const ch = raw[i];
    if (ch === '⟨') open.push({ line, col });
    else if (ch === '⟩') {
      const s = open.pop()!;
      ranges.push({ sl: s.line, sc: s.col, el: line, ec: col });
    } else {
      text += ch;
      if (ch === '\n') {
        line++;
        col = 0;
      } else col++;
    }
  }
  return { text, marks, ranges };
}

/** Removes the common indentation of a template literal's lines, and its first newline. */
export function dedent(s: string): string {
  const body = s.replace(/^\n/, '');
  const lines = body.split('\n');
  const indents = lines.filter((l) => l.trim()).map((l) => /^ */.exec(l)![0].length);
  const cut = indents.length ? Math.min(...indents) : 0;
  return lines.map((l) => l.slice(cut)).join('\n').replace(/\n[ \t]*$/, '\n');
}

export function indexOf(files: Record<string, string>, config: Partial<WikiConfig> = {}, vaultPrefix = ''): WikiIndex {
  const cfg = mergeConfig(DEFAULT_CONFIG, config as Record<string, unknown>);
  const changes: Change[] = Object.entries(files).map(([path, text]) =>
    /\.md$/i.test(path) ? { kind: 'page', path, text } : { kind: 'file', path },
  );
  return applyChanges(emptyIndex(cfg, vaultPrefix), changes);
}

export function fixtureIndex(source: string, config: Partial<WikiConfig> = {}): { fx: Fixture; index: WikiIndex } {
  const fx = parseFixture(source);
  return { fx, index: indexOf(fx.files, config) };
}

/** `12:4-12:9` for a span, as the readable renders print it (0-based). */
export const showSpan = (s: Span): string => `${s.sl}:${s.sc}-${s.el}:${s.ec}`;
