import { execFile } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { promisify } from 'node:util';
import { projectRoot } from './charts-fixtures';

export interface NotebookOutput {
  output_type: string;
  name?: string;
  text?: string | string[];
  data?: Record<string, string | string[]>;
  ename?: string;
}

export interface ExecutedNotebook {
  cells: { cell_type: string; outputs?: NotebookOutput[] }[];
}

/** Runs notebooks through scripts/run-notebooks.sh (real Jupyter, tslab kernel) and reads the executed copies. */
export async function runNotebooks(outDir: string, notebooks: string[] = []): Promise<Map<string, ExecutedNotebook>> {
  await promisify(execFile)(join(projectRoot, 'scripts', 'run-notebooks.sh'), [outDir, ...notebooks], {
    env: { ...process.env, FLEETKIT_DB: join(outDir, 'fleet.duckdb') },
    maxBuffer: 16 * 1024 * 1024,
  });
  const names = notebooks.length > 0 ? notebooks.map((file) => basename(file)) : notebookNames();
  return new Map(
    names.map((name) => [name, JSON.parse(readFileSync(join(outDir, name), 'utf8')) as ExecutedNotebook]),
  );
}

export function notebookNames(): string[] {
  return ['01-quickstart', '02-fleet-coverage', '03-policy-changes', '04-agent-health', '05-quarterly-report', '06-ad-hoc-sql'].map(
    (name) => `${name}.ipynb`,
  );
}

/** Writes a notebook of code cells for the tslab kernel. */
export function writeNotebook(file: string, cells: string[]): void {
  const notebook = {
    cells: cells.map((source, i) => ({
      cell_type: 'code',
      id: `cell-${i}`,
      metadata: {},
      execution_count: null,
      outputs: [],
      source,
    })),
    metadata: { kernelspec: { name: 'tslab', display_name: 'TypeScript', language: 'typescript' } },
    nbformat: 4,
    nbformat_minor: 5,
  };
  writeFileSync(file, JSON.stringify(notebook, null, 1));
}

export function outputsOf(notebook: ExecutedNotebook): NotebookOutput[] {
  return notebook.cells.flatMap((cell) => cell.outputs ?? []);
}

export function outputText(value: string | string[] | undefined): string {
  return Array.isArray(value) ? value.join('') : (value ?? '');
}
