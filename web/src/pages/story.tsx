/** A story: the copies of one report, the credited origins they name, and why each copy joined. */
import type { Story } from '../api-types.js';
import { DocumentTable } from '../components/document-table.js';
import { Loaded } from '../components/status.js';
import { relabel } from '../alert-title.js';
import { day } from '../format.js';
import { useWords } from '../i18n/i18n.js';
import { href } from '../router.js';
import { useSession } from '../session.js';
import { useLoad } from '../use-load.js';

export function StoryPage({ id }: { id: string }) {
  const { api } = useSession();
  const [load] = useLoad(`story:${id}`, () =>
    api.get<Story>(`/api/stories/${encodeURIComponent(id)}`),
  );
  return <Loaded load={load}>{(s) => <StoryView s={s} />}</Loaded>;
}

function StoryView({ s }: { s: Story }) {
  const w = useWords();
  const t = w.ui.wb;
  const copies = (n: number) => (n === 1 ? t.copy : w.fill(t.copies, { n }));
  const joins = new Map(s.joins.map((j) => [j.documentId, j]));
  const first = s.documents.find((d) => d.id === s.firstDocumentId);
  return (
    <>
      <p class="crumbs">
        <a href="#/">{t.crumbOverview}</a> › <a href="#/documents">{t.crumbDocuments}</a> ›{' '}
        {t.crumbStory}
      </p>
      <h1 data-testid="story-title">{first?.title ?? w.fill(t.storyTitle, { id: s.id })}</h1>
      <p class="lead">
        {copies(s.documentCount)} · {w.fill(t.firstPublished, { day: day(s.firstPublished) })}{' '}
        <a href={href('documents', s.firstDocumentId)}>{first?.outlet ?? s.firstDocumentId}</a>
      </p>
      <section aria-labelledby="credited-h">
        <h2 id="credited-h">{t.creditedOrigin}</h2>
        {s.origins.length === 0 ? (
          <p class="muted">{t.noOrigin}</p>
        ) : (
          <ul data-testid="story-origins">
            {s.origins.map((o) => (
              <li key={o.name}>
                <strong>{o.name}</strong>
                {w.fill(t.namedBy, { copies: copies(o.documents) })}
              </li>
            ))}
          </ul>
        )}
      </section>
      <section aria-labelledby="copies-h">
        <h2 id="copies-h">{t.copiesH}</h2>
        <DocumentTable
          documents={s.documents}
          testId="story-copies"
          firstId={s.firstDocumentId}
          extra={[
            { header: t.credits, cell: (d) => d.origin ?? '—' },
            {
              header: t.whyCopy,
              cell: (d) => {
                const join = joins.get(d.id);
                const summary = join ? w.message(join.summaryMessage) : null;
                // The server's reason names codes ("event MISSILE_TEST/PRK/-"): in words here.
                return summary ? relabel(summary, w) : '—';
              },
            },
          ]}
        />
      </section>
    </>
  );
}
