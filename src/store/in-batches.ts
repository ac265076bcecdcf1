/**
 * Consecutive groups of `items` whose sizes add up to at most `limit` (an item larger than that is a group of its
 * own), at most `maxItems` in a group.
 */
export function inBatches<T>(items: readonly T[], sizeOf: (item: T) => number, limit: number, maxItems = Infinity): T[][] {
  const batches: T[][] = [];
  let current: T[] = [];
  let size = 0;
  for (const item of items) {
    const itemSize = sizeOf(item);
    if (current.length > 0 && (size + itemSize > limit || current.length >= maxItems)) {
      batches.push(current);
      current = [];
      size = 0;
    }
    current.push(item);
    size += itemSize;
  }
  if (current.length > 0) batches.push(current);
  return batches;
}
