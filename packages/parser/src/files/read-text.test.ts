import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { readConfigText } from './read-text.js';

const dir = mkdtempSync(join(tmpdir(), 'cfglint-read-'));

it('reads UTF-8 text, BOM and all', () => {
  const file = join(dir, 'ok.conf');
  writeFileSync(file, '\uFEFF! café\n');
  expect(readConfigText(file)).toEqual({ ok: true, text: '\uFEFF! café\n' });
});

it('refuses binary, non-UTF-8, missing and directory paths with a reason', () => {
  const binary = join(dir, 'bin.conf');
  writeFileSync(binary, Buffer.from([0x7f, 0x45, 0x4c, 0x46, 0, 1, 2]));
  const latin1 = join(dir, 'latin1.conf');
  writeFileSync(latin1, Buffer.from('caf\xe9\n', 'latin1'));
  expect(readConfigText(binary)).toEqual({ ok: false, reason: 'binary file (contains NUL bytes), not a configuration' });
  expect(readConfigText(latin1)).toEqual({ ok: false, reason: 'not valid UTF-8 text' });
  expect(readConfigText(join(dir, 'missing.conf'))).toEqual({ ok: false, reason: 'no such file' });
  expect(readConfigText(dir)).toEqual({ ok: false, reason: 'is a directory' });
});
