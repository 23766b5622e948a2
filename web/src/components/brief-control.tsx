/**
 * The Brief control of a watchboard: period, format and language, then the situation report
 * from GET /api/boards/:id/brief, fetched with the session's token and handed to the browser as a
 * Blob URL (HTML in a new tab; Markdown and PDF downloaded). PDF is offered only when the server
 * says it can print one (GET /api/briefs/formats).
 */
import { useState } from 'preact/hooks';
import { useSession } from '../session.js';
import type { DateRangeValue } from './date-range.js';
import { useLoad } from '../use-load.js';
import { useWords } from '../i18n/i18n.js';
import { describeError } from './status.js';

type BriefFormat = 'html' | 'md' | 'pdf';

interface BriefFormats {
  readonly formats: readonly BriefFormat[];
  readonly languages: readonly string[];
  readonly pdfUnavailableReason: string | null;
}

const PERIODS = ['7d', '30d'] as const;
const LANGUAGES: Readonly<Record<string, string>> = { en: 'English', fr: 'Français' };
// The new tab or the download reads the Blob URL after the click returns; freed a minute later.
const URL_LIFETIME_MS = 60_000;

export function BriefControl({
  boardId,
  boardTitle,
  range = {},
}: {
  boardId: string;
  boardTitle: string;
  /** The page's date range: when it has a start, it is the brief's period too. */
  range?: DateRangeValue;
}) {
  const { api } = useSession();
  const w = useWords();
  const [load] = useLoad('brief-formats', () => api.get<BriefFormats>('/api/briefs/formats'));
  const ranged = range.since !== undefined && /^\d{4}-\d{2}-\d{2}$/.test(range.since);
  const t = w.ui.brief;
  const rangeLabel = ranged ? `${range.since} – ${range.until ?? t.latest}` : '';
  const [since, setSince] = useState(ranged ? 'range' : '7d');
  const [format, setFormat] = useState<BriefFormat>('html');
  // The brief's language follows the dashboard's, which the reader may change here.
  const [lang, setLang] = useState<string>(w.lang);
  const [status, setStatus] = useState<{ kind: 'busy' | 'done' | 'error'; text: string } | null>(
    null,
  );
  const offered = load.state === 'ready' ? load.data : null;
  const formats = offered?.formats ?? (['html', 'md'] as const);
  const languages = offered?.languages ?? ['en'];

  async function produce(e: Event) {
    e.preventDefault();
    // Opened now, inside the click, so no popup blocker stops it; filled when the brief arrives.
    const tab = format === 'html' ? window.open('', '_blank') : null;
    setStatus({ kind: 'busy', text: t.preparing });
    try {
      const blob = await api.blob(`/api/boards/${encodeURIComponent(boardId)}/brief`, {
        format,
        since: since === 'range' ? range.since : since,
        until: since === 'range' ? range.until : undefined,
        lang,
        // Citations and events in the brief link back to this dashboard.
        dashboard: `${location.origin}${location.pathname}`,
      });
      const url = URL.createObjectURL(blob);
      setTimeout(() => URL.revokeObjectURL(url), URL_LIFETIME_MS);
      const name = `brief-${boardId}-${since === 'range' ? range.since : since}-${lang}.${format}`;
      if (format === 'html' && tab) {
        tab.location.href = url;
        setStatus({ kind: 'done', text: t.opened });
      } else {
        // A download (or, when the new tab was blocked, the HTML saved instead).
        const a = document.createElement('a');
        a.href = url;
        a.download = name;
        a.click();
        setStatus({ kind: 'done', text: w.fill(t.downloaded, { name }) });
      }
    } catch (error) {
      tab?.close();
      setStatus({
        kind: 'error',
        text: errorLine(
          describeError(error instanceof Error ? error : new Error(String(error)), w),
        ),
      });
    }
  }

  return (
    <form
      class="filters brief"
      aria-label={w.fill(t.aria, { title: boardTitle })}
      data-testid="brief-control"
      onSubmit={(e) => void produce(e)}
    >
      <label>
        {t.period}
        <select
          name="since"
          value={since}
          onChange={(e) => setSince((e.target as HTMLSelectElement).value)}
        >
          {ranged && <option value="range">{rangeLabel}</option>}
          {PERIODS.map((value) => (
            <option key={value} value={value}>
              {t.periods[value]}
            </option>
          ))}
        </select>
      </label>
      <label>
        {t.format}
        <select
          name="format"
          value={format}
          onChange={(e) => setFormat((e.target as HTMLSelectElement).value as BriefFormat)}
        >
          {formats.map((f) => (
            <option key={f} value={f}>
              {t.formats[f]}
            </option>
          ))}
        </select>
      </label>
      <label>
        {t.language}
        <select
          name="lang"
          value={lang}
          onChange={(e) => setLang((e.target as HTMLSelectElement).value)}
        >
          {languages.map((l) => (
            <option key={l} value={l}>
              {LANGUAGES[l] ?? l}
            </option>
          ))}
        </select>
      </label>
      <button type="submit" disabled={status?.kind === 'busy'}>
        {t.submit}
      </button>
      {offered?.pdfUnavailableReason && (
        <span class="muted brief-note" title={offered.pdfUnavailableReason}>
          {t.pdfUnavailable}
        </span>
      )}
      {status && (
        <span
          class={status.kind === 'error' ? 'notice notice-error' : 'muted'}
          role={status.kind === 'error' ? 'alert' : 'status'}
          data-testid="brief-status"
        >
          {status.text}
        </span>
      )}
    </form>
  );
}

const errorLine = (e: { text: string; detail: string }) => `${e.text} (${e.detail})`;
