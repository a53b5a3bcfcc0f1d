import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
import { haproxyCheck, haproxyUnavailableReason } from '../../../../test-support/daemons.js';
import { fixtureFiles, fixturesDir } from './helpers.js';

// The installed HAProxy (2.6.12) is the oracle for the fixtures: valid ones pass
// `haproxy -c -dr`, invalid and 1.5-syntax ones fail. Skipped (and reported as skipped)
// where haproxy is not installed.
const unavailable = haproxyUnavailableReason();

describe.skipIf(unavailable !== undefined)(`haproxy -c agrees with the fixture folders${unavailable ? ` (skipped: ${unavailable})` : ''}`, () => {
  it.each(fixtureFiles('valid'))('valid: %s', async (file) => {
    const r = await haproxyCheck(file);
    expect(r.output).not.toMatch(/\[ALERT\]/);
    expect(r.code).toBe(0);
  });

  it.each(fixtureFiles('invalid'))('invalid: %s', async (file) => {
    const r = await haproxyCheck(file);
    expect(r.code).toBe(1);
    expect(r.output).toMatch(/\[ALERT\]/);
  });

  it.each(fixtureFiles('legacy'))('1.5 syntax rejected by 2.6: %s', async (file) => {
    const r = await haproxyCheck(file);
    expect(r.code).toBe(1);
    expect(r.output).toMatch(/please use the 'bind' keyword|not supported anymore/);
  });

  it('multi-file directory', async () => {
    const r = await haproxyCheck(path.join(fixturesDir, 'multi/conf.d'));
    expect(r.output).not.toMatch(/\[ALERT\]/);
    expect(r.code).toBe(0);
  });
});
