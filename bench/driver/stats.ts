// Latency summaries: nearest-rank percentiles over the samples of one figure,
// e.g. summarize([1.2, 0.8, 3.0]) → { n: 3, p50: 1.2, p95: 3.0, p99: 3.0, mean: 1.67, max: 3.0 }.

export interface Summary {
  readonly n: number;
  readonly p50: number;
  readonly p95: number;
  readonly p99: number;
  readonly mean: number;
  readonly max: number;
}

/** Nearest-rank percentile of sorted samples: percentile([1,2,3,4], 50) → 2. */
export function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return NaN;
  const rank = Math.ceil((p / 100) * sorted.length);
  return sorted[Math.min(sorted.length - 1, Math.max(0, rank - 1))];
}

export function summarize(samples: readonly number[]): Summary {
  const sorted = [...samples].sort((a, b) => a - b);
  const sum = sorted.reduce((a, b) => a + b, 0);
  return {
    n: sorted.length,
    p50: round(percentile(sorted, 50)),
    p95: round(percentile(sorted, 95)),
    p99: round(percentile(sorted, 99)),
    mean: round(sorted.length ? sum / sorted.length : NaN),
    max: round(sorted.length ? sorted[sorted.length - 1] : NaN),
  };
}

/** Milliseconds to two decimals (0.004 ms → 0, 12.345 → 12.35); NaN stays NaN. */
export function round(ms: number): number {
  return Number.isFinite(ms) ? Math.round(ms * 100) / 100 : ms;
}

export function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
