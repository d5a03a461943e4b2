// `wiki-lsp fix`: brings every entity page's counts and "Seen in" list up to
// date (`--prune` also removes orphan and duplicate items). Each file is
// written atomically; a file that changed since it was read is left alone
// and reported. `--dry-run` prints a unified diff and writes nothing.
import { existsSync, readFileSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { TextSource } from '../core/edits';
import { applyEdits } from '../core/edits';
import { planCitations, type CitationPlan } from '../core/citations/plan';
import { lineStarts, offsetAt } from '../core/text';
import { locateWiki } from '../host/roots';
import { loadWithCache } from './load';
import { replaceFileAtomic } from '../host/write';
import { UsageError, type CliArgs } from './args';
import { unifiedDiff } from './diff';

export interface Outcome {
  changed: string[];
  skipped: { path: string; reason: string }[];
  notes: { path: string; note: string }[];
  diff: string;
}

export async function runFix(args: CliArgs, log: (line: string) => void): Promise<{ exitCode: number; stdout: string }> {
  const dir = resolve(args.paths[0] ?? process.cwd());
  if (!existsSync(dir) || !statSync(dir).isDirectory()) throw new UsageError(`not a folder: ${dir}`);
  const loc = locateWiki(dir);
  const { index } = await loadWithCache(loc, args, log);
  const read = new Map<string, string>();
  const texts: TextSource = {
    text(path) {
      if (!read.has(path)) {
        try {
          read.set(path, readFileSync(join(loc.root, path), 'utf8'));
        } catch {
          return undefined;
        }
      }
      return read.get(path);
    },
  };
  const out: Outcome = { changed: [], skipped: [], notes: [], diff: '' };
  for (const path of [...index.pages.keys()].sort()) {
    const plan = planCitations(index, path, texts, { prune: args.prune });
    if (plan) apply(plan, texts, loc.root, args.dryRun, out);
  }
  log(`${args.dryRun ? 'Would update' : 'Updated'} ${out.changed.length} of ${index.pages.size} pages.`);
  return { exitCode: out.skipped.length ? 1 : 0, stdout: render(loc.root, out, args) };
}

/** Applies one page's plan: a diff in a dry run, else an atomic write unless the file changed since it was read. */
export function apply(plan: CitationPlan, texts: TextSource, root: string, dryRun: boolean, out: Outcome): void {
  for (const note of plan.skipped) out.notes.push({ path: plan.path, note });
  if (plan.edits.length === 0) return;
  const before = texts.text(plan.path)!;
  const starts = lineStarts(before);
  const after = applyEdits(before, plan.edits, (l, c) => offsetAt(before, starts, l, c));
  if (after === before) return;
  if (dryRun) {
    out.diff += unifiedDiff(plan.path, before, after);
    out.changed.push(plan.path);
    return;
  }
  const abs = join(root, plan.path);
  let now: string | undefined;
  try {
    now = readFileSync(abs, 'utf8');
  } catch {
    now = undefined;
  }
  if (now !== before) {
    out.skipped.push({ path: plan.path, reason: 'it changed since it was read' });
    return;
  }
  replaceFileAtomic(abs, after);
  out.changed.push(plan.path);
}

function render(root: string, out: Outcome, args: CliArgs): string {
  if (args.format === 'json') return JSON.stringify({ root, changed: out.changed, skipped: out.skipped, notes: out.notes }, null, 2) + '\n';
  if (args.dryRun) return out.diff;
  const lines = out.changed.map((p) => `updated ${p}`);
  lines.push(...out.skipped.map((s) => `skipped ${s.path}: ${s.reason}`), ...out.notes.map((n) => `note ${n.path}: ${n.note}`));
  lines.push(`${out.changed.length} page${out.changed.length === 1 ? '' : 's'} updated${out.skipped.length ? `, ${out.skipped.length} skipped` : ''}.`);
  return lines.join('\n') + '\n';
}
