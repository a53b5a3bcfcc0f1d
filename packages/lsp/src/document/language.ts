export type { Language } from '@cfglint/lint';
export { languageFromName as languageFromPath } from '@cfglint/lint';
import type { Language } from '@cfglint/lint';

/** The language an editor's language id names, if it is one of ours. */
export function languageFromId(languageId: string): Language | undefined {
  const id = languageId.toLowerCase();
  if (id === 'keepalived' || id === 'keepalived-conf') return 'keepalived';
  if (id === 'haproxy' || id === 'haproxy-cfg' || id === 'haproxy-config') return 'haproxy';
  return undefined;
}
