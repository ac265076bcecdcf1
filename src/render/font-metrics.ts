import { readFileSync } from 'node:fs';

/** Advance widths of a TrueType font's characters, read from its `head`, `hhea`, `hmtx` and `cmap` tables. */
export interface FontMetrics {
  /** The character's advance width in ems, or undefined when the font has no glyph for it. */
  characterWidth(codePoint: number): number | undefined;
}

export function readFontMetrics(file: string): FontMetrics {
  const font = readFileSync(file);
  const tables = tableOffsets(font);
  const unitsPerEm = font.readUInt16BE(table(tables, 'head') + 18);
  const horizontalMetricCount = font.readUInt16BE(table(tables, 'hhea') + 34);
  const hmtx = table(tables, 'hmtx');
  const glyphOf = characterMap(font, table(tables, 'cmap'));
  const glyphAdvance = (glyph: number) =>
    font.readUInt16BE(hmtx + 4 * Math.min(glyph, horizontalMetricCount - 1));
  const widths = new Map<number, number | undefined>();
  return {
    characterWidth(codePoint) {
      if (!widths.has(codePoint)) {
        const glyph = glyphOf(codePoint);
        widths.set(codePoint, glyph === 0 ? undefined : glyphAdvance(glyph) / unitsPerEm);
      }
      return widths.get(codePoint);
    },
  };
}

function tableOffsets(font: Buffer): Map<string, number> {
  const tables = new Map<string, number>();
  const count = font.readUInt16BE(4);
  for (let i = 0; i < count; i++) {
    const record = 12 + 16 * i;
    tables.set(font.toString('latin1', record, record + 4), font.readUInt32BE(record + 8));
  }
  return tables;
}

function table(tables: Map<string, number>, tag: string): number {
  const offset = tables.get(tag);
  if (offset === undefined) throw new Error(`font has no ${tag} table`);
  return offset;
}

/** Maps a code point to a glyph index (0 = missing) from the Unicode subtable: format 12 if present, else format 4. */
function characterMap(font: Buffer, cmap: number): (codePoint: number) => number {
  const subtables = new Map<number, number>();
  const count = font.readUInt16BE(cmap + 2);
  for (let i = 0; i < count; i++) {
    const record = cmap + 4 + 8 * i;
    const platform = font.readUInt16BE(record);
    const encoding = font.readUInt16BE(record + 2);
    const isUnicode = platform === 0 || (platform === 3 && (encoding === 1 || encoding === 10));
    const subtable = cmap + font.readUInt32BE(record + 4);
    if (isUnicode) subtables.set(font.readUInt16BE(subtable), subtable);
  }
  const format12 = subtables.get(12);
  if (format12 !== undefined) return segmentedCoverage(font, format12);
  const format4 = subtables.get(4);
  if (format4 !== undefined) return segmentMapping(font, format4);
  throw new Error('font has no Unicode character map of format 4 or 12');
}

function segmentedCoverage(font: Buffer, subtable: number): (codePoint: number) => number {
  const groups = font.readUInt32BE(subtable + 12);
  return (codePoint) => {
    for (let i = 0; i < groups; i++) {
      const group = subtable + 16 + 12 * i;
      const start = font.readUInt32BE(group);
      const end = font.readUInt32BE(group + 4);
      if (codePoint >= start && codePoint <= end) return font.readUInt32BE(group + 8) + codePoint - start;
    }
    return 0;
  };
}

function segmentMapping(font: Buffer, subtable: number): (codePoint: number) => number {
  const segments = font.readUInt16BE(subtable + 6) / 2;
  const endCodes = subtable + 14;
  const startCodes = endCodes + 2 * segments + 2;
  const deltas = startCodes + 2 * segments;
  const rangeOffsets = deltas + 2 * segments;
  return (codePoint) => {
    if (codePoint > 0xffff) return 0;
    for (let i = 0; i < segments; i++) {
      if (codePoint > font.readUInt16BE(endCodes + 2 * i)) continue;
      const start = font.readUInt16BE(startCodes + 2 * i);
      if (codePoint < start) return 0;
      const delta = font.readUInt16BE(deltas + 2 * i);
      const rangeOffsetAt = rangeOffsets + 2 * i;
      const rangeOffset = font.readUInt16BE(rangeOffsetAt);
      if (rangeOffset === 0) return (codePoint + delta) & 0xffff;
      const glyph = font.readUInt16BE(rangeOffsetAt + rangeOffset + 2 * (codePoint - start));
      return glyph === 0 ? 0 : (glyph + delta) & 0xffff;
    }
    return 0;
  };
}
