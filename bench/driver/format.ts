// Number and table formatting for the report: ms(1834) → "1.83 s", mb(212.4) → "212 MB",
// renderTable(['a', 'b'], [['1', '2']]) → a Markdown-style table with padded columns.

/** 0.4 → "0.40 ms", 12.34 → "12.3 ms", 1834 → "1.83 s". */
export function ms(v: number | undefined): string {
  if (v === undefined || !Number.isFinite(v)) return 'n/a';
  if (v >= 1000) return `${(v / 1000).toFixed(2)} s`;
  return `${v >= 10 ? v.toFixed(1) : v.toFixed(2)} ms`;
}

export function mb(v: number | undefined): string {
  return v === undefined || !Number.isFinite(v) ? 'n/a' : `${Math.round(v)} MB`;
}

export function renderTable(header: readonly string[], rows: readonly (readonly string[])[]): string {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
  const line = (cells: readonly string[]) => `| ${cells.map((c, i) => (c ?? '').padEnd(widths[i])).join(' | ')} |`;
  return [line(header), `|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`, ...rows.map(line)].join('\n');
}
