import { createRequire } from 'node:module';
import { join } from 'node:path';
import type { RowsInput } from '../charts/kit/rows';
import { rowsOf } from '../charts/kit/rows';

/**
 * A danfo.js DataFrame. Typed loosely on purpose: danfo is optional, so fleetkit's declarations cannot name its
 * types; the members listed are the ones every DataFrame has.
 */
export interface DanfoDataFrame {
  readonly columns: string[];
  readonly shape: number[];
  readonly values: unknown[][];
  /** The rest of danfo's API (head, describe, groupby, plot, …) as danfo defines it. */
  [member: string]: any;
}

type DanfoModule = { DataFrame: new (data: readonly object[]) => DanfoDataFrame };

/** danfojs-node first (faster, native TensorFlow); danfojs, the pure JavaScript build, where that cannot install. */
const danfoPackages = ['danfojs-node', 'danfojs'] as const;

export function toDanfo(input: RowsInput<object>): DanfoDataFrame {
  const danfo = loadDanfo();
  return new danfo.DataFrame(rowsOf(input).map(danfoRow));
}

function loadDanfo(): DanfoModule {
  const requirers = [createRequire(__filename), createRequire(join(process.cwd(), 'notebook.js'))];
  const failures: string[] = [];
  for (const name of danfoPackages) {
    for (const requireFrom of requirers) {
      try {
        return requireFrom(name) as DanfoModule;
      } catch (error) {
        if (!isNotFound(error, name)) failures.push(`${name}: ${(error as Error).message}`);
      }
    }
  }
  const why = failures.length > 0 ? ` (${failures.join('; ')})` : '';
  throw new Error(
    `toDanfo needs danfo.js, which is not installed${why}: run "npm install danfojs-node", ` +
      `or "npm install danfojs" where danfojs-node cannot download its native binary`,
  );
}

function isNotFound(error: unknown, name: string): boolean {
  const { code, message } = error as { code?: unknown; message?: unknown };
  return code === 'MODULE_NOT_FOUND' && typeof message === 'string' && message.includes(`'${name}'`);
}

/** danfo columns hold numbers, strings, booleans and dates: BIGINTs become numbers, nested values JSON text. */
function danfoRow(row: object): Record<string, unknown> {
  return Object.fromEntries(Object.entries(row).map(([column, value]) => [column, danfoValue(value)]));
}

function danfoValue(value: unknown): unknown {
  if (typeof value === 'bigint') {
    return Number.isSafeInteger(Number(value)) ? Number(value) : value.toString();
  }
  if (value !== null && typeof value === 'object' && !(value instanceof Date)) {
    return JSON.stringify(value, (_key, item: unknown) => (typeof item === 'bigint' ? item.toString() : item));
  }
  return value;
}
