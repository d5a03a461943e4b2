// Writing files safely: atomically (a temporary file in the same folder,
// then a rename or link), never over an existing file when creating, and
// never outside the wiki's boundary.
import { linkSync, mkdirSync, renameSync, statSync, unlinkSync, writeFileSync, chmodSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { randomBytes } from 'node:crypto';

const tempNear = (path: string) => join(dirname(path), `.${randomBytes(6).toString('hex')}.wiki-lsp.tmp`);

/** Creates `path` with `content`; fails (returns false) when it exists. Parent folders are made. */
export function createFileExclusive(path: string, content: string): boolean {
  mkdirSync(dirname(path), { recursive: true });
  const temp = tempNear(path);
  writeFileSync(temp, content, { flag: 'wx' });
  try {
    linkSync(temp, path); // fails with EEXIST instead of replacing
    return true;
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'EEXIST') return false;
    throw err;
  } finally {
    unlinkSync(temp);
  }
}

/** Replaces `path` with `content` atomically, keeping its mode. */
export function replaceFileAtomic(path: string, content: string): void {
  const mode = statSync(path).mode & 0o7777;
  const temp = tempNear(path);
  writeFileSync(temp, content, { flag: 'wx', mode });
  chmodSync(temp, mode);
  try {
    renameSync(temp, path);
  } catch (err) {
    unlinkSync(temp);
    throw err;
  }
}
