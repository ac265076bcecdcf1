import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { QUERIES_DIR } from '../store/sql-files';

export const languages = ['en', 'ja'] as const;
export type Language = (typeof languages)[number];

/** One term of a list in `queries/vocabulary.json`: its value as the data holds it, and its label per language. */
export type Term = { value: string } & Record<Language, string> & Record<string, unknown>;

export type VocabularyList =
  | 'control_statuses'
  | 'severities'
  | 'os_families'
  | 'agent_statuses'
  | 'coverage_measures'
  | 'modules'
  | 'module_states'
  | 'change_types'
  | 'event_types';

let cached: Record<VocabularyList, Term[]> | undefined;

/** The domain's terms, each list in display order. */
export function vocabulary(): Record<VocabularyList, Term[]> {
  cached ??= JSON.parse(readFileSync(join(QUERIES_DIR, 'vocabulary.json'), 'utf8')) as Record<VocabularyList, Term[]>;
  return cached;
}

/** A list's values, in display order. */
export function termValues(list: VocabularyList): string[] {
  return vocabulary()[list].map((t) => t.value);
}

/** A list's labels in one language, by value. */
export function termLabels(list: VocabularyList, lang: Language): Record<string, string> {
  return Object.fromEntries(vocabulary()[list].map((t) => [t.value, t[lang]]));
}
