/** Sign in with an API token (kept in sessionStorage only), or read anonymously when allowed. */
import { useEffect, useState } from 'preact/hooks';
import { Api, ApiError, signIn, type Session } from './api.js';
import { describeError } from './components/status.js';

export function Login({ onSession }: { onSession: (s: Session) => void }) {
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
          ? new Error(`This token was refused: ${e.message}.`)
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
      <p class="muted">Early warning for nuclear and missile proliferation.</p>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          if (token.trim()) void submit(token.trim());
        }}
      >
        <label for="token">API token</label>
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
        <p class="hint">
          Create one with <code>vigie token create --user NAME</code>. It stays in this tab only.
        </p>
        <button type="submit" disabled={busy}>
          Sign in
        </button>
        {anonymous && (
          <button type="button" class="secondary" disabled={busy} onClick={() => void submit(null)}>
            Continue without a token (viewer)
          </button>
        )}
      </form>
      {error && (
        <p class="notice notice-error" role="alert">
          {describeError(error)}
        </p>
      )}
    </main>
  );
}
