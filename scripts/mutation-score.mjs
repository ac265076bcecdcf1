// Prints the mutation score of each incremental file in mutation/, as StrykerJS counts it: mutants killed or timed
// out, over those that are neither ignored nor failed to compile or run.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

const folder = new URL('../mutation/', import.meta.url).pathname;
const detected = new Set(['Killed', 'Timeout']);
const invalid = new Set(['Ignored', 'CompileError', 'RuntimeError']);

for (const name of readdirSync(folder).filter((file) => file.endsWith('.incremental.json')).sort()) {
  const report = JSON.parse(readFileSync(join(folder, name), 'utf8'));
  const counts = {};
  for (const file of Object.values(report.files)) {
    for (const mutant of file.mutants) counts[mutant.status] = (counts[mutant.status] ?? 0) + 1;
  }
  const valid = Object.entries(counts).filter(([status]) => !invalid.has(status));
  const total = valid.reduce((sum, [, n]) => sum + n, 0);
  const caught = valid.filter(([status]) => detected.has(status)).reduce((sum, [, n]) => sum + n, 0);
  const score = total === 0 ? 'no mutants' : `${((100 * caught) / total).toFixed(1)}%`;
  const detail = Object.entries(counts).map(([status, n]) => `${status} ${n}`).join(', ');
  console.log(`${name.replace('.incremental.json', '')}: ${score} (${caught} of ${total}; ${detail})`);
}
