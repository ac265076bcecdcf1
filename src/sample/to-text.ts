/** Text forms of a page of records: JSON lines, a JSON array, CSV. Each yields pieces to stream to a file. */

export function* toJsonLines(records: readonly Record<string, unknown>[]): Generator<string> {
  for (const record of records) yield `${JSON.stringify(record)}\n`;
}

export function* toJsonArray(records: readonly Record<string, unknown>[]): Generator<string> {
  yield '[';
  for (let i = 0; i < records.length; i++) yield `${i === 0 ? '\n' : ',\n'}${JSON.stringify(records[i])}`;
  yield '\n]\n';
}

/** A value as text the way AppFlow writes it without source typing: nested values as JSON text. */
export function valueAsText(value: unknown): string | null {
  if (value === null || value === undefined) return null;
  if (typeof value === 'object') return JSON.stringify(value);
  return String(value);
}

/** Every top-level value as text (or null). */
export function withTextValues(record: Record<string, unknown>): Record<string, string | null> {
  const text: Record<string, string | null> = {};
  for (const [name, value] of Object.entries(record)) text[name] = valueAsText(value);
  return text;
}

function csvCell(value: unknown): string {
  const text = valueAsText(value) ?? '';
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

/** CSV with a header row of every field in the page (in first-seen order); a missing or null value is an empty cell. */
export function* toCsv(records: readonly Record<string, unknown>[]): Generator<string> {
  const columns = new Set<string>();
  for (const record of records) for (const name of Object.keys(record)) columns.add(name);
  const header = [...columns];
  yield `${header.map(csvCell).join(',')}\n`;
  for (const record of records) yield `${header.map((name) => csvCell(record[name])).join(',')}\n`;
}
