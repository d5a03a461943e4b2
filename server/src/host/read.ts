// Reading a page from disk: UTF-8 text without its BOM, or the reason it is
// not text (binary, invalid UTF-8, gone).
import { readFileSync, statSync } from 'node:fs';
import { stampOf, type FileStamp } from './cache';

export type ReadResult = { ok: true; text: string } | { ok: false; reason: string };

const decoder = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false });

/** Decodes file bytes; a NUL byte in the first 8 KB marks a binary file. */
export function decodePage(bytes: Uint8Array): ReadResult {
  const head = bytes.subarray(0, 8192);
  if (head.includes(0)) return { ok: false, reason: 'binary content (a NUL byte); skipped' };
  try {
    return { ok: true, text: decoder.decode(bytes) };
  } catch {
    return { ok: false, reason: 'not valid UTF-8; skipped' };
  }
}

export function readPageSync(abs: string): ReadResult {
  try {
    return decodePage(readFileSync(abs));
  } catch (err) {
    return { ok: false, reason: `cannot be read (${(err as NodeJS.ErrnoException).code ?? err})` };
  }
}

/** Size and mtime of a file (the walk has made sure it is one; `isFile()` costs more than the stat). */
export function statOf(abs: string): { size: number; mtimeMs: number } | undefined {
  const s = statSync(abs, { throwIfNoEntry: false });
  return s ? { size: s.size, mtimeMs: s.mtimeMs } : undefined;
}

/** Reads a page and stamps it (size and mtime taken before reading, so a later change only causes a re-parse). */
export function readStamped(abs: string, stamp = true): { read: ReadResult; stamp?: FileStamp } {
  const stat = stamp ? statOf(abs) : undefined;
  const read = readPageSync(abs);
  return { read, stamp: stat && read.ok ? stampOf(stat.size, stat.mtimeMs, read.text) : undefined };
}
