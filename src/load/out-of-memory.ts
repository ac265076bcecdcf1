/**
 * A failure for want of memory says what to do about it, in one line: DuckDB's own text goes on with a list of
 * settings that fleetkit chooses itself.
 */
export function outOfMemory(message: string, memoryLimit: string): string {
  if (!message.includes('Out of Memory Error')) return message;
  return `${message.split('\n')[0]}; the load's memory limit was ${memoryLimit}: load again with a larger --memory-limit (or FLEETKIT_MEMORY_LIMIT)`;
}
