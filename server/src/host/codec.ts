// A compact encoding of PageData: every number in one Int32Array, every
// string once in a table. It is what the parse worker sends back (the
// buffer is transferred, not copied) and what the index cache stores;
// decoding 10k pages takes a few tens of milliseconds.
import type { CountDeclaration, Heading, Link, LinkContext, LinkSyntax, PageData, PageRole, Problem, SeenInSection, Span } from '../core/types';

export interface EncodedPages {
  readonly strings: string[];
  readonly ints: Int32Array;
  readonly count: number;
}

const SYNTAX: LinkSyntax[] = ['wikilink', 'embed', 'markdown', 'image', 'reference', 'definition', 'bare', 'frontmatter'];
const CONTEXT: LinkContext[] = ['text', 'heading', 'table', 'frontmatter'];
const ROLE: PageRole[] = ['source', 'entity', 'meta'];

class Writer {
  private buf = new Int32Array(1 << 16);
  length = 0;
  readonly strings: string[] = [];
  private readonly ids = new Map<string, number>();

  int(n: number): void {
    if (this.length === this.buf.length) {
      const next = new Int32Array(this.buf.length * 2);
      next.set(this.buf);
      this.buf = next;
    }
    this.buf[this.length++] = n;
  }

  str(s: string | undefined): void {
    if (s === undefined) return this.int(-1);
    let id = this.ids.get(s);
    if (id === undefined) {
      id = this.strings.length;
      this.strings.push(s);
      this.ids.set(s, id);
    }
    this.int(id);
  }

  span(s: Span): void {
    this.int(s.sl);
    this.int(s.sc);
    this.int(s.el);
    this.int(s.ec);
  }

  list<T>(items: readonly T[], each: (item: T) => void): void {
    this.int(items.length);
    for (const item of items) each(item);
  }

  done(): Int32Array {
    return this.buf.slice(0, this.length);
  }
}

export function encodePages(pages: readonly PageData[]): EncodedPages {
  const w = new Writer();
  for (const p of pages) encodePage(w, p);
  return { strings: w.strings, ints: w.done(), count: pages.length };
}

function encodePage(w: Writer, p: PageData): void {
  w.str(p.path);
  w.str(p.id);
  w.str(p.kind);
  w.int(ROLE.indexOf(p.role));
  w.str(p.type);
  w.str(p.title);
  optional(w, p.titleSpan, (s) => w.span(s));
  w.list(p.aliases, (a) => w.str(a));
  w.list(p.tags, (t) => w.str(t));
  w.str(p.summary);
  w.int(p.isStub ? 1 : 0);
  w.list(p.headings, (h) => (w.int(h.level), w.str(h.text), w.str(h.slug), w.span(h.span), w.int(h.sectionEnd)));
  w.list(p.blocks, (b) => (w.str(b.id), w.int(b.line)));
  w.list(p.links, (l) => encodeLink(w, l));
  optional(w, p.seenIn, (s) => encodeSeenIn(w, s));
  w.list(p.counts, (c) => (w.int(c.where === 'body' ? 1 : 0), w.int(c.value ?? -1), w.span(c.span)));
  optional(w, p.frontmatter, (f) => (w.int(f.startLine), w.int(f.endLine)));
  w.str(p.meta.summary);
  w.str(p.meta.url);
  w.str(p.meta.date);
  w.list(p.problems, (pr) => (w.str(pr.code), w.str(pr.message), w.span(pr.span)));
  w.int(p.lineCount);
  w.int(p.eol === '\r\n' ? 1 : 0);
  w.int(p.appendLine);
}

function optional<T>(w: Writer, value: T | undefined, write: (v: T) => void): void {
  w.int(value === undefined ? 0 : 1);
  if (value !== undefined) write(value);
}

