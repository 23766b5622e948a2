/** Documents as a table: title (a link), outlet, publication day, language, and the page's own columns. */
import type { ComponentChildren } from 'preact';
import type { DocumentRef } from '../api-types.js';
import { day } from '../format.js';
import { useWords } from '../i18n/i18n.js';
import { href } from '../router.js';

export interface ExtraColumn {
  readonly header: string;
  readonly cell: (d: DocumentRef) => ComponentChildren;
}

export function DocumentTable({
  documents,
  extra,
  testId,
  firstId,
}: {
  documents: readonly DocumentRef[];
  extra: readonly ExtraColumn[];
  testId: string;
  /** The story's first document, marked "(first)". */
  firstId?: string;
}) {
  const w = useWords();
  const t = w.ui.wb;
  return (
    <div class="table-wrap">
      <table data-testid={testId}>
        <thead>
          <tr>
            {[t.title, t.outlet, t.published, t.language, ...extra.map((c) => c.header)].map(
              (h) => (
                <th scope="col" key={h}>
                  {h}
                </th>
              ),
            )}
          </tr>
        </thead>
        <tbody>
          {documents.map((d) => (
            <tr key={d.id}>
              <td>
                <a href={href('documents', d.id)}>{d.title ?? d.id}</a>
                {d.id === firstId && <span class="muted">{t.firstMark}</span>}
              </td>
              <td>{d.outlet ?? '—'}</td>
              <td>{day(d.published)}</td>
              <td>{d.lang ? w.language(d.lang) : '—'}</td>
              {extra.map((c) => (
                <td key={c.header}>{c.cell(d)}</td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
