/** Plain-text tables for listings: aligned columns, long cells cut with `…`. */

export interface Column<T> {
  readonly header: string;
  readonly value: (row: T) => string | number | null | undefined;
  /** Longest cell before it is cut (default 40). */
  readonly max?: number;
}

function cut(text: string, max: number): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length > max ? `${flat.slice(0, max - 1)}…` : flat;
}

export function formatTable<T>(columns: readonly Column<T>[], rows: readonly T[]): string {
  const cells = rows.map((row) => columns.map((c) => cut(String(c.value(row) ?? ''), c.max ?? 40)));
  const widths = columns.map((c, i) =>
    cells.reduce((width, r) => Math.max(width, [...r[i]!].length), c.header.length),
  );
  const line = (values: readonly string[]) =>
    values
      .map((v, i) => (i === values.length - 1 ? v : v + ' '.repeat(widths[i]! - [...v].length)))
      .join('  ');
  return [line(columns.map((c) => c.header)), ...cells.map(line)].join('\n');
}
