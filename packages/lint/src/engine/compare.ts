/**
 * Orders strings by UTF-16 code units, not localeCompare: the same order for rule ids and
 * paths in every locale, without building an ICU collator at start-up (~6 ms).
 */
export function byCodeUnits(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
