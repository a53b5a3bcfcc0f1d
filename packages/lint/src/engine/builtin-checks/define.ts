import type { RuleSummary } from '../types.js';

/** The families of built-in check codes, in the order a file goes through them. */
export const CHECK_FAMILIES = ['lex', 'parse', 'include', 'preprocess', 'load', 'model', 'schema', 'reference', 'config'] as const;
export type CheckFamily = (typeof CHECK_FAMILIES)[number];

/** Families whose findings always show: a file that does not read or parse cannot be vouched for. */
export const UNSUPPRESSIBLE_FAMILIES: readonly CheckFamily[] = ['lex', 'parse', 'load'];

/** The anchor GitHub gives a Markdown heading: lower case, punctuation other than '-' and '_' dropped, blanks to '-'. */
export function headingAnchor(heading: string): string {
  return heading
    .trim()
    .toLowerCase()
    .replace(/[^\p{L}\p{N}\s_-]/gu, '')
    .replace(/\s/g, '-');
}

/** Where a code is documented, relative to packages/lint: its section of the family page. */
export function checkDocsPath(family: CheckFamily, code: string): string {
  return `docs/checks/${family}.md#${headingAnchor(code)}`;
}

/** One entry per code of a family: its default severity and a one-line description. */
export type FamilyEntries = Record<string, readonly [RuleSummary['severity'], string]>;

/** The built-in checks of a family, from `{ 'unterminated-quote': ['error', '…'] }`. */
export function family(name: CheckFamily, entries: FamilyEntries): RuleSummary[] {
  return Object.entries(entries).map(([suffix, [severity, description]]) => {
    const id = `${name}/${suffix}`;
    return { id, severity, type: 'problem', description, docs: checkDocsPath(name, id) };
  });
}

/** Whether findings with this code always show (no suppression comment, no `off` in the config). */
export function isUnsuppressible(code: string): boolean {
  const family = code.slice(0, code.indexOf('/'));
  return (UNSUPPRESSIBLE_FAMILIES as readonly string[]).includes(family);
}
