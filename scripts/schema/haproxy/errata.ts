/**
 * Documentation entries that no HAProxy release accepts, found by running the
 * documented keyword through `haproxy -c` (2.6.12) and reading the sources of every
 * tag: the generator drops them. Each line says what is wrong.
 */
export const DOC_ERRATA: { group: string; name: string; reason: string }[] = [
  { group: 'global', name: 'deviceatlas-separator', reason: "the sources register 'deviceatlas-property-separator'" },
  { group: 'server', name: 'no-verifyhost', reason: 'documented since 1.8 but never registered as a server option' },
  { group: 'peers', name: 'enable', reason: "a misspelling of 'enabled' in the 2.0 manual" },
];
