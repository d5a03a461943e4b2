// The wiki model's plain data. No LSP types, no file system.
// Positions are 0-based lines and UTF-16 columns, as in LSP, but kept flat
// (four numbers) because a 50k-page wiki holds millions of them.

/** A range of a page: start line/column, end line/column (exclusive). */
export interface Span {
  readonly sl: number;
  readonly sc: number;
  readonly el: number;
  readonly ec: number;
}

/**
 * How a link was written:
 * - `wikilink` `[[systems/x|label]]`, `embed` `![[diagram.png]]`
 * - `markdown` `[text](../systems/x.md)`, `image` `![alt](x.png)`
 * - `reference` `[text][ref]` (its target comes from the definition),
 *   `definition` `[ref]: ../systems/x.md`
 * - `bare` `systems/x` in prose, `frontmatter` a YAML value.
 */
export type LinkSyntax =
  | 'wikilink'
  | 'embed'
  | 'markdown'
  | 'image'
  | 'reference'
  | 'definition'
  | 'bare'
  | 'frontmatter';

/** Markdown syntaxes resolve relative to the page and write paths, not ids: `[t](../x.md)`, `![a](x.png)`, `[t][ref]`, `[ref]: x.md`. */
export const isMarkdownSyntax = (syntax: LinkSyntax): boolean =>
  syntax === 'markdown' || syntax === 'image' || syntax === 'reference' || syntax === 'definition';

/** Where a link stands, for choosing a citation's sentence. */
export type LinkContext = 'text' | 'heading' | 'table' | 'frontmatter';

export interface Link {
  readonly syntax: LinkSyntax;
  /** The page part as written and decoded: `systems/x`, `../systems/x.md`, `` for `#anchor`. */
  readonly target: string;
  /** After `#`, decoded: `Modes`, `^block`. Undefined when there is no `#`. */
  readonly anchor?: string;
  /** Wikilink label or Markdown link text. */
  readonly label?: string;
  /** The whole link, brackets included. */
  readonly span: Span;
  /** The target text (page and anchor) as written, the part a rename rewrites. */
  readonly targetSpan: Span;
  readonly context: LinkContext;
  /** For `reference` links: the normalised label of their definition. */
  readonly ref?: string;
}

export interface Heading {
  readonly level: number;
  /** Plain text: `Trade-offs`. */
  readonly text: string;
  /** GitHub-style slug, unique in the page: `trade-offs`, `trade-offs-1`. */
  readonly slug: string;
  readonly span: Span;
  /** Last line of the section it opens (up to the next heading of the same or higher level). */
  readonly sectionEnd: number;
}

/** One item of the "Seen in" section. */
export interface SeenInItem {
  /** Lines of the item, first to last. */
  readonly line: number;
  readonly endLine: number;
  /** Index into `PageData.links` of the link the item begins with, or -1. */
  readonly link: number;
  /** The list marker as written (`-`, `*`, `1.`) and the indentation before it. */
  readonly bullet: string;
  readonly indent: string;
  /** Which list of the section the item belongs to (0 = the first). */
  readonly list: number;
}

export interface SeenInSection {
  readonly heading: Span;
  readonly level: number;
  /** Last line of the section. */
  readonly endLine: number;
  readonly items: readonly SeenInItem[];
}

/** A declared citation count: `cited_by: 8` or a body line `Cited by 8 sources`. */
export interface CountDeclaration {
  readonly where: 'frontmatter' | 'body';
  /** The declared number, or undefined when it is not a non-negative integer. */
  readonly value: number | undefined;
  /** The number's text (what an edit replaces). */
  readonly span: Span;
}

export interface Problem {
  readonly code: string;
  readonly message: string;
  readonly span: Span;
}

export type PageRole = 'source' | 'entity' | 'meta';

/** Everything the index keeps of a page; the text itself is not kept. */
export interface PageData {
  /** Path from the wiki root: `systems/kube-proxy.md`. */
  readonly path: string;
  /** `systems/kube-proxy`. */
  readonly id: string;
  /** First segment of the id for pages in a folder, `` for pages at the root. */
  readonly kind: string;
  readonly role: PageRole;
  readonly type: string;
  readonly title: string;
  /** The `# Title` heading, or the frontmatter `title` value, when present. */
  readonly titleSpan?: Span;
  readonly aliases: readonly string[];
  readonly tags: readonly string[];
  readonly summary: string;
  readonly isStub: boolean;
  readonly headings: readonly Heading[];
  /** Block ids `^id` and their lines. */
  readonly blocks: readonly { readonly id: string; readonly line: number }[];
  readonly links: readonly Link[];
  readonly seenIn?: SeenInSection;
  readonly counts: readonly CountDeclaration[];
  /** Frontmatter lines (first `---` to the closing one), when present. */
  readonly frontmatter?: { readonly startLine: number; readonly endLine: number };
  /** Frontmatter `summary`, `url`, `date` when present (sources carry them). */
  readonly meta: { readonly summary?: string; readonly url?: string; readonly date?: string };
  readonly problems: readonly Problem[];
  readonly lineCount: number;
  readonly eol: '\n' | '\r\n';
  /** Line after which a new section is appended (before trailing definitions). */
  readonly appendLine: number;
}
