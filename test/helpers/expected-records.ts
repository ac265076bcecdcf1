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
