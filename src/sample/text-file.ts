import { open } from 'node:fs/promises';

const FLUSH_AT_CHARS = 1 << 20;

/** Writes the pieces of text to a file in order, holding about a megabyte at a time. */
export async function writeTextFile(path: string, pieces: Iterable<string>): Promise<void> {
  const file = await open(path, 'w');
  try {
    let buffered: string[] = [];
    let size = 0;
    for (const piece of pieces) {
      buffered.push(piece);
      size += piece.length;
      if (size >= FLUSH_AT_CHARS) {
        await file.write(buffered.join(''));
        buffered = [];
        size = 0;
      }
    }
    if (buffered.length > 0) await file.write(buffered.join(''));
  } finally {
    await file.close();
  }
}
