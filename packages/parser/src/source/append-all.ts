/**
 * Appends items one by one. `target.push(...items)` passes every item as an argument and
 * throws a RangeError past ~100k items (a large ~SEQ expansion reaches that); the parser
 * must never throw.
 */
export function appendAll<T>(target: T[], items: readonly T[]): void {
  for (let i = 0; i < items.length; i++) target.push(items[i]);
}
