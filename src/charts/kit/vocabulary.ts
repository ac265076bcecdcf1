import { termLabels, type VocabularyList } from '../../analysis/vocabulary';
import { chartLanguages, type ChartLanguage } from './languages';
import type { AgentStatusColumn, ChangeType, CoverageModule, OsFamily } from './rows';
import { agentStatusColumns, changeTypes, coverageModules, osFamilies } from './rows';

/** The domain's words as the charts label them; each record's order is the order of legends and stacks. */
export interface Vocabulary {
  modules: Readonly<Record<CoverageModule, string>>;
  agentStatuses: Readonly<Record<AgentStatusColumn, string>>;
  osFamilies: Readonly<Record<OsFamily, string>>;
  changeTypes: Readonly<Record<ChangeType, string>>;
  /** Labels of the event types the vocabulary knows, by `EventType`; an unknown type is shown as it is named. */
  eventTypes: Readonly<Record<string, string>>;
}

/**
 * The labels of `keys`, in their order, from `queries/vocabulary.json`'s lists. `valueOf` maps a key to the term's
 * value where the query names it otherwise (agent-health's column `not_supported` counts status `not-supported`).
 */
function labelsOf<Key extends string>(
  keys: readonly Key[],
  lists: readonly VocabularyList[],
  lang: ChartLanguage,
  valueOf: (key: Key) => string = (key) => key,
): Record<Key, string> {
  const labels: Record<string, string> = Object.assign({}, ...lists.map((list) => termLabels(list, lang)));
  return Object.fromEntries(
    keys.map((key) => {
      const label = labels[valueOf(key)];
      if (label === undefined) throw new Error(`queries/vocabulary.json has no ${lang} label for "${valueOf(key)}" (${lists.join(', ')})`);
      return [key, label];
    }),
  ) as Record<Key, string>;
}

function wordsIn(lang: ChartLanguage): Vocabulary {
  return {
    modules: labelsOf(coverageModules, ['coverage_measures', 'modules'], lang),
    agentStatuses: labelsOf(agentStatusColumns, ['agent_statuses'], lang, (column) => column.replaceAll('_', '-')),
    osFamilies: labelsOf(osFamilies, ['os_families'], lang),
    changeTypes: labelsOf(changeTypes, ['change_types'], lang),
    eventTypes: termLabels('event_types', lang),
  };
}

export const vocabulary: Readonly<Record<ChartLanguage, Vocabulary>> = Object.fromEntries(
  chartLanguages.map((lang) => [lang, wordsIn(lang)]),
) as Record<ChartLanguage, Vocabulary>;
