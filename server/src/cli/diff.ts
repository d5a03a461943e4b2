// Unified diffs for `wiki-lsp fix --dry-run`, from a line-level Myers diff.

type Op = { kind: ' ' | '-' | '+'; line: string };

/** The shortest edit script between two line lists (Myers, O((N+M)·D)). */
function diffLines(a: string[], b: string[]): Op[] {
  const max = a.length + b.length;
  const v = new Int32Array(2 * max + 2);
  const trace: Int32Array[] = [];
  for (let d = 0; d <= max; d++) {
    trace.push(v.slice());
    for (let k = -d; k <= d; k += 2) {
      let x = k === -d || (k !== d && v[max + k - 1] < v[max + k + 1]) ? v[max + k + 1] : v[max + k - 1] + 1;
      let y = x - k;
      while (x < a.length && y < b.length && a[x] === b[y]) {
        x++;
        y++;
      }
      v[max + k] = x;
      if (x >= a.length && y >= b.length) return backtrack(trace, a, b, max);
    }
  }
  return [];
}

function backtrack(trace: Int32Array[], a: string[], b: string[], max: number): Op[] {
  const ops: Op[] = [];
  let x = a.length;
  let y = b.length;
  for (let d = trace.length - 1; d >= 0; d--) {
    const v = trace[d];
    const k = x - y;
    const prevK = k === -d || (k !== d && v[max + k - 1] < v[max + k + 1]) ? k + 1 : k - 1;
    const prevX = v[max + prevK];
    const prevY = prevX - prevK;
    while (x > prevX && y > prevY) {
      x--;
      y--;
      ops.push({ kind: ' ', line: a[x] });
    }
    if (d > 0) ops.push(x === prevX ? { kind: '+', line: b[--y] } : { kind: '-', line: a[--x] });
  }
  return ops.reverse();
}

/** `--- a/path` / `+++ b/path` and `@@` hunks with three lines of context. */
export function unifiedDiff(path: string, before: string, after: string, context = 3): string {
  const a = linesOf(before);
  const b = linesOf(after);
  const ops = diffLines(a, b);
  const out = [`--- a/${path}`, `+++ b/${path}`];
  let i = 0;
  while (i < ops.length) {
    if (ops[i].kind === ' ') {
      i++;
      continue;
    }
    let start = Math.max(0, i - context);
    let end = i;
    while (end < ops.length) {
      let next = end;
      while (next < ops.length && ops[next].kind === ' ') next++;
      if (next >= ops.length || next - end > 2 * context) break;
      end = next + 1;
      while (end < ops.length && ops[end].kind !== ' ') end++;
    }
    end = Math.min(ops.length, end + context);
    out.push(hunkHeader(ops, start, end), ...ops.slice(start, end).map((o) => o.kind + o.line));
    i = end;
    start = end;
  }
  return out.join('\n') + '\n';
}

/** Lines without the empty one after a final line break. */
const linesOf = (text: string) => (text.endsWith('\n') ? text.slice(0, -1) : text).split('\n');

function hunkHeader(ops: Op[], start: number, end: number): string {
  let oldLine = 1;
  let newLine = 1;
  for (let i = 0; i < start; i++) {
    if (ops[i].kind !== '+') oldLine++;
    if (ops[i].kind !== '-') newLine++;
  }
  const slice = ops.slice(start, end);
  const oldCount = slice.filter((o) => o.kind !== '+').length;
  const newCount = slice.filter((o) => o.kind !== '-').length;
  return `@@ -${oldLine},${oldCount} +${newLine},${newCount} @@`;
}
