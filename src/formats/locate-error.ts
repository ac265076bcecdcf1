import { readFile } from 'node:fs/promises';
import type { FileFormat } from './sniff';

export interface ErrorLocation {
  line: number;
  problem: string;
}

/** What a JSON value must be: `page` an object or an array of objects (a page of records), `records` an array of objects. */
type Shape = 'any' | 'record' | 'page' | 'records';

/**
 * Finds the first line of a (plain, uncompressed) file that cannot be read, for an error message a person can act
 * on: DuckDB's own messages give a byte offset, a wrong line or no position at all.
 */
export async function locateParseError(path: string, format: FileFormat): Promise<ErrorLocation | null> {
  if (format === 'parquet') return null;
  const bytes = await readFile(path);
  const binary = locateBinary(bytes);
  if (binary) return binary;
  const text = bytes.toString('utf8').replace(/^\ufeff/, '');
  if (format === 'json-lines') return locateJsonLinesError(text);
  if (format === 'json-values') return locateJsonError(text, 'page', true);
  if (format === 'json-array') return locateJsonError(text, 'records');
  return locateCsvError(text);
}

/** The line of the first NUL byte or of the first bytes that are not UTF-8 text. */
function locateBinary(bytes: Buffer): ErrorLocation | null {
  const decoder = new TextDecoder('utf-8', { fatal: true });
  const nul = bytes.indexOf(0);
  let line = 1;
  for (let start = 0; start <= bytes.length; line++) {
    const newline = bytes.indexOf(0x0a, start);
    const end = newline < 0 ? bytes.length : newline;
    if (nul >= start && nul < end) return { line, problem: 'a NUL byte: binary content, not text' };
    try {
      decoder.decode(bytes.subarray(start, end));
    } catch {
      return { line, problem: 'bytes that are not UTF-8 text' };
    }
    if (newline < 0) break;
    start = newline + 1;
  }
  return null;
}

function locateJsonLinesError(text: string): ErrorLocation | null {
  const lines = text.split('\n');
  for (let i = 0; i < lines.length; i++) {
    if (lines[i].trim() === '') continue;
    let value: unknown;
    try {
      value = JSON.parse(lines[i]);
    } catch (error) {
      return { line: i + 1, problem: (error as Error).message.split('\n')[0] };
    }
    const wrong = shapeProblem(value, 'page');
    if (wrong) return { line: i + 1, problem: wrong };
  }
  return null;
}

const kindOf = (value: unknown): string => (value === null ? 'null' : Array.isArray(value) ? 'array' : typeof value === 'object' ? 'object' : typeof value);
const notARecord = (kind: string): string => `a JSON ${kind} where a record (a JSON object) was expected`;

function shapeProblem(value: unknown, shape: Shape): string | null {
  const kind = kindOf(value);
  if (shape === 'any' || (shape !== 'records' && kind === 'object')) return null;
  if (shape === 'record' || kind !== 'array') return notARecord(kind);
  const element = (value as unknown[]).find((e) => kindOf(e) !== 'object');
  return element === undefined ? null : notARecord(kindOf(element));
}

/**
 * The line of the first JSON syntax error in `text`, or of the first value that is not of the `shape` records need;
 * null when it is valid. `several` allows JSON values one after another (each of the shape).
 */
export function locateJsonError(text: string, shape: Shape = 'any', several = false): ErrorLocation | null {
  let i = 0;
  let line = 1;
  const fail = (problem: string, at = line): ErrorLocation => ({ line: at, problem });
  // A file that ends too soon is wrong where its content stops, not on the empty line after its last newline.
  const endOfFile = (): ErrorLocation => fail('unexpected end of file', text.trimEnd().split('\n').length);
  const skipSpace = (): void => {
    while (i < text.length) {
      const c = text[i];
      if (c === '\n') line++;
      else if (c !== ' ' && c !== '\t' && c !== '\r' && c !== '\ufeff') return;
      i++;
    }
  };
  const kindAt = (c: string | undefined): string =>
    c === '{' ? 'object' : c === '[' ? 'array' : c === '"' ? 'string' : c === 't' || c === 'f' ? 'boolean' : c === 'n' ? 'null' : 'number';
  const value = (expected: Shape): ErrorLocation | null => {
    skipSpace();
    const c = text[i];
    if (i >= text.length) return endOfFile();
    const kind = kindAt(c);
    if (expected !== 'any' && !(kind === 'object' && expected !== 'records') && !(kind === 'array' && expected !== 'record')) {
      return fail(notARecord(kind));
    }
    if (c === '{' || c === '[') return container(c === '{' ? '}' : ']', c === '{', expected === 'any' ? 'any' : 'record');
    if (c === '"') return string();
    const literal = /^(true|false|null|-?(0|[1-9]\d*)(\.\d+)?([eE][+-]?\d+)?)/.exec(text.slice(i, i + 64));
    if (!literal) return fail(`unexpected character "${c}"`);
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
  const container = (close: string, isObject: boolean, elements: Shape): ErrorLocation | null => {
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
      const error = value(isObject ? 'any' : elements);
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
      return i >= text.length ? endOfFile() : fail(`expected "," or "${close}"`);
    }
  };
  for (;;) {
    const error = value(shape);
    if (error) return error;
    skipSpace();
    if (i >= text.length) return null;
    if (!several) return fail('unexpected text after the end of the JSON value');
  }
}

/**
 * The line of the first CSV record that is not well formed or has a different number of cells than the header.
 * A quote problem is placed where the quoted cell opens: an unbalanced quote makes every later line look wrong.
 */
export function locateCsvError(text: string): ErrorLocation | null {
  let line = 1;
  let recordLine = 1;
  let cells = 1;
  let cellStart = true;
  let header: number | null = null;
  let inQuotes = false;
  let quoteLine = 1;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (inQuotes) {
      if (c === '"' && text[i + 1] === '"') i++;
      else if (c === '"') {
        inQuotes = false;
        const after = text[i + 1];
        if (after !== undefined && after !== ',' && after !== '\n' && after !== '\r') {
          const problem = quoteLine === line
            ? 'text after the closing quote of a cell'
            : `a quoted cell that opens here ends on line ${line} with text after its quote (an unbalanced quote?)`;
          return { line: quoteLine, problem };
        }
      } else if (c === '\n') line++;
      continue;
    }
    if (c === '"') {
      if (!cellStart) return { line, problem: 'a quote inside a cell that is not quoted' };
      inQuotes = true;
      quoteLine = line;
      continue;
    }
    cellStart = c === ',' || c === '\n';
    if (c === ',') cells++;
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
