/**
 * Loading and error states. An error reads as a sentence in the dashboard's language, with the
 * server's own words under "Details" and a way back: try again, or the overview.
 */
import type { ComponentChildren } from 'preact';
import { ApiError } from '../api.js';
import { useWords, type Words } from '../i18n/i18n.js';
import type { Load } from '../use-load.js';

/** What went wrong, for a person: the status in words, the server's message kept as detail. */
export function describeError(error: Error, w: Words): { text: string; detail: string } {
  const e = w.ui.error;
  if (!(error instanceof ApiError)) return { text: error.message, detail: '' };
  const detail = error.status === 0 ? error.message : `${error.status} · ${error.message}`;
  if (error.status === 0) return { text: e.network, detail };
  if (error.status === 401) return { text: e.unauthorized, detail };
  if (error.status === 403) return { text: e.forbidden, detail };
  if (error.status === 404) return { text: e.notFound, detail };
  if (error.status === 429) return { text: e.tooMany, detail };
  if (error.status >= 400 && error.status < 500)
    return { text: `${e.badRequest} ${error.message}`, detail };
  return { text: e.server, detail };
}

export function ErrorNotice({
  error,
  retry,
  back = true,
}: {
  error: Error | null;
  retry?: () => void;
  /** A link back to the overview (not on the sign-in page, which has none). */
  back?: boolean;
}) {
  const w = useWords();
  if (!error) return null;
  const forbidden = error instanceof ApiError && error.status === 403;
  const { text, detail } = describeError(error, w);
  return (
    <div class={forbidden ? 'notice notice-forbidden' : 'notice notice-error'} role="alert">
      <p>{text}</p>
      {detail && (
        <details>
          <summary>{w.ui.error.details}</summary>
          <code>{detail}</code>
        </details>
      )}
      {(retry || back) && (
        <p class="notice-actions">
          {retry && (
            <button type="button" class="secondary small" onClick={retry}>
              {w.ui.retry}
            </button>
          )}{' '}
          {back && <a href="#/">{w.ui.backToOverview}</a>}
        </p>
      )}
    </div>
  );
}

export function Loaded<T>({
  load,
  retry,
  children,
}: {
  load: Load<T>;
  retry?: () => void;
  children: (data: T) => ComponentChildren;
}) {
  const w = useWords();
  if (load.state === 'loading')
    return (
      <p class="muted" aria-busy="true">
        {w.ui.loading}
      </p>
    );
  if (load.state === 'error') return <ErrorNotice error={load.error} retry={retry} />;
  return <>{children(load.data)}</>;
}
