import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

/** The package's `queries/` folder, from both `src/` (tests) and `dist/` (built). */
export const QUERIES_DIR = join(__dirname, '..', '..', 'queries');

const cache = new Map<string, string>();

/** The text of `queries/<name>.sql`, e.g. `store/insert-json-values` (`root` stands for `queries/`). */
export function sqlFile(name: string, root: string = QUERIES_DIR): string {
  const file = join(root, `${name}.sql`);
  let text = cache.get(file);
  if (text === undefined) {
    text = readFileSync(file, 'utf8');
    cache.set(file, text);
  }
  return text;
}

/** `.sql` files directly in `queries/<folder>`, in file-name order, as `{ name, text }`. */
export function sqlFolder(folder: string, root: string = QUERIES_DIR): { name: string; text: string }[] {
  let names: string[];
  try {
    names = readdirSync(join(root, folder)).filter((n) => n.endsWith('.sql')).sort();
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw error;
  }
  return names.map((n) => ({ name: `${folder}/${n.slice(0, -4)}`, text: sqlFile(`${folder}/${n.slice(0, -4)}`, root) }));
}
