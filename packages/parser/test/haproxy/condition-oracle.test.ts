import { execFileSync, spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { haproxyUnavailableReason } from '../../../../test-support/daemons.js';
import { evaluateCondition } from '../../src/index.js';
import type { ConditionContext } from '../../src/index.js';

// `haproxy -cc COND` evaluates a condition the way `.if` does: exit 0 true, 1 false, 2 error.
const unavailable = haproxyUnavailableReason();

/** Version, features and SSL library of the installed haproxy, from `haproxy -vv`. */
function installedFacts(env: Record<string, string>): ConditionContext {
  const vv = execFileSync('haproxy', ['-vv'], { encoding: 'utf8' });
  const version = /HAProxy version (\d+\.\d+(?:\.\d+)?(?:-dev\d+)?)/.exec(vv)?.[1];
  const features = (/Feature list : (.*)/.exec(vv)?.[1] ?? '').split(' ').filter((f) => f.startsWith('+')).map((f) => f.slice(1));
  const running = /Running on (\S+) version : \S+ (\S+)/.exec(vv);
  return { env, version, features, sslLibName: running?.[1], opensslVersion: running?.[2] };
}

const CONDITIONS = [
  '',
  '0',
  '1',
  '-1',
  '0x10',
  '! ! 1',
  'defined(A)',
  'defined(EMPTY)',
  'defined(UNSET_VARIABLE)',
  'streq("a b","a b")',
  'streq(a,b)',
  'strneq(a,b)',
  'version_atleast(2.4)',
  'version_atleast(2.6.13)',
  'version_atleast(2.6-dev1)',
  'version_before(3.0)',
  'version_before(2.6)',
  '1 && 0 || 1',
  '0 || 1 && 0',
  '(0 || 1) && !(0)',
  'defined(A)&&feature(THREAD)',
  'feature(OPENSSL) && !feature(QUIC)',
  'feature(QUIC) || feature(LUA)',
  'openssl_version_atleast(1.1.1)',
  'openssl_version_before(3.0.0)',
  'ssllib_name_startswith(OpenSSL)',
  'ssllib_name_startswith(LibreSSL)',
  'defined(A) &&',
  'nosuch(1)',
  'streq(a)',
  'defined (A)',
  'streq(a,b,c)',
  '(1',
  '1 1',
  'defined(A',
  'strstr(haproxy,prox)',
  'enabled(POLL)',
];

describe.skipIf(unavailable !== undefined)(`conditions agree with haproxy -cc${unavailable ? ` (skipped: ${unavailable})` : ''}`, () => {
  const env = { A: '1', EMPTY: '' };
  const facts = unavailable ? { env } : installedFacts(env);

  it.each(CONDITIONS)('%j', (condition) => {
    const r = spawnSync('haproxy', ['-cc', condition], { env: { PATH: process.env.PATH, ...env }, encoding: 'utf8' });
    const ours = evaluateCondition(condition, facts);
    if (r.status === 2) {
      expect(ours.error).toBeDefined();
    } else {
      expect(ours.error).toBeUndefined();
      expect(ours.decided).toBe(true);
      expect(ours.value).toBe(r.status === 0);
    }
  });
});
