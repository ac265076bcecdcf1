/** What the model derives from a source computer record, worked out in TypeScript for golden tests. */

export function osFamily(platform: unknown): 'windows' | 'linux' | 'other' {
  const text = String(platform ?? '');
  if (/windows/i.test(text)) return 'windows';
  if (/linux|red ?hat|rhel|ubuntu|debian|cent ?os|suse|rocky|alma|fedora/i.test(text)) return 'linux';
  return 'other';
}

export function hasAgent(record: Record<string, unknown>): boolean {
  const version = record.agentVersion;
  return typeof version === 'string' && !['', '0.0.0.0'].includes(version.trim());
}

/** Names of the `securityUpdates` components, in any of its lists, that are not the latest; null without the field. */
export function outdatedUpdates(record: Record<string, unknown>): string[] | null {
  const updates = record.securityUpdates as Record<string, unknown> | null | undefined;
  if (updates === null || updates === undefined) return null;
  return Object.values(updates)
    .filter((value): value is Array<Record<string, unknown>> => Array.isArray(value))
    .flat()
    .filter((component) => String(component.latest).toLowerCase() === 'false')
    .map((component) => String(component.name ?? '(unnamed)'));
}
