/** Loading and error states, and the refusal message an analyst-only action gets from the server. */
import type { ComponentChildren } from 'preact';
import { ApiError } from '../api.js';
import type { Load } from '../use-load.js';

export function describeError(error: Error): string {
  if (error instanceof ApiError) {
    if (error.status === 403) return `Refused by the server (403 ${error.code}): ${error.message}`;
    if (error.status === 401) return `Not signed in (401): ${error.message}`;
    if (error.status === 0) return error.message;
    return `${error.status} ${error.code}: ${error.message}`;
  }
  return error.message;
}

export function ErrorNotice({ error }: { error: Error | null }) {
  if (!error) return null;
  const forbidden = error instanceof ApiError && error.status === 403;
  return (
    <p class={forbidden ? 'notice notice-forbidden' : 'notice notice-error'} role="alert">
      {describeError(error)}
    </p>
  );
}

export function Loaded<T>({
  load,
  children,
}: {
  load: Load<T>;
  children: (data: T) => ComponentChildren;
}) {
  if (load.state === 'loading')
    return (
      <p class="muted" aria-busy="true">
        Loading…
      </p>
    );
  if (load.state === 'error') return <ErrorNotice error={load.error} />;
  return <>{children(load.data)}</>;
}
