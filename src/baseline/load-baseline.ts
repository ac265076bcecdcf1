import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { listControls } from '../analysis/controls/control-catalog';
import type { ControlDefinition } from '../analysis/controls/control-definition';
import type { Baseline } from './baseline';
import { BaselineError } from './baseline-error';
import { validateBaseline } from './validate-baseline';

/** The baseline that ships with the package: every control of the catalog, at its own severity, for every computer. */
export const defaultBaselinePath = join(__dirname, '..', '..', 'baselines', 'default.json');

/** Reads and validates a baseline file (the shipped default when no file is given). */
export function loadBaseline(file: string = defaultBaselinePath, controls: ControlDefinition[] = listControls()): Baseline {
  const path = resolve(file);
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    throw new BaselineError(path, [{ path: '(file)', expected: 'a readable file', found: (error as Error).message }]);
  }
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    throw new BaselineError(path, [{ path: '(file)', expected: 'JSON text', found: (error as Error).message }]);
  }
  return validateBaseline(value, controls, path, text);
}
