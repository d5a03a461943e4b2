// Page text for features that need it again: the editor's buffer when the
// page is open, else the disk — never outside the wiki's boundary.
import { readFileSync } from 'node:fs';
import { join, normalize } from 'node:path';
import type { TextSource } from '../core/edits';
import { insideBoundary, normalizePath } from '../core/paths';
import type { Session } from './session';
import type { WikiState } from './wikiState';

export function textSource(session: Session, wiki: WikiState): TextSource {
  return {
    text(path) {
      const norm = normalizePath(path);
      if (!insideBoundary(norm, wiki.loc.vaultPrefix)) return undefined;
      const open = session.overlay(wiki, norm);
      if (open !== undefined) return open;
      try {
        return readFileSync(normalize(join(wiki.loc.root, norm)), 'utf8').replace(/^\uFEFF/, '');
      } catch {
        return undefined;
      }
    },
  };
}
