/**
 * "Export this view": the page's filters sent to /api/export as CSV (events or mentions), JSONL
 * or a STIX 2.1 bundle, fetched with the session's token (a plain link could not carry it) and
 * saved as a download. Exports need the analyst role; a viewer is told so before trying.
 */
import { useState } from 'preact/hooks';
import { useWords } from '../i18n/i18n.js';
import { useSession } from '../session.js';
import { ErrorNotice } from './status.js';

const CHOICES = [
  { key: 'csv-events', format: 'csv', what: 'events', label: 'CSV', ext: 'csv' },
  { key: 'csv-mentions', format: 'csv', what: 'mentions', label: 'CSV (mentions)', ext: 'csv' },
  { key: 'jsonl', format: 'jsonl', what: 'events', label: 'JSONL', ext: 'jsonl' },
  { key: 'stix', format: 'stix', what: undefined, label: 'STIX 2.1', ext: 'json' },
] as const;

export function ExportLinks({ filters }: { filters: Record<string, string> }) {
  const { api, canEdit } = useSession();
  const w = useWords();
  const [error, setError] = useState<Error | null>(null);
  const [busy, setBusy] = useState('');

  async function download(choice: (typeof CHOICES)[number]) {
    setError(null);
    setBusy(choice.key);
    try {
      const blob = await api.blob('/api/export', {
        ...filters,
        format: choice.format,
        what: choice.what,
      });
      const url = URL.createObjectURL(blob);
      const a = document.createElement('a');
      a.href = url;
      a.download = `vigie-${choice.key}.${choice.ext}`;
      a.click();
      setTimeout(() => URL.revokeObjectURL(url), 10_000);
    } catch (e) {
      setError(e instanceof Error ? e : new Error(String(e)));
    } finally {
      setBusy('');
    }
  }

  return (
    <div class="toolbar export" data-testid="export">
      <span>{w.ui.export.label}:</span>
      {CHOICES.map((c) => (
        <button
          key={c.key}
          type="button"
          class="secondary small"
          data-format={c.key}
          disabled={busy !== ''}
          aria-disabled={canEdit ? undefined : 'true'}
          title={canEdit ? undefined : w.ui.export.analystOnly}
          onClick={() => void download(c)}
        >
          {c.label}
        </button>
      ))}
      {!canEdit && <span class="muted small">{w.ui.export.analystOnly}</span>}
      <ErrorNotice error={error} back={false} />
    </div>
  );
}
