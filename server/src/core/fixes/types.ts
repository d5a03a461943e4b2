// A fix as the core proposes it; the server turns it into a CodeAction.
import type { WikiEdit } from '../edits';

export interface Fix {
  readonly title: string;
  readonly kind: 'quickfix' | 'source';
  /** For source actions: `createMissingPages`, `updateCitations` (the code action kind is `source.wikiLsp.<it>`). */
  readonly sourceKind?: string;
  readonly preferred?: boolean;
  readonly edit: WikiEdit;
  /** A page to show after the edit (a page just created). */
  readonly open?: string;
  /** Index of the diagnostic (in the request's list) this fix is for. */
  readonly diagnostic?: number;
}

export interface FixContext {
  readonly date: string;
}
