// Hover as Markdown. Page content is untrusted: everything taken from a page
// is escaped (no HTML, no links, no command links), and the client is told
// the Markdown is not trusted.
import { MarkupKind, type Connection, type Hover } from 'vscode-languageserver';
import { hover, type HoverResult, type PagePreview } from '../../core/features/hover';
import type { Session } from '../session';
import { textSource } from '../texts';
import { toRange } from '../convert';

const RULE_WORDS: Record<string, string> = {
  case: 'found ignoring case', relative: 'found relative to this page', suffix: 'found by path suffix', filename: 'found by file name',
  title: 'found by title', alias: 'found by alias', slug: 'found by normalised slug', root: 'found from the wiki root',
};

/** Escapes Markdown and HTML: `<b>[x](command:y)</b>` shows as typed. */
export function escapeMarkdown(s: string): string {
  return s.replace(/[\\`*_{}[\]()#+\-.!|<>~&]/g, (c) => (c === '<' ? '&lt;' : c === '>' ? '&gt;' : c === '&' ? '&amp;' : `\\${c}`));
}

const code = (s: string) => '`' + s.replace(/`/g, "'") + '`';
const sources = (n: number) => `${n} source${n === 1 ? '' : 's'}`;

function previewLines(p: PagePreview): string[] {
  const { page } = p;
  const header = [`**${page.type.toUpperCase()}**`];
  if (p.count !== undefined) header.push(`Cited by ${sources(p.count)}`);
  if (p.declaredOtherwise.length) header.push(`(the page says ${p.declaredOtherwise.join(', ')})`);
  const out = [header.join(' · '), '', `### ${escapeMarkdown(page.title)}`];
  if (page.summary) out.push('', escapeMarkdown(page.summary));
  if (page.isStub) out.push('', '_Stub page._');
  if (p.seenIn.length) {
    const more = p.seenInMore ? ` and ${p.seenInMore} more` : '';
    out.push('', `Seen in: ${p.seenIn.map((s) => escapeMarkdown(s.title)).join('; ')}${more}`);
  }
  return out;
}

export function renderHover(h: HoverResult): string {
  switch (h.kind) {
    case 'dangling':
      return `${code(h.target)} does not exist yet — ${h.linkers === 1 ? 'this is the only page linking to it' : `${h.linkers} pages link to it`}. A quick fix creates it.`;
    case 'ambiguous':
      return `Ambiguous: matches ${h.candidates.map(code).join(', ')}.`;
    case 'file':
      return `File ${code(h.path)}`;
    case 'citations': {
      const list = h.sources.slice(0, 10).map((s) => `- ${escapeMarkdown(s.title)} (${code(s.id)})`);
      if (h.sources.length > 10) list.push(`- … and ${h.sources.length - 10} more`);
      return [`**Cited by ${sources(h.count)}**`, '', ...list].join('\n');
    }
    case 'page': {
      const out = previewLines(h);
      if (h.section) out.push('', `**#${escapeMarkdown(h.section.heading)}**`, '', ...h.section.lines.map((l) => escapeMarkdown(l) + '  '));
      out.push('', `${code(h.page.id)}${h.rule ? ` · ${RULE_WORDS[h.rule] ?? h.rule}` : ''}`);
      return out.join('\n');
    }
  }
}

export function registerHover(connection: Connection, session: Session): void {
  connection.onHover(({ textDocument, position }): Hover | null => {
    const snap = session.snapshot(textDocument.uri);
    const h = snap && hover(snap.index, snap.path, position.line, position.character, textSource(session, snap.wiki));
    if (!h) return null;
    return { contents: { kind: MarkupKind.Markdown, value: renderHover(h) }, range: toRange(h.span) };
  });
}
