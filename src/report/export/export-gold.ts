/**
 * The analysts' corrected documents as an annotated corpus (docs/corpus-format.md), for
 * `vigie eval`: every document with at least one correction (in force or revoked: either way an
 * analyst reviewed it), its gold events being its effective mentions (extracted, with the latest
 * live correction applied, rejected ones left out) and each event's evidence its sentence.
 * @module
 */
import type { GoldDocument, GoldEvent } from '../../domain/document.js';
import type { Store } from '../../store/open-store.js';
import { decodeCodes } from '../../store/schema.js';

/** Documents read per query: a page of texts and their mentions in memory at a time. */
const PAGE = 100;

export async function* exportGoldCorpus(store: Store): AsyncGenerator<string> {
  let after = '';
  for (;;) {
    const ids = (
      await store.db
        .selectFrom('corrections')
        .select('document_id')
        .distinct()
        .where('document_id', '>', after)
        .orderBy('document_id')
        .limit(PAGE)
        .execute()
    ).map((r) => r.document_id);
    if (ids.length === 0) return;
    after = ids.at(-1)!;
    const docs = await store.db
      .selectFrom('documents')
      .selectAll()
      .where('id', 'in', ids)
      .execute();
    const mentions = await store.db
      .selectFrom('mentions')
      .selectAll()
      .where('document_id', 'in', ids)
      .orderBy('document_id')
      .orderBy('span_start')
      .orderBy('id')
      .execute();
    const byId = new Map(docs.map((d) => [d.id, d]));
    let chunk = '';
    for (const id of ids) {
      const d = byId.get(id);
      if (!d) continue;
      const events: GoldEvent[] = mentions
        .filter((m) => m.document_id === id)
        .map((m) => ({
          type: m.type as GoldEvent['type'],
          source: m.source_actor,
          target: m.target_actor,
          modality: m.modality as GoldEvent['modality'],
          capabilities: decodeCodes(m.capabilities) as GoldEvent['capabilities'],
          date: m.date,
          evidence: d.text.slice(m.span_start, m.span_end),
          ...(m.mutual === 1 ? { mutual: true } : {}),
        }));
      const line: GoldDocument = {
        id: d.id,
        text: d.text,
        ...(d.lang ? { lang: d.lang } : {}),
        ...(d.published ? { published: d.published } : {}),
        ...(d.title ? { title: d.title } : {}),
        ...(d.outlet ? { outlet: d.outlet } : {}),
        ...(d.url ? { url: d.url } : {}),
        events,
      };
      chunk += `${JSON.stringify(line)}\n`;
    }
    yield chunk;
  }
}
