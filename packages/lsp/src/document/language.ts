import { languageFromName, type ConfigLanguage } from '@cfglint/parser';

export type Language = ConfigLanguage;

/** The language an editor's language id names, if it is one of ours. */
export function languageFromId(languageId: string): Language | undefined {
  const id = languageId.toLowerCase();
  if (id === 'keepalived' || id === 'keepalived-conf') return 'keepalived';
  if (id === 'haproxy' || id === 'haproxy-cfg' || id === 'haproxy-config') return 'haproxy';
  return undefined;
}

/** The language a file name implies, by the cfglint CLI's rules (shared from @cfglint/parser). */
export const languageFromPath = languageFromName;
