/**
 * The signed-in user's saved searches of the documents page: each a link to the search, a form to
 * save the current one under a name, and delete. Stored server-side (/api/saved-searches).
 */
import { useState } from 'preact/hooks';
import type { SavedSearch } from '../api-types.js';
import { useWords } from '../i18n/i18n.js';
import { useSession } from '../session.js';
import { useLoad } from '../use-load.js';
import { ErrorNotice } from './status.js';

export function SavedSearches({ current }: { current: string }) {
  const { api, session } = useSession();
  const [error, setError] = useState<Error | null>(null);
  const [load, reload] = useLoad('saved-searches', () =>
    api.get<{ items: SavedSearch[] }>('/api/saved-searches'),
  );
  const items = load.state === 'ready' ? load.data.items : [];
  const w = useWords();
  const t = w.ui.wb;

  async function run(action: () => Promise<unknown>) {
    setError(null);
    try {
      await action();
      reload();
    } catch (e) {
      setError(e instanceof Error ? e : new Error(String(e)));
    }
  }

  return (
    <section class="saved" aria-labelledby="saved-h">
      <h2 id="saved-h" class="small-h">
        {t.saved}
      </h2>
      {items.length === 0 ? (
        <p class="muted">{t.noneSaved}</p>
      ) : (
        <ul class="saved-list" data-testid="saved-searches">
          {items.map((s) => (
            <li key={s.id}>
              <a href={`#/documents${s.query ? `?${s.query}` : ''}`}>{s.name}</a>{' '}
              <button
                type="button"
                class="secondary small"
                aria-label={w.fill(t.deleteSaved, { name: s.name })}
                onClick={() =>
                  void run(() => api.delete(`/api/saved-searches/${encodeURIComponent(s.id)}`))
                }
              >
                {t.delete}
              </button>
            </li>
          ))}
        </ul>
      )}
      {session.token ? (
        <form
          class="inline-form"
          onSubmit={(e) => {
            e.preventDefault();
            const form = e.currentTarget;
            const name = String(new FormData(form).get('name') ?? '').trim();
            if (name) {
              void run(() => api.post('/api/saved-searches', { name, query: current })).then(() =>
                form.reset(),
              );
            }
          }}
        >
          <label>
            {t.saveAs}{' '}
            <input name="name" required maxLength={200} size={18} data-testid="save-name" />
          </label>{' '}
          <button type="submit" class="small" data-testid="save-search">
            {t.save}
          </button>
        </form>
      ) : (
        <p class="hint">{t.signInToSave}</p>
      )}
      <ErrorNotice error={error} />
    </section>
  );
}