function encodeLink(w: Writer, l: Link): void {
  w.int(SYNTAX.indexOf(l.syntax));
  w.str(l.target);
  w.str(l.anchor);
  w.str(l.label);
  w.int(CONTEXT.indexOf(l.context));
  w.str(l.ref);
  w.span(l.span);
  w.span(l.targetSpan);
}

function encodeSeenIn(w: Writer, s: SeenInSection): void {
  w.span(s.heading);
  w.int(s.level);
  w.int(s.endLine);
  w.list(s.items, (it) => (w.int(it.line), w.int(it.endLine), w.int(it.link), w.str(it.bullet), w.str(it.indent), w.int(it.list)));
}

class Reader {
  pos = 0;
  constructor(private readonly ints: Int32Array, private readonly strings: string[]) {}
  int(): number {
    return this.ints[this.pos++];
  }
  str(): string {
    return this.strings[this.ints[this.pos++]];
  }
  optStr(): string | undefined {
    const i = this.ints[this.pos++];
    return i === -1 ? undefined : this.strings[i];
  }
  span(): Span {
    const i = this.ints;
    const p = (this.pos += 4);
    return { sl: i[p - 4], sc: i[p - 3], el: i[p - 2], ec: i[p - 1] };
  }
  list<T>(each: () => T): T[] {
    const n = this.int();
    const out: T[] = new Array(n);
    for (let k = 0; k < n; k++) out[k] = each();
    return out;
  }
  opt<T>(read: () => T): T | undefined {
    return this.int() === 1 ? read() : undefined;
  }
}

export function decodePages(enc: EncodedPages): PageData[] {
  const r = new Reader(enc.ints, enc.strings);
  const out: PageData[] = [];
  for (let k = 0; k < enc.count; k++) out.push(decodePage(r));
  return out;
}

function decodePage(r: Reader): PageData {
  const path = r.str(), id = r.str(), kind = r.str(), role = ROLE[r.int()], type = r.str(), title = r.str();
  const titleSpan = r.opt(() => r.span());
  const aliases = r.list(() => r.str()), tags = r.list(() => r.str()), summary = r.str(), isStub = r.int() === 1;
  const headings = r.list((): Heading => ({ level: r.int(), text: r.str(), slug: r.str(), span: r.span(), sectionEnd: r.int() }));
  const blocks = r.list(() => ({ id: r.str(), line: r.int() }));
  const links = r.list(() => decodeLink(r));
  const seenIn = r.opt((): SeenInSection => ({
    heading: r.span(), level: r.int(), endLine: r.int(),
    items: r.list(() => ({ line: r.int(), endLine: r.int(), link: r.int(), bullet: r.str(), indent: r.str(), list: r.int() })),
  }));
  const counts = r.list((): CountDeclaration => {
    const where = r.int() === 1 ? 'body' : 'frontmatter';
    const v = r.int();
    return { where, value: v === -1 ? undefined : v, span: r.span() };
  });
  const frontmatter = r.opt(() => ({ startLine: r.int(), endLine: r.int() }));
  const meta = { summary: r.optStr(), url: r.optStr(), date: r.optStr() };
  const problems = r.list((): Problem => ({ code: r.str(), message: r.str(), span: r.span() }));
  const lineCount = r.int(), eol = r.int() === 1 ? '\r\n' : '\n', appendLine = r.int();
  return { path, id, kind, role, type, title, titleSpan, aliases, tags, summary, isStub, headings, blocks, links, seenIn, counts, frontmatter, meta, problems, lineCount, eol, appendLine };
}

function decodeLink(r: Reader): Link {
  const syntax = SYNTAX[r.int()], target = r.str(), anchor = r.optStr(), label = r.optStr(), context = CONTEXT[r.int()], ref = r.optStr();
  const link: { -readonly [K in keyof Link]: Link[K] } = { syntax, target, span: r.span(), targetSpan: r.span(), context };
  if (anchor !== undefined) link.anchor = anchor;
  if (label !== undefined) link.label = label;
  if (ref !== undefined) link.ref = ref;
  return link;
}
