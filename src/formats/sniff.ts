import { open } from 'node:fs/promises';

export type FileFormat = 'json-lines' | 'json-array' | 'csv' | 'parquet';

export type Sniffed = { kind: 'format'; format: FileFormat } | { kind: 'skip'; reason: string };

const PARQUET_MAGIC = 'PAR1';
const SNIFF_BYTES = 64 * 1024;

/**
 * Tells an export file's format from its content: AppFlow's Parquet has no extension, and a name may lie.
 * JSON with several top-level values is JSON lines; a file whose first value is an array is one array of records.
 */
export async function sniffFormat(path: string, fileName: string): Promise<Sniffed> {
  const handle = await open(path, 'r');
  try {
    const { size } = await handle.stat();
    if (size === 0) return { kind: 'skip', reason: 'empty file' };
    const buffer = Buffer.alloc(Math.min(SNIFF_BYTES, size));
    await handle.read(buffer, 0, buffer.length, 0);
    if (buffer.subarray(0, 4).toString('latin1') === PARQUET_MAGIC) return { kind: 'format', format: 'parquet' };
    return sniffText(buffer, fileName);
  } finally {
    await handle.close();
  }
}

export function sniffText(head: Buffer, fileName: string): Sniffed {
  let text = head.toString('utf8');
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  const named = formatFromName(fileName);
  if (text.includes('\u0000')) {
    return named === 'parquet' ? { kind: 'format', format: named } : { kind: 'skip', reason: 'binary content that is not Parquet' };
  }
  const first = text.trimStart().charAt(0);
  if (first === '[') return { kind: 'format', format: 'json-array' };
  if (first === '{') return { kind: 'format', format: 'json-lines' };
  if (first === '') return { kind: 'skip', reason: 'only white space' };
  if (named) return { kind: 'format', format: named };
  if (/\.(md|txt|html?|pdf|png|jpe?g|gz|zip|yml|yaml|xml)$/i.test(fileName)) {
    return { kind: 'skip', reason: 'not an export file' };
  }
  const header = text.split(/\r?\n/, 1)[0];
  if (looksLikeCsvHeader(header)) return { kind: 'format', format: 'csv' };
  return { kind: 'skip', reason: 'neither JSON, CSV nor Parquet' };
}

function looksLikeCsvHeader(line: string): boolean {
  const cells = line.split(',');
  return cells.length >= 2 && cells.every((cell) => /^"?[A-Za-z_][\w.\- ]*"?$/.test(cell.trim()));
}

/** A name that says JSON, CSV or Parquet is held to it, so a damaged file fails its run instead of being skipped. */
function formatFromName(fileName: string): FileFormat | null {
  if (/\.(json|jsonl|ndjson)$/i.test(fileName)) return 'json-lines';
  if (/\.csv$/i.test(fileName)) return 'csv';
  if (/\.parquet$/i.test(fileName)) return 'parquet';
  return null;
}
