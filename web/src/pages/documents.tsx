/**
 * Documents: full-text search in every language, facets, paging, sortable columns and saved
 * searches. Every filter lives in the URL (`#/documents?q=…&lang=ko`), so a search is a link.
 */
import type { CursorPage, DocumentFacets, DocumentSummary } from '../api-types.js';
import { ActorInput } from '../components/actor-input.js';
import { DateRange, rangeOf } from '../components/date-range.js';
import { SavedSearches } from '../components/saved-searches.js';
import { Loaded } from '../components/status.js';
import { loadChoices } from '../choices.js';
import { day } from '../format.js';
import { useWords } from '../i18n/i18n.js';
import { href, navigate } from '../router.js';
import { useSession } from '../session.js';
import { useLoad } from '../use-load.js';

export const DOCUMENT_FILTERS = [
  'q',
  'lang',
  'outlet',
  'type',
  'actor',
  'modality',
  'since',
  'until',
] as const;
type Filters = Partial<Record<(typeof DOCUMENT_FILTERS)[number], string>>;
const PAGE_SIZE = 50;

/** Sortable columns and the key of each one's header in `w.ui.wb`. */
const COLUMNS = [
  ['title', 'title'],
  ['outlet', 'outlet'],
  ['lang', 'language'],
  ['published', 'published'],
] as const;
type SortKey = (typeof COLUMNS)[number][0];

export function filtersOf(query: URLSearchParams): Filters {
  const f: Filters = {};
  for (const k of DOCUMENT_FILTERS) {
    const v = query.get(k)?.trim();
    if (v) f[k] = v;
  }
  const range = rangeOf(query);
  f.since = range.since;
  f.until = range.until;
  return f;
}

export function DocumentsPage({ query }: { query: URLSearchParams }) {
  const { api } = useSession();
  const w = useWords();
  const filters = filtersOf(query);
  const cursor = query.get('cursor') ?? undefined;
  const sort = query.get('sort') ?? '';
  const key = JSON.stringify(filters);
  const [choices] = useLoad('choices:documents', () => loadChoices('/api/documents'));
  const [facets] = useLoad('document-facets', () =>
    api.get<DocumentFacets>('/api/documents/facets'),
  );
  const [load] = useLoad(`documents:${key}:${cursor ?? ''}`, () =>
    api.get<CursorPage<DocumentSummary>>('/api/documents', {
      ...filters,
      cursor,
      limit: PAGE_SIZE,
    }),
  );
  const enums = choices.state === 'ready' ? choices.data : {};
  const counts = facets.state === 'ready' ? facets.data : { languages: [], outlets: [] };
  const search = new URLSearchParams(
    Object.entries(filters).filter((e): e is [string, string] => !!e[1]),
  ).toString();

  function apply(form: HTMLFormElement) {
    const data = new FormData(form);
    const next: Record<string, string> = {};
    for (const k of DOCUMENT_FILTERS) {
      const v = String(data.get(k) ?? '').trim();
      if (v) next[k] = k === 'actor' ? v.toUpperCase() : v;
    }
    if (sort) next['sort'] = sort;
    navigate(href('documents', next));
  }

  return (
    <>
      <h1>{w.ui.nav.documents}</h1>
      <form
        class="filters"
        role="search"
        aria-label={w.ui.wb.searchDocuments}
        key={key}
        onSubmit={(e) => {
          e.preventDefault();
          apply(e.currentTarget);
        }}
      >
        <label class="wide">
          {w.ui.wb.words}
          <input
            name="q"
            type="search"
            value={filters.q ?? ''}
            placeholder='any language: 탄도미사일, "Hwasong-19"'
            data-testid="search-input"
          />
        </label>
        <Facet
          name="lang"
          label={w.ui.filters.language}
          value={filters.lang}
          values={counts.languages}
          word={w.language}
        />
        <Facet
          name="outlet"
          label={w.ui.wb.outletFacet}
          value={filters.outlet}
          values={counts.outlets}
        />
        {(['type', 'modality'] as const).map((k) => (
          <Facet
            key={k}
            name={k}
            label={w.ui.filters[k]}
            value={filters[k]}
            word={k === 'type' ? w.type : w.modality}
            values={(enums[k] ?? []).map((v) => ({ value: v, documents: null }))}
          />
        ))}
        <label>
          {w.ui.filters.actor}
          <ActorInput name="actor" id="documents-actor" value={filters.actor ?? ''} />
        </label>
        <DateRange value={filters} />
        <div class="filter-actions">
          <button type="submit">{w.ui.wb.search}</button>
          <a class="button secondary" href="#/documents">
            {w.ui.filters.clear}
          </a>
        </div>
      </form>
      <SavedSearches current={search} />
      <Loaded load={load}>
        {(page) => <Results page={page} filters={filters} sort={sort} cursor={cursor} />}
      </Loaded>
    </>
  );
}

