// The targets of issue 6 ("on this machine, 2 cores, Node 20"), by wiki size.
// Sizes up to 10k pages are held to the 10k column, larger ones to the 50k
// column; the peer's figures the issue measured are kept for reference.

export interface Target {
  /** The upper bound, in the figure's unit (ms or MB). */
  readonly max: number;
  readonly text: string;
}

export type TargetName =
  | 'coldIndex' | 'warmStart' | 'peakRss' | 'references' | 'definition' | 'hover'
  | 'completion' | 'diagnostics' | 'citations' | 'coldRequest';

const AT_10K: Record<TargetName, number> = {
  coldIndex: 2000, warmStart: 500, peakRss: 300, references: 10, definition: 5, hover: 5,
  completion: 20, diagnostics: 10, citations: 100, coldRequest: 100,
};

const AT_50K: Record<TargetName, number> = {
  coldIndex: 10000, warmStart: 2500, peakRss: 1024, references: 25, definition: 5, hover: 5,
  completion: 20, diagnostics: 20, citations: 100, coldRequest: 100,
};

/** What the issue measured for the peer: at 10k / at 50k. */
export const PEER_IN_ISSUE: Partial<Record<TargetName, string>> = {
  coldIndex: '16–19 s / 155 s',
  peakRss: '800–885 MB / 3.1 GB',
  references: '74 ms / 1.3 s',
  definition: 'empty answers',
  hover: 'empty answers',
  completion: 'no items',
  diagnostics: '9–11 ms (Markdown links only)',
};

export function targetFor(name: TargetName, pages: number): Target {
  const max = (pages <= 10_000 ? AT_10K : AT_50K)[name];
  const unit = name === 'peakRss' ? ' MB' : ' ms';
  return { max, text: `≤ ${max >= 1000 && unit === ' ms' ? `${max / 1000} s` : `${max}${unit}`}` };
}
