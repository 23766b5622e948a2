/**
 * The date range every filtered view shares: `since` and `until` in the URL, so the charts, the
 * event and document lists, an actor's page and the brief read the same two values, and a link
 * from one view to another carries them.
 */
export interface DateRangeValue {
  readonly since?: string | undefined;
  readonly until?: string | undefined;
}

/** The range of a route's query; anything but a YYYY[-MM[-DD]] date is dropped. */
export function rangeOf(query: URLSearchParams): DateRangeValue {
  const valid = (v: string | null) => (v && /^\d{4}(-\d{2}(-\d{2})?)?$/.test(v) ? v : undefined);
  return { since: valid(query.get('since')), until: valid(query.get('until')) };
}

/** Two date fields named `since` and `until`, for a filter form. */
export function DateRange({ value }: { value: DateRangeValue }) {
  return (
    <>
      <label>
        since
        <input name="since" type="date" value={value.since ?? ''} data-testid="range-since" />
      </label>
      <label>
        until
        <input name="until" type="date" value={value.until ?? ''} data-testid="range-until" />
      </label>
    </>
  );
}
