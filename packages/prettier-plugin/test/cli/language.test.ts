import { existsSync } from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { languageFromContent, languageFromName } from '../../src/cli/language.js';

// cfgfmt copies cfglint's language rules (so it need not load the linter); both must agree.
const lintLanguage = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../lint/src/engine/language.ts');

const NAMES = [
  'keepalived.conf',
  'KEEPALIVED.CONF',
  'lb1.keepalived.conf',
  '/etc/keepalived/conf.d/vrrp.conf',
  '/etc/keepalived/notes.txt',
  'haproxy.cfg',
  'edge.haproxy.cfg',
  '/etc/haproxy/conf.d/site.cfg',
  '/etc/haproxy/site.conf',
  'setup.cfg',
  'nginx.conf',
  'myhaproxy.cfg',
];

const TEXTS = ['global\n    daemon\n', 'vrrp_instance A {\n}\n', 'global_defs {\n}\nglobal\n', 'hello\n'];

describe('language detection', () => {
  it('claims only names that say what they are', () => {
    expect(NAMES.map((n) => languageFromName(n) ?? '-')).toEqual([
      'keepalived', 'keepalived', 'keepalived', 'keepalived', '-', 'haproxy', 'haproxy', 'haproxy', '-', '-', '-', '-',
    ]);
    expect(TEXTS.map((t) => languageFromContent(t) ?? '-')).toEqual(['haproxy', 'keepalived', '-', '-']);
  });

  it.runIf(existsSync(lintLanguage))("agrees with cfglint's rules", async () => {
    const lint = (await import(lintLanguage)) as typeof import('../../src/cli/language.js');
    for (const name of NAMES) expect(languageFromName(name), name).toBe(lint.languageFromName(name));
    for (const text of TEXTS) expect(languageFromContent(text), text).toBe(lint.languageFromContent(text));
  });
});
