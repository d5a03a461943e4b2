// Link reference definitions: `[ref]: ../systems/kube-proxy.md "Title"`.

export interface Definition {
  /** Normalised label: case-folded, inner whitespace collapsed. */
  readonly label: string;
  /** The destination as written, without angle brackets. */
  readonly dest: string;
  readonly destFrom: number;
  readonly destTo: number;
}

/** CommonMark's label matching (as micromark does it): `[Kube  Proxy]` and `[kube proxy]` are one label. */
export function normalizeLabel(label: string): string {
  return label.replace(/[\t\n\r ]+/g, ' ').trim().toLowerCase().toUpperCase();
}

const DEF = /^\[((?:[^\\[\]]|\\.){1,999})\]:[ \t]*(?:<([^<>\n]*)>|([^\s<][^\s]*))(?:[ \t]+(?:"(?:[^"\\]|\\.)*"|'(?:[^'\\]|\\.)*'|\((?:[^()\\]|\\.)*\)))?[ \t]*$/;

/** A one-line definition starting at `p`; footnote definitions (`[^1]:`) are not link definitions. */
export function parseDefinition(text: string, p: number, end: number): Definition | undefined {
  if (text.charCodeAt(p + 1) === 94) return undefined;
  const m = DEF.exec(text.slice(p, end));
  if (!m || m[1].trim() === '') return undefined;
  const angled = m[2] !== undefined;
  const dest = angled ? m[2] : m[3];
  const rel = m[0].indexOf(angled ? '<' : dest, m[1].length + 3);
  const destFrom = p + rel + (angled ? 1 : 0);
  return { label: normalizeLabel(m[1]), dest, destFrom, destTo: destFrom + dest.length };
}
