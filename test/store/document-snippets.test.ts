/**
 * Search snippets come from the text around the first match: the head read with the page, or
 * the whole text when the match lies past it.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { processDocuments } from '../../src/pipeline/process-documents.js';
import { listApiDocuments } from '../../src/store/api-queries/document-queries.js';
import type { Store } from '../../src/store/open-store.js';
import { testBackends } from '../support/test-stores.js';

const backends = await testBackends();
const filler = 'The committee discussed the harvest, rail freight and port fees at length. ';

for (const backend of backends) {
  describe.skipIf(backend.skipReason !== null)(
    `document search snippets on ${backend.name}`,
    () => {
      let store: Store;
      beforeAll(async () => {
        store = await backend.open();
        await processDocuments(store, [
          {
            line: 1,
            value: {
              id: 'long',
              published: '2024-05-02T08:00:00Z',
              text: `${filler.repeat(80)}Engineers were seen at the Sohae launch pad. ${filler.repeat(5)}`,
            },
          },
          {
            line: 2,
            value: {
              id: 'short',
              published: '2024-05-01T08:00:00Z',
              text: 'Sohae: new work on the engine test stand.',
            },
          },
        ]);
      });
      afterAll(async () => store.close());

      it('cuts the snippet around the match, past the head when it must', async () => {
        const page = await listApiDocuments(store, { q: 'sohae' }, { limit: 10 });
        expect(page.items.map((d) => d.id)).toEqual(['long', 'short']);
        for (const d of page.items) {
          const marked = d.snippet.highlights.map((h) => d.snippet.text.slice(h.start, h.end));
          expect(marked).toEqual(['Sohae']);
        }
        expect(page.items[0]!.snippet.text).toMatch(
          /^….*Engineers were seen at the Sohae launch pad/,
        );
        expect(page.items[1]!.snippet.text.startsWith('Sohae: new work')).toBe(true);
      });
    },
  );
}
