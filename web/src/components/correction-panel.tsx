/**
 * Analyst corrections (docs/corrections.md): the control that corrects one mention (analysts
 * only), a document's correction log with revocation, and the line an evidence step shows when
 * a correction changed it.
 */
import { useEffect, useState } from 'preact/hooks';
import type { z } from 'zod';
import type { EventType, Modality } from '../../../src/domain/ontology.js';
import type {
  CorrectionSchema,
  RescoredCorrectionSchema,
} from '../../../src/server/schemas/corrections.js';
import { dateTime, pct } from '../format.js';
import { useWords, type Words } from '../i18n/i18n.js';
import { useSession } from '../session.js';
import { useLoad } from '../use-load.js';
import { ErrorNotice, Loaded } from './status.js';

export type Correction = z.output<typeof CorrectionSchema>;
export type Rescored = z.output<typeof RescoredCorrectionSchema>;
type Fields = Correction['before'];

// Records keyed by the ontology's own types: the compiler says when a code is missing.
const TYPE_CODES: Record<EventType, true> = {
  AGREEMENT: true,
  MEETING: true,
  MILITARY_COOPERATION: true,
  ARMS_TRANSFER: true,
  TECH_TRANSFER: true,
  TROOP_DEPLOYMENT: true,
  MISSILE_TEST: true,
  NUCLEAR_TEST: true,
  SPACE_LAUNCH: true,
  WEAPONS_DEVELOPMENT: true,
  REQUEST: true,
  SANCTION: true,
  CONCERN: true,
  THREAT: true,
  ATTACK: true,
  REJECTION: true,
};
const MODALITY_CODES: Record<Modality, true> = {
  ASSERTED: true,
  HEDGED: true,
  NEGATED: true,
  HYPOTHETICAL: true,
  PLANNED: true,
};

const CHOICES = { type: Object.keys(TYPE_CODES), modality: Object.keys(MODALITY_CODES) };
/** Free-text fields: actor codes (upper-cased) and the date; empty clears the value. */
const TEXT_FIELDS = [
  { key: 'source', hint: 'PRK', size: 5 },
  { key: 'target', hint: 'RUS', size: 5 },
  { key: 'date', hint: 'YYYY-MM-DD', size: 10 },
] as const;

/** One field's value in words: an event type, a modality, an actor, or the date as it is. */
function valueText(key: keyof Fields, value: string | null, w: Words): string {
  if (value === null) return '—';
  if (key === 'type') return w.type(value);
  if (key === 'modality') return w.modality(value);
  return key === 'source' || key === 'target' ? w.actor(value) : value;
}

/** What changed between two versions of a mention, in words ("modality asserted → denied"). */
export function changeText(before: Fields, after: Fields | null, w: Words): string {
  const t = w.ui.correct;
  if (after === null) return t.markedWrong;
  const parts: string[] = [];
  for (const key of ['type', 'source', 'target', 'modality', 'date'] as const) {
    if (before[key] !== after[key])
      parts.push(
        `${t.fields[key].toLowerCase()} ${valueText(key, before[key], w)} → ${valueText(key, after[key], w)}`,
      );
  }
  return parts.join(', ') || t.noChange;
}

/** A hypothesis change after a correction, as the page shows it. */
export function rescoredText(r: Rescored, w: Words): string {
  const t = w.ui.correct;
  const moved = r.hypothesisChanges.map((h) => `${h.title}: ${pct(h.before)} → ${pct(h.after)}`);
  const change = changeText(r.correction.before, r.correction.after, w);
  return `${w.fill(t.saved, { change })} ${
    moved.length > 0 ? w.fill(t.rescored, { list: moved.join('; ') }) : t.noneMoved
  }`;
}

function bodyOf(m: Fields, form: Fields & { reject: boolean; note: string }) {
  const note = form.note.trim() ? { note: form.note.trim() } : {};
  if (form.reject) return { reject: true, ...note };
  const body: Record<string, string | null> = {};
  for (const key of ['type', 'source', 'target', 'modality', 'date'] as const) {
    const value = form[key] === '' ? null : form[key];
    if (value !== m[key]) body[key] = value;
  }
  return { ...body, ...note };
}

