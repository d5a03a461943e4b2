// The parser must never take the server down: a page it cannot read still
// exists (it can be linked to), with the reason as a problem on line 1.
import type { PageData, PageRole } from '../types';
import type { ParseOptions } from '../scan/page';
import { intern, singular, titleCase } from '../strings';

type Parse = (path: string, text: string, opts: ParseOptions) => PageData;

export function safePage(path: string, text: string, opts: ParseOptions, parse: Parse): PageData {
  try {
    return parse(path, text, opts);
  } catch (err) {
    return unreadablePage(path, opts, `The page could not be parsed: ${err instanceof Error ? err.message : String(err)}`);
  }
}

/** A page known only by its path: binary content, a parser failure. */
export function unreadablePage(path: string, opts: ParseOptions, reason: string): PageData {
  const id = intern(path.replace(/\.md$/i, ''));
  const slash = id.indexOf('/');
  const kind = slash === -1 ? '' : id.slice(0, slash);
  const role: PageRole = kind === '' ? 'meta' : opts.sourceFolders.includes(kind) ? 'source' : 'entity';
  return {
    path, id, kind, role, type: kind ? singular(kind) : 'page',
    title: titleCase(id.slice(id.lastIndexOf('/') + 1)), aliases: [], tags: [], summary: '', isStub: false,
    headings: [], blocks: [], links: [], counts: [], meta: {},
    problems: [{ code: 'unreadable-page', message: reason, span: { sl: 0, sc: 0, el: 0, ec: 0 } }],
    lineCount: 1, eol: '\n', appendLine: -1,
  };
}
