// Over generated wikis (the benchmark's generator, with its manifest of the
// truth): the index's citation counts equal the manifest's; applying every
// citation plan leaves no citation diagnostic; and planning again changes
// nothing — the fixes are idempotent.
import { describe, expect, it } from 'vitest';
import { generateWiki } from '../../bench/generate';
import { indexOf } from './fixture';
import { planCitations } from '../../server/src/core/citations/plan';
import { citationCount } from '../../server/src/core/index/queries';
import { citationDiagnostics } from '../../server/src/core/citations/check';
import { applyEdits } from '../../server/src/core/edits';
import { lineStarts, offsetAt } from '../../server/src/core/text';

function applyAll(files: Record<string, string>): { files: Record<string, string>; changed: number } {
  const index = indexOf(files);
  const texts = { text: (p: string) => files[p] };
  const out = { ...files };
  let changed = 0;
  for (const path of Object.keys(files)) {
    const plan = planCitations(index, path, texts, { prune: true });
    if (!plan || plan.edits.length === 0) continue;
    const text = files[path];
    const starts = lineStarts(text);
    out[path] = applyEdits(text, plan.edits, (l, c) => offsetAt(text, starts, l, c));
    changed++;
  }
  return { files: out, changed };
}

describe('citations over generated wikis', () => {
  for (const seed of [1, 2, 3]) {
    it(`agree with the manifest and become true in one pass (seed ${seed})`, () => {
      const { files: generated, manifest } = generateWiki({ pages: 150, seed });
      const files = Object.fromEntries(generated);
      const index = indexOf(files);
      for (const [id, truth] of Object.entries(manifest.entities)) {
        expect(citationCount(index, `${id}.md`), id).toBe(truth.count);
      }
      const stale = Object.keys(files).filter((p) => citationDiagnostics(index, p).length > 0).length;
      expect(stale).toBeGreaterThan(0);

      const once = applyAll(files);
      expect(once.changed).toBe(stale);
      const after = indexOf(once.files);
      expect(Object.keys(once.files).flatMap((p) => citationDiagnostics(after, p).map((d) => `${p}: ${d.code}`))).toEqual([]);
      expect(applyAll(once.files).changed).toBe(0);
    });
  }
});
