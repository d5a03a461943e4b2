// Fuzzy matching for completion and workspace symbols: the query's
// characters in order, ignoring case, scored higher for a prefix, for
// consecutive runs and for word starts. `kprox` matches `systems/kube-proxy`.

const isWordStart = (text: string, i: number): boolean => {
  if (i === 0) return true;
  const prev = text.charCodeAt(i - 1);
  return prev === 47 || prev === 45 || prev === 95 || prev === 32 || prev === 46; // / - _ space .
};

/** 0 when `query` is not a subsequence of `text`; otherwise higher is better. */
export function fuzzyScore(query: string, text: string): number {
  return fuzzyScoreLower(query.toLowerCase(), text.toLowerCase());
}

/** `fuzzyScore` on strings already lower-cased (the page table keeps them so). */
export function fuzzyScoreLower(q: string, t: string): number {
  if (q.length === 0) return 1;
  if (q.length > t.length) return 0;
  const exact = t.indexOf(q);
  if (exact !== -1) return 1000 - exact + (exact === 0 || isWordStart(t, exact) ? 500 : 0) - (t.length - q.length) * 0.5;
  let score = 0;
  let run = 0;
  let ti = 0;
  for (let qi = 0; qi < q.length; qi++) {
    const c = q.charCodeAt(qi);
    while (ti < t.length && t.charCodeAt(ti) !== c) {
      ti++;
      run = 0;
    }
    if (ti === t.length) return 0;
    run++;
    score += 1 + run * 2 + (isWordStart(t, ti) ? 8 : 0);
    ti++;
  }
  return score - (t.length - q.length) * 0.1;
}
