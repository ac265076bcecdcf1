/**
 * Keys of a computer record that schemaVersion 3 spells otherwise, as exports do in the wild. The model's facts read
 * none of them (queries/objects/computers), and none changes after it is set (`agentGUID` is set when an agent is
 * installed), so every figure stays the same.
 */
const SCHEMA_V3_SPELLINGS: ReadonlyMap<string, string> = new Map([
  ['agentGUID', 'agentGuid'],
  ['hostGUID', 'hostGuid'],
  ['biosUUID', 'biosUuid'],
  ['lastIPUsed', 'lastIpUsed'],
]);

/** The record with its keys spelled as schemaVersion 3 spells them, in the same order. */
export function withSchemaV3Spelling(record: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(record).map(([key, value]) => [SCHEMA_V3_SPELLINGS.get(key) ?? key, value]));
}