/** The correction control of one mention: hidden from viewers. */
export function CorrectMention({
  m,
  onDone,
}: {
  m: Fields & { id: string };
  onDone: (result: Rescored) => void;
}) {
  const { api, canEdit } = useSession();
  const w = useWords();
  const t = w.ui.correct;
  const blank = () => ({ ...m, reject: false, note: '' });
  const [form, setForm] = useState(blank);
  const [open, setOpen] = useState(false);
  const [error, setError] = useState<Error | null>(null);
  const [busy, setBusy] = useState(false);
  // The mention changed (a correction, a revocation): the form starts again from its values.
  useEffect(() => setForm(blank()), [m.type, m.source, m.target, m.modality, m.date]);
  if (!canEdit) return null;
  const set = (patch: Partial<typeof form>) => setForm((f) => ({ ...f, ...patch }));

  async function submit(e: Event) {
    e.preventDefault();
    setError(null);
    setBusy(true);
    try {
      const path = `/api/mentions/${encodeURIComponent(m.id)}/corrections`;
      const result = await api.post<Rescored>(path, bodyOf(m, form));
      setOpen(false);
      onDone(result);
    } catch (err) {
      setError(err instanceof Error ? err : new Error(String(err)));
    } finally {
      setBusy(false);
    }
  }

  const label = (what: string) => w.fill(t.of, { what, id: m.id });
  return (
    <details
      class="correct"
      data-testid="correct-mention"
      open={open}
      onToggle={(e) => setOpen(e.currentTarget.open)}
    >
      <summary>{t.open}</summary>
      <form onSubmit={(e) => void submit(e)} class="correct-form">
        <label>
          <input
            type="checkbox"
            checked={form.reject}
            onChange={(e) => set({ reject: e.currentTarget.checked })}
          />{' '}
          {t.markWrong}
        </label>
        <fieldset disabled={form.reject}>
          {(['type', 'modality'] as const).map((key) => (
            <label key={key}>
              {t.fields[key]}{' '}
              <select
                aria-label={label(t.fields[key])}
                value={form[key]}
                onChange={(e) => set({ [key]: e.currentTarget.value })}
              >
                {CHOICES[key].map((code) => (
                  <option key={code} value={code}>
                    {valueText(key, code, w)}
                  </option>
                ))}
              </select>
            </label>
          ))}
          {TEXT_FIELDS.map(({ key, hint, size }) => (
            <label key={key}>
              {t.fields[key]}{' '}
              <input
                aria-label={label(t.fields[key])}
                value={form[key] ?? ''}
                placeholder={hint}
                size={size}
                onInput={(e) => {
                  const v = e.currentTarget.value.trim();
                  set({ [key]: key === 'date' ? v : v.toUpperCase() });
                }}
              />
            </label>
          ))}
        </fieldset>
        <label>
          {t.note}{' '}
          <input
            aria-label={label(t.note)}
            value={form.note}
            onInput={(e) => set({ note: e.currentTarget.value })}
          />
        </label>
        <button type="submit" class="small" disabled={busy} data-testid="correct-submit">
          {busy ? t.rescoring : t.save}
        </button>
        <ErrorNotice error={error} />
      </form>
    </details>
  );
}

/** A document's corrections, newest first; analysts may revoke those in force. */
export function DocumentCorrections({
  documentId,
  version,
  onChange,
}: {
  documentId: string;
  version: number;
  onChange: (result: Rescored) => void;
}) {
  const { api, canEdit } = useSession();
  const w = useWords();
  const t = w.ui.correct;
  const [error, setError] = useState<Error | null>(null);
  const [load] = useLoad(`corrections:${documentId}:${version}`, () =>
    api.get<{ items: Correction[] }>('/api/corrections', { documentId, limit: 200 }),
  );

  async function revoke(c: Correction) {
    setError(null);
    try {
      onChange(await api.post<Rescored>(`/api/corrections/${encodeURIComponent(c.id)}/revoke`));
    } catch (err) {
      setError(err instanceof Error ? err : new Error(String(err)));
    }
  }

  return (
    <section aria-labelledby="corrections-h">
      <h2 id="corrections-h">{t.title}</h2>
      <ErrorNotice error={error} />
      <Loaded load={load}>
        {(page) =>
          page.items.length === 0 ? (
            <p class="muted">
              {t.none}
              {canEdit ? t.howTo : ''}
            </p>
          ) : (
            <ul class="corrections">
              {page.items.map((c) => (
                <li key={c.id} data-testid="correction" class={c.revokedAt ? 'revoked' : ''}>
                  <strong>{c.mentionId}</strong>: {changeText(c.before, c.after, w)}
                  {w.fill(t.by, { who: c.createdBy, when: dateTime(c.createdAt) })}
                  {c.note ? ` · “${c.note}”` : ''}
                  {c.revokedAt
                    ? w.fill(t.revoked, { who: c.revokedBy ?? '?', when: dateTime(c.revokedAt) })
                    : canEdit && (
                        <>
                          {' '}
                          <button
                            type="button"
                            class="secondary small"
                            data-testid="revoke"
                            onClick={() => void revoke(c)}
                          >
                            {t.revoke}
                          </button>
                        </>
                      )}
                </li>
              ))}
            </ul>
          )
        }
      </Loaded>
    </section>
  );
}

interface StepCorrection {
  id: string;
  action: string;
  before: Fields;
  after: Fields | null;
  by: string;
  at: string;
  note: string | null;
}

/** The corrections an evidence step's explanation names (score-boards writes them). */
export function StepCorrections({ explanation }: { explanation: unknown }) {
  const w = useWords();
  const list = (explanation as { corrections?: StepCorrection[] } | null)?.corrections ?? [];
  if (list.length === 0) return null;
  return (
    <ul class="step-corrections">
      {list.map((c) => (
        <li key={c.id} data-testid="step-correction">
          {w.fill(w.ui.correct.step, {
            change: changeText(c.before, c.after, w),
            who: c.by,
            when: dateTime(c.at),
            note: c.note ? `: “${c.note}”` : '',
          })}
        </li>
      ))}
    </ul>
  );
}
