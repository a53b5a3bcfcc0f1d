import type { SupportLanguage } from 'prettier';

/**
 * File names Prettier maps to our parsers. Only names that say what they are:
 * `keepalived.conf`, `*.keepalived.conf`, `haproxy.cfg`, `*.haproxy.cfg` — never every
 * `*.conf` or `*.cfg`. Other names (say `/etc/haproxy/site.cfg`) can be mapped with a
 * Prettier `overrides` entry: `{ "files": "haproxy/*.cfg", "options": { "parser": "haproxy" } }`.
 */
export const languages: SupportLanguage[] = [
  {
    name: 'keepalived',
    parsers: ['keepalived'],
    filenames: ['keepalived.conf'],
    extensions: ['.keepalived.conf'],
    vscodeLanguageIds: ['keepalived'],
  },
  {
    name: 'haproxy',
    parsers: ['haproxy'],
    filenames: ['haproxy.cfg'],
    extensions: ['.haproxy.cfg'],
    vscodeLanguageIds: ['haproxy'],
  },
];
