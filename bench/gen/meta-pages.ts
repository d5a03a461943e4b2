// The two meta pages at the root: `index.md`, a catalog linking every entity
// by kind (`- [[systems/kube-proxy]] — Kube Proxy`), and `log.md`, one line
// per ingested source (`- 2025-10-01 — ingested [[sources/…]]`). Their links
// are never citations.
import { KIND_SHARE, titleCase, type EntityKind } from './catalog';
import type { GenContext } from './context';
import { newScope } from './ledger';

export function buildIndexPage(ctx: GenContext): { path: string; content: string } {
  const scope = newScope('index', -1);
  const sections = ['# Index', 'Every entity page of this wiki, by kind. Sources are listed in the log page.'];
  for (const kind of Object.keys(KIND_SHARE) as EntityKind[]) {
    const lines = ctx.catalog.entities
      .filter((entity) => entity.kind === kind)
      .map((entity) => {
        ctx.ledger.link(scope, 'wikilink', { entity: entity.index });
        return `- [[${entity.id}]] — ${entity.title}`;
      });
    sections.push(`## ${titleCase(kind)}`, lines.join('\n'));
  }
  return { path: 'index.md', content: sections.join('\n\n') + '\n' };
}

export function buildLogPage(ctx: GenContext): { path: string; content: string } {
  const scope = newScope('log', -1);
  let text = '# Log\n\nIngestion history, oldest first.\n\n';
  for (const source of ctx.sources) text += `- ${source.date} — ingested ${ctx.links.source(scope, source.id)}\n`;
  return { path: 'log.md', content: text };
}