function Facet({
  name,
  label,
  value,
  values,
  word = (v) => v,
}: {
  name: string;
  label: string;
  value: string | undefined;
  values: readonly { value: string; documents: number | null }[];
  /** A value in words (an event type's label); the code stays the option's value. */
  word?: (value: string) => string;
}) {
  const all =
    value && !values.some((v) => v.value === value)
      ? [...values, { value, documents: null }]
      : values;
  return (
    <label>
      {label}
      <select name={name} value={value ?? ''} data-testid={`facet-${name}`}>
        <option value="">any</option>
        {all.map((v) => (
          <option key={v.value} value={v.value}>
            {v.documents === null ? word(v.value) : `${word(v.value)} (${v.documents})`}
          </option>
        ))}
      </select>
    </label>
  );
}

function compare(a: DocumentSummary, b: DocumentSummary, key: SortKey): number {
  const x = a[key] ?? '';
  const y = b[key] ?? '';
  return x < y ? -1 : x > y ? 1 : 0;
}

function Results({
  page,
  filters,
  sort,
  cursor,
}: {
  page: CursorPage<DocumentSummary>;
  filters: Filters;
  sort: string;
  cursor: string | undefined;
}) {
  const w = useWords();
  const t = w.ui.wb;
  if (page.items.length === 0) {
    return (
      <p class="muted" data-testid="no-documents">
        {cursor ? t.noMore : t.noMatch}
      </p>
    );
  }
  const desc = sort.startsWith('-');
  const key = COLUMNS.find(([k]) => k === sort.replace(/^-/, ''))?.[0];
  const rows = key
    ? [...page.items].sort((a, b) => (desc ? -1 : 1) * compare(a, b, key))
    : page.items;
  const link = (extra: Record<string, string | undefined>) =>
    href('documents', { ...filters, sort: sort || undefined, cursor, ...extra });
  return (
    <>
      <p class="muted" data-testid="document-count">
        {page.items.length === 1 ? t.onPageOne : w.fill(t.onPage, { n: page.items.length })}
        {cursor ? '' : t.newestFirst}
        {key ? w.fill(t.sortedWithin, { key, dir: desc ? t.descending : t.ascending }) : ''}
      </p>
      <div class="table-wrap">
        <table data-testid="document-table">
          <thead>
            <tr>
              {COLUMNS.map(([k, label]) => (
                <th
                  key={k}
                  scope="col"
                  aria-sort={key === k ? (desc ? 'descending' : 'ascending') : undefined}
                >
                  <a href={link({ sort: key === k && !desc ? `-${k}` : k })}>
                    {t[label]}
                    {key === k ? (desc ? ' ▼' : ' ▲') : ''}
                  </a>
                </th>
              ))}
              <th scope="col">{t.storyCol}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((d) => (
              <tr key={d.id} data-testid="document-row">
                <td>
                  <a href={href('documents', d.id)}>{d.title ?? d.id}</a>
                  <Snippet s={d.snippet} />
                </td>
                <td>{d.outlet ?? '—'}</td>
                <td>{d.lang ? w.language(d.lang) : '—'}</td>
                <td>{day(d.published)}</td>
                <td>{d.storyId ? <a href={href('stories', d.storyId)}>{t.storyLink}</a> : '—'}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <nav class="pager" aria-label="Pages">
        {cursor && <a href={link({ cursor: undefined })}>{t.firstPage}</a>}
        {page.next && (
          <a href={link({ cursor: page.next })} data-testid="next-page">
            {t.nextPage}
          </a>
        )}
      </nav>
    </>
  );
}

function Snippet({ s }: { s: DocumentSummary['snippet'] }) {
  const pieces: { text: string; mark: boolean }[] = [];
  let at = 0;
  for (const h of [...s.highlights].sort((a, b) => a.start - b.start)) {
    if (h.start < at || h.end > s.text.length) continue;
    pieces.push({ text: s.text.slice(at, h.start), mark: false });
    pieces.push({ text: s.text.slice(h.start, h.end), mark: true });
    at = h.end;
  }
  pieces.push({ text: s.text.slice(at), mark: false });
  return (
    <div class="snippet muted" lang="">
      {pieces.map((p, i) =>
        p.mark ? <mark key={i}>{p.text}</mark> : <span key={i}>{p.text}</span>,
      )}
    </div>
  );
}
