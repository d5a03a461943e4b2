// Body count lines: the setting `countPattern` (`Cited by {n} sources`, or a
// wiki's own `- **Sources**: {n}`) matched against a whole line, ignoring a
// list bullet and emphasis; `1 source` and `1 sources` both read.

export interface CountMatch {
  value: number;
  /** Offsets of the number within the line. */
  from: number;
  to: number;
}

export type CountMatcher = (line: string) => CountMatch | undefined;

const BULLET = /^\s*(?:[-*+]|\d{1,9}[.)])\s+/;

/** `- **Sources**: {n}` → `Sources: {n}`. */
function bare(pattern: string): string {
  return pattern.replace(BULLET, '').replace(/[*_]+/g, '').trim();
}

const escapeRe = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

export function countMatcher(pattern: string | null): CountMatcher {
  if (!pattern) return () => undefined;
  const plain = bare(pattern);
  const [before, after] = plain.split('{n}').map(escapeRe);
  const tail = after.endsWith('sources') ? after.slice(0, -1) + 's?' : after;
  const re = new RegExp(`^${before.replace(/\s+/g, '\\s+')}(\\d+)${tail.replace(/\s+/g, '\\s+')}$`, 'id');
  // A quick test before the full match: the pattern's first word must be on the line (`Cited`).
  const word = /[A-Za-z]{3,}/.exec(plain)?.[0];
  const hint = word ? new RegExp(escapeRe(word), 'i') : /./;
  const longest = pattern.length + 40;
  return (line) => {
    if (line.length > longest || !/\d/.test(line) || !hint.test(line)) return undefined;
    const { text, offsets } = stripWithOffsets(line);
    const m = re.exec(text);
    if (!m) return undefined;
    const from = offsets[m.indices![1][0]];
    return { value: Number(m[1]), from, to: from + m[1].length };
  };
}

/** The line without bullet and emphasis, and where each kept character was. */
function stripWithOffsets(line: string): { text: string; offsets: number[] } {
  const bullet = BULLET.exec(line);
  let i = bullet ? bullet[0].length : 0;
  let text = '';
  const offsets: number[] = [];
  for (; i < line.length; i++) {
    const c = line[i];
    if (c === '*' || c === '_') continue;
    text += c;
    offsets.push(i);
  }
  const lead = text.length - text.trimStart().length;
  const trimmed = text.trim();
  return { text: trimmed, offsets: offsets.slice(lead) };
}

/** The number as a count line writes it: `Cited by 1 source` when the pattern ends in "sources". */
export function formatCountLine(pattern: string, n: number): string {
  const line = pattern.replace('{n}', String(n));
  return n === 1 && /sources(\W*)$/.test(pattern) ? line.replace(/sources(\W*)$/, 'source$1') : line;
}
