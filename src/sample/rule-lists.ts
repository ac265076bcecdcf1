import type { RuleLists, RuleModule } from './modules';
import { RULE_MODULES } from './modules';
import { Stream } from './plan';
import { Random } from './random';

/** The rule IDs administrators assign and remove by hand. */
export const EDITED_RULE_ID_RANGES: Readonly<Record<RuleModule, readonly [number, number]>> = {
  firewall: [1, 80],
  intrusionPrevention: [1000100, 1011900],
  integrityMonitoring: [1002700, 1008900],
  logInspection: [1002790, 1009000],
};

/**
 * The rules recommendation scans assigned (none for the firewall), a fixed list per policy: IDs and counts per module.
 * The ranges lie outside `EDITED_RULE_ID_RANGES`, so that an administrator's edit always changes the list a record shows.
 */
const RECOMMENDED_RULES: Readonly<Partial<Record<RuleModule, { range: readonly [number, number]; count: readonly [number, number] }>>> = {
  intrusionPrevention: { range: [1012000, 1016999], count: [180, 320] },
  integrityMonitoring: { range: [1009000, 1009999], count: [20, 60] },
  logInspection: { range: [1009100, 1009999], count: [10, 30] },
};

function ascending(values: Iterable<number>): number[] {
  return [...values].sort((a, b) => a - b);
}

export function recommendedRules(seed: number, policyId: number): RuleLists {
  const random = new Random(seed, Stream.recommendedRules, policyId);
  const lists = {} as RuleLists;
  for (const module of RULE_MODULES) {
    const rules = RECOMMENDED_RULES[module];
    if (!rules) {
      lists[module] = [];
      continue;
    }
    const { range, count } = rules;
    const wanted = random.int(count[0], count[1]);
    const ids = new Set<number>();
    while (ids.size < wanted) ids.add(random.int(range[0], range[1]));
    lists[module] = ascending(ids);
  }
  return lists;
}

/** The rules a record lists: those edited by hand and those recommended, in ID order. */
export function assignedRules(edited: Readonly<RuleLists>, recommended: Readonly<RuleLists>): RuleLists {
  const lists = {} as RuleLists;
  for (const module of RULE_MODULES) lists[module] = ascending([...edited[module], ...recommended[module]]);
  return lists;
}
