/** A story: the copies of one report, the credited origins they name, and why each copy joined. */
import type { Story } from '../api-types.js';
import { DocumentTable } from '../components/document-table.js';
import { Loaded } from '../components/status.js';
import { day } from '../format.js';
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
  const joins = new Map(s.joins.map((j) => [j.documentId, j]));
  const first = s.documents.find((d) => d.id === s.firstDocumentId);
  return (
    <>
      <p class="crumbs">
        <a href="#/">Overview</a> › <a href="#/documents">Documents</a> › Story
      </p>
      <h1 data-testid="story-title">{first?.title ?? `Story ${s.id}`}</h1>
      <p class="lead">
        {s.documentCount} cop{s.documentCount === 1 ? 'y' : 'ies'} · first published{' '}
        {day(s.firstPublished)} by{' '}
        <a href={href('documents', s.firstDocumentId)}>{first?.outlet ?? s.firstDocumentId}</a>
      </p>
      <section aria-labelledby="credited-h">
        <h2 id="credited-h">Credited origin</h2>
        {s.origins.length === 0 ? (
          <p class="muted">No copy names where the report comes from.</p>
        ) : (
          <ul data-testid="story-origins">
            {s.origins.map((o) => (
              <li key={o.name}>
                <strong>{o.name}</strong>, named by {o.documents} cop
                {o.documents === 1 ? 'y' : 'ies'}
              </li>
            ))}
          </ul>
        )}
      </section>
      <section aria-labelledby="copies-h">
        <h2 id="copies-h">Copies</h2>
        <DocumentTable
          documents={s.documents}
          testId="story-copies"
          firstId={s.firstDocumentId}
          extra={[
            { header: 'Credits', cell: (d) => d.origin ?? '—' },
            { header: 'Why it is a copy', cell: (d) => joins.get(d.id)?.summary ?? '—' },
          ]}
        />
      </section>
    </>
  );
}
