import { existsSync, readdirSync } from 'node:fs';
import { homedir } from 'node:os';
import { basename, join } from 'node:path';
import { windowsFolder } from '../config';

/**
 * The chart font's files (DejaVu Sans, Debian package fonts-dejavu-core) and the fallback for the Japanese and
 * other East Asian text it lacks (Noto Sans CJK, fonts-noto-cjk), found where fonts are installed. Regular
 * fallbacks come first: resvg takes the first font that has a missing character.
 */
export interface ChartFontFiles {
  regular: string;
  bold?: string;
  fallbacks: string[];
}

const regularFileName = 'DejaVuSans.ttf';
const boldFileName = 'DejaVuSans-Bold.ttf';
const fallbackFileName = /^NotoSansCJK(jp)?-(Regular|Bold)\.(ttc|otf)$/i;

function fontDirectories(): string[] {
  const home = homedir();
  return [
    join(home, '.local', 'share', 'fonts'),
    join(home, '.fonts'),
    join(home, 'Library', 'Fonts'),
    '/usr/local/share/fonts',
    '/usr/share/fonts',
    '/Library/Fonts',
    join(windowsFolder(), 'Fonts'),
  ];
}

let found: ChartFontFiles | null | undefined;

export function findChartFontFiles(): ChartFontFiles | null {
  if (found === undefined) {
    const files = fontDirectories()
      .filter((dir) => existsSync(dir))
      .flatMap((dir) => readdirSync(dir, { recursive: true, encoding: 'utf8' }).map((file) => join(dir, file)));
    const regular = files.find((file) => basename(file) === regularFileName);
    const bold = files.find((file) => basename(file) === boldFileName);
    const fallbacks = files
      .filter((file) => fallbackFileName.test(basename(file)))
      .sort((a, b) => Number(/bold/i.test(basename(a))) - Number(/bold/i.test(basename(b))));
    found = regular === undefined ? null : { regular, ...(bold === undefined ? {} : { bold }), fallbacks };
  }
  return found;
}

export function missingChartFontMessage(): string {
  return `the chart font DejaVu Sans (${regularFileName}) is not installed; install it (Debian/Ubuntu: apt-get install fonts-dejavu-core) and try again`;
}
