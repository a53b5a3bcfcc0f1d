import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { discoverTargets } from './discover.js';

const root = mkdtempSync(join(tmpdir(), 'cfglint-discover-'));
const put = (rel: string, text = '') => {
  const file = join(root, rel);
  mkdirSync(join(file, '..'), { recursive: true });
  writeFileSync(file, text);
  return file;
};
put('hosts/web1/keepalived.conf', 'vrrp_instance A {\n}\n');
put('hosts/lb/haproxy.cfg', 'global\n');
put('hosts/lb/node_modules/x/haproxy.cfg', 'global\n');
put('hosts/lb/notes.cfg', 'key=value\n');
put('empty/README.txt', 'nothing\n');
const unnamed = put('odd/balancer.txt', 'frontend www\n  bind :80\n');
const mystery = put('odd/mystery.txt', 'hello\n');

it('finds configs recursively by name, skipping node_modules and unrelated files', () => {
  const { targets, problems } = discoverTargets([join(root, 'hosts')], undefined);
  expect(problems).toEqual([]);
  expect(targets).toEqual([
    { filePath: join(root, 'hosts/lb/haproxy.cfg'), language: 'haproxy' },
    { filePath: join(root, 'hosts/web1/keepalived.conf'), language: 'keepalived' },
  ]);
});

it('restricts a directory search to --language', () => {
  const { targets } = discoverTargets([join(root, 'hosts')], 'keepalived');
  expect(targets.map((t) => t.language)).toEqual(['keepalived']);
});

it('recognises an explicitly named file by content, and by --language', () => {
  expect(discoverTargets([unnamed], undefined).targets).toEqual([{ filePath: unnamed, language: 'haproxy', text: 'frontend www\n  bind :80\n' }]);
  expect(discoverTargets([mystery], 'keepalived').targets).toEqual([{ filePath: mystery, language: 'keepalived' }]);
});

it('explains paths it cannot use', () => {
  const { targets, problems } = discoverTargets([join(root, 'missing'), join(root, 'empty'), mystery], undefined);
  expect(targets).toEqual([]);
  expect(problems).toEqual([
    `${join(root, 'missing')}: no such file or directory`,
    `${join(root, 'empty')}: no keepalived or haproxy configuration files found in this directory`,
    `${mystery}: cannot tell whether this is a keepalived or an haproxy configuration; pass --language keepalived|haproxy`,
  ]);
});

it('lists each file once even when named twice', () => {
  const file = join(root, 'hosts/lb/haproxy.cfg');
  expect(discoverTargets([file, join(root, 'hosts/lb')], undefined).targets).toHaveLength(1);
});
