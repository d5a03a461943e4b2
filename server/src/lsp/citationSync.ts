// "Cited by N" and "Seen in" kept true on save: when source pages are saved
// (in the editor — disk changes by other programs never trigger this), the
// entities they cite now or cited at their previous save get one
// `workspace/applyEdit` ("Update citations"): the missing items for those
// sources and the true counts. Afterwards the client saves the pages that
// had no unsaved changes; a page with unsaved changes keeps the edit in its
// buffer. A rejected edit (a buffer changed meanwhile) is computed again once.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { WorkspaceEdit } from 'vscode-languageserver';
import { citedEntities } from '../core/index/queries';
import { planCitations } from '../core/citations/plan';
import type { FileEdits } from '../core/edits';
import type { Session } from './session';
import type { WikiState } from './wikiState';
import { textSource } from './texts';
import { toWorkspaceEdit } from './workspaceEdit';

export class CitationSync {
  /** By wiki and source: the entities it cited when last opened or saved. */
  private readonly cited = new Map<WikiState, Map<string, Set<string>>>();
  private readonly saved = new Map<WikiState, Set<string>>();
  private scheduled = false;

  constructor(private readonly session: Session) {}

  /** Remembers what a source cites as it is opened, the "previous save" of its first save. */
  opened(uri: string): void {
    const at = this.session.wikiOf(uri);
    if (!at || at.wiki.loading) return;
    const known = this.citedIn(at.wiki);
    if (!known.has(at.path)) known.set(at.path, citedEntities(at.wiki.index, at.path));
  }

  onSaved(uri: string): void {
    if (!this.session.settings.updateOnSave) return;
    const at = this.session.wikiOf(uri);
    if (!at || at.wiki.index.pages.get(at.path)?.data.role !== 'source') return;
    if (!this.saved.has(at.wiki)) this.saved.set(at.wiki, new Set());
    this.saved.get(at.wiki)!.add(at.path);
    if (this.scheduled) return;
    this.scheduled = true;
    setTimeout(() => void this.flush(), 15); // saving several pages at once (Save All) gives one edit
  }

  private citedIn(wiki: WikiState): Map<string, Set<string>> {
    if (!this.cited.has(wiki)) this.cited.set(wiki, new Map());
    return this.cited.get(wiki)!;
  }

  private async flush(): Promise<void> {
    this.scheduled = false;
    const batches = [...this.saved];
    this.saved.clear();
    for (const [wiki, sources] of batches) await this.update(wiki, [...sources], true);
  }

  /** Sends the edit for the entities these sources cite now or cited before. */
  async update(wiki: WikiState, sources: string[], retry: boolean): Promise<boolean> {
    const known = this.citedIn(wiki);
    const entities = new Set<string>();
    for (const s of sources) {
      for (const e of known.get(s) ?? []) entities.add(e);
      for (const e of citedEntities(wiki.index, s)) entities.add(e);
    }
    const changes = this.plan(wiki, [...entities].sort(), sources);
    for (const s of sources) known.set(s, citedEntities(wiki.index, s));
    if (changes.length === 0) return true;
    const clean = changes.map((c) => c.path).filter((p) => this.isClean(wiki, p));
    const edit: WorkspaceEdit = toWorkspaceEdit(this.session, wiki, { label: 'Update citations', creates: [], changes });
    const result = await this.session.connection.workspace.applyEdit({ label: 'Update citations', edit });
    if (!result.applied) return retry ? this.update(wiki, sources, false) : false;
    if (clean.length && this.session.options.saveDocuments) {
      await this.session.connection.sendRequest('wikiLsp/saveDocuments', { uris: clean.map((p) => this.session.uriOf(wiki, p)) });
    }
    return true;
  }

  private plan(wiki: WikiState, entities: string[], sources: string[]): FileEdits[] {
    const texts = textSource(this.session, wiki);
    const out: FileEdits[] = [];
    for (const e of entities) {
      const plan = planCitations(wiki.index, e, texts, { add: { sources } });
      if (plan?.edits.length) out.push({ path: e, edits: plan.edits });
      for (const note of plan?.skipped ?? []) this.session.log(`${e}: ${note}`);
    }
    return out;
  }

  /** A page with no unsaved changes: not open, or open with the disk's text. */
  private isClean(wiki: WikiState, path: string): boolean {
    const open = this.session.overlay(wiki, path);
    if (open === undefined) return true;
    try {
      return readFileSync(join(wiki.loc.root, path), 'utf8').replace(/^\uFEFF/, '') === open;
    } catch {
      return false;
    }
  }
}
