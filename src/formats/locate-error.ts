import { createReadStream } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { createInterface } from 'node:readline';
import type { FileFormat } from './sniff';

export interface ErrorLocation {
  line: number;
  problem: string;
}

/**
 * Finds the first line of a file that does not parse, for an error message a person can act on
 * (DuckDB's own messages give a byte offset or no position at all).
 */
export async function locateParseError(path: string, format: FileFormat): Promise<ErrorLocation | null> {
  if (format === 'json-lines') return locateJsonLinesError(path);
  if (format === 'json-array') return locateJsonError(await readFile(path, 'utf8'));
  if (format === 'csv') return locateCsvError(await readFile(path, 'utf8'));
  return null;
}

async function locateJsonLinesError(path: string): Promise<ErrorLocation | null> {
  const lines = createInterface({ input: createReadStream(path, 'utf8'), crlfDelay: Infinity });
  let line = 0;
  try {
    for await (const text of lines) {
      line++;
      if (text.trim() === '') continue;
      try {
        JSON.parse(text);
      } catch (error) {
        return { line, problem: (error as Error).message.split('\n')[0] };
      }
    }
  } finally {
    lines.close();
  }
  return null;
}

/** The line of the first JSON syntax error in `text`, or null when it is valid JSON. */
export function locateJsonError(text: string): ErrorLocation | null {
  let i = 0;
  let line = 1;
  const fail = (problem: string): ErrorLocation => ({ line, problem });
  const skipSpace = (): void => {
    while (i < text.length) {
      const c = text[i];
      if (c === '\n') line++;
      else if (c !== ' ' && c !== '\t' && c !== '\r' && c !== '\ufeff') return;
      i++;
    }
  };
  const value = (): ErrorLocation | null => {
    skipSpace();
    const c = text[i];
    if (c === '{' || c === '[') return container(c === '{' ? '}' : ']', c === '{');
    if (c === '"') return string();
    const literal = /^(true|false|null|-?(0|[1-9]\d*)(\.\d+)?([eE][+-]?\d+)?)/.exec(text.slice(i, i + 64));
    if (!literal) return fail(i >= text.length ? 'unexpected end of file' : `unexpected character "${c}"`);
    i += literal[0].length;
    return null;
  };
  const string = (): ErrorLocation | null => {
    i++;
    while (i < text.length) {
      const c = text[i];
      if (c === '"') {
        i++;
        return null;
      }
      if (c === '\n') return fail('line break inside a string');
      i += c === '\\' ? 2 : 1;
    }
    return fail('unterminated string');
  };
  const container = (close: string, isObject: boolean): ErrorLocation | null => {
    i++;
    skipSpace();
    if (text[i] === close) {
      i++;
      return null;
    }
    for (;;) {
      if (isObject) {
        skipSpace();
        if (text[i] !== '"') return fail('expected a quoted field name');
        const error = string();
        if (error) return error;
        skipSpace();
        if (text[i] !== ':') return fail('expected ":" after a field name');
        i++;
      }
      const error = value();
      if (error) return error;
      skipSpace();
      if (text[i] === ',') {
        i++;
        continue;
      }
      if (text[i] === close) {
        i++;
        return null;
      }
      return fail(i >= text.length ? 'unexpected end of file' : `expected "," or "${close}"`);
    }
  };
  const error = value();
  if (error) return error;
  skipSpace();
  return i < text.length ? fail('unexpected text after the end of the JSON value') : null;
}

/** The line of the first CSV record that is not well formed or has a different number of cells than the header. */
export function locateCsvError(text: string): ErrorLocation | null {
  let line = 1;
  let recordLine = 1;
  let cells = 1;
  let header: number | null = null;
  let inQuotes = false;
  let quoteLine = 1;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (inQuotes) {
      if (c === '"' && text[i + 1] === '"') i++;
      else if (c === '"') inQuotes = false;
      else if (c === '\n') line++;
      continue;
    }
    if (c === '"') {
      inQuotes = true;
      quoteLine = line;
    } else if (c === ',') cells++;
    else if (c === '\n') {
      const blank = cells === 1 && text.slice(text.lastIndexOf('\n', i - 1) + 1, i).trim() === '';
      if (!blank) {
        if (header === null) header = cells;
        else if (cells !== header) return { line: recordLine, problem: `${cells} cells where the header has ${header}` };
      }
      line++;
      recordLine = line;
      cells = 1;
    }
  }
  if (inQuotes) return { line: quoteLine, problem: 'a quoted cell is never closed' };
  const last = text.slice(text.lastIndexOf('\n') + 1).trim();
  if (last !== '' && header !== null && cells !== header) {
    return { line: recordLine, problem: `${cells} cells where the header has ${header}` };
  }
  return null;
}
