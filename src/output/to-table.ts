import type { QueryResult } from '../store/query-result';
import { textValue } from './plain-values';
import { visibleControls } from './visible-controls';

const MAX_CELL = 60;

function oneLine(text: string): string {
  return visibleControls(text.replace(/\s+/g, ' '));
}

function cell(text: string): string {
  const line = oneLine(text);
  return line.length > MAX_CELL ? `${line.slice(0, MAX_CELL - 1)}…` : line;
}

/** Display width: East Asian wide characters take two columns on a terminal. */
function width(text: string): number {
  let n = 0;
  for (const ch of text) n += /[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/.test(ch) ? 2 : 1;
  return n;
}

/** An aligned text table for a terminal, with the row count below it. */
export function toTable(result: QueryResult, maxRows = 200): string {
  const names = result.columns.map((c) => oneLine(c.name));
  const shown = result.rows.slice(0, maxRows);
  const body = shown.map((row) => result.columns.map((c) => cell(textValue(row[c.name], c))));
  const widths = names.map((name, i) => Math.max(width(name), ...body.map((r) => width(r[i]))));
  const numeric = result.columns.map((c) => /INT|DOUBLE|DECIMAL|FLOAT/.test(c.type));
  const pad = (text: string, i: number) => {
    const gap = ' '.repeat(widths[i] - width(text));
    return numeric[i] ? gap + text : text + gap;
  };
  const lines = [
    names.map(pad).join('  '),
    widths.map((w) => '─'.repeat(w)).join('  '),
    ...body.map((r) => r.map(pad).join('  ')),
  ];
  const count = result.rows.length;
  const more = count > shown.length ? ` (showing ${shown.length}; use --format csv or --out for all)` : '';
  lines.push(`${count} ${count === 1 ? 'row' : 'rows'}${more}`);
  return `${lines.join('\n')}\n`;
}
