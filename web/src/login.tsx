/** Sign in with an API token (kept in sessionStorage only), or read anonymously when allowed. */
import { useEffect, useState } from 'preact/hooks';
import { Api, ApiError, signIn, type Session } from './api.js';
import { ErrorNotice } from './components/status.js';
import { useWords } from './i18n/i18n.js';

export function Login({ onSession }: { onSession: (s: Session) => void }) {
  const w = useWords();
  const [token, setToken] = useState('');
  const [error, setError] = useState<Error | null>(null);
  const [busy, setBusy] = useState(false);
  const [anonymous, setAnonymous] = useState(false);

  useEffect(() => {
    new Api(null).get('/api/boards').then(
      () => setAnonymous(true),
      () => setAnonymous(false),
    );
  }, []);

  async function submit(t: string | null) {
    setBusy(true);
    setError(null);
    try {
      onSession(await signIn(t));
    } catch (e) {
      setError(
        e instanceof ApiError && e.status === 401
          ? new Error(w.fill(w.ui.tokenRefused, { reason: e.message }))
          : e instanceof Error
            ? e
            : new Error(String(e)),
      );
    } finally {
      setBusy(false);
    }
  }

  return (
    <main id="main" class="login">
      <h1>Vigie</h1>
      <p class="muted">{w.ui.login.tagline}</p>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          if (token.trim()) void submit(token.trim());
        }}
      >
        <label for="token">{w.ui.login.token}</label>
        <input
          id="token"
          name="token"
          type="password"
          autocomplete="off"
          placeholder="vigie_…"
          value={token}
          onInput={(e) => setToken(e.currentTarget.value)}
          required
        />
        <p class="hint" data-testid="token-hint">
          {w.ui.tokenHint} <code>npx vigie user add NAME --role analyst</code>,{' '}
          <code>npx vigie token create NAME</code>. {w.ui.tokenKept}
        </p>
        <button type="submit" disabled={busy}>
          {w.ui.login.signIn}
        </button>
        {anonymous && (
          <button type="button" class="secondary" disabled={busy} onClick={() => void submit(null)}>
            {w.ui.login.anonymous}
          </button>
        )}
      </form>
      <ErrorNotice error={error} back={false} />
    </main>
  );
}
