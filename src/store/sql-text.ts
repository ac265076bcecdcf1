/** A SQL identifier, double-quoted. */
export function quotedIdentifier(name: string): string {
  return `"${name.replace(/"/g, '""')}"`;
}

/** A SQL string literal, single-quoted. */
export function quotedString(value: string): string {
  return `'${value.replace(/'/g, "''")}'`;
}
