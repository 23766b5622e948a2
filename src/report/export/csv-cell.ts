/**
 * RFC 4180 CSV cells with a formula-injection guard: a cell starting with = + - @ (or a tab or
 * carriage return) gets a leading apostrophe so spreadsheets show it as text.
 * @module
 */
export function csvCell(value: unknown): string {
  let text = value === null || value === undefined ? '' : String(value);
  if (/^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) || text.startsWith(' ') || text.endsWith(' ')
    ? `"${text.replace(/"/g, '""')}"`
    : text;
}

/** One record, CRLF-terminated as RFC 4180 says. */
export function csvRow(values: readonly unknown[]): string {
  return `${values.map(csvCell).join(',')}\r\n`;
}
