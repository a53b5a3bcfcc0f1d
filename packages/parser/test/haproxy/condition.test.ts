import { describe, expect, it } from 'vitest';
import { compareHaproxyVersions, evaluateCondition, parseCondition, parseHaproxy } from '../../src/index.js';
import type { ConditionContext } from '../../src/index.js';

const known: ConditionContext = { env: { A: '1', EMPTY: '' }, version: '2.6.12', features: ['OPENSSL', 'THREAD'], opensslVersion: '3.0.11', sslLibName: 'OpenSSL' };
const unknown: ConditionContext = { env: {} };

describe('.if condition evaluation (cfgcond.c semantics)', () => {
  it.each([
    ['', false],
    ['0', false],
    ['1', true],
    ['-1', true],
    ['0x10', true],
    ['!0', true],
    ['! ! 1', true],
    ['defined(A)', true],
    ['defined(EMPTY)', true],
    ['defined(B)', false],
    ['streq(a,a)', true],
    ['streq("a b","a b")', true],
    ['strneq(a,b)', true],
    ['feature(OPENSSL)', true],
    ['feature(QUIC)', false],
    ['version_atleast(2.4)', true],
    ['version_atleast(2.6.13)', false],
    ['version_before(3.0)', true],
    ['version_atleast(2.6-dev1)', true],
    ['openssl_version_atleast(1.1.1)', true],
    ['openssl_version_before(3.0.0)', false],
    ['ssllib_name_startswith(Open)', true],
    ['1 && 0 || 1', true],
    ['0 || 1 && 0', false],
    ['(0 || 1) && !(0)', true],
    ['defined(A)&&feature(THREAD)', true],
  ])('%s → %s', (text, expected) => {
    const r = evaluateCondition(text, known);
    expect(r.error).toBeUndefined();
    expect(r.value).toBe(expected);
    expect(r.decided).toBe(true);
  });

  it('treats facts it does not know as false and says the result is undecided', () => {
    expect(evaluateCondition('feature(OPENSSL)', unknown)).toEqual({ value: false, decided: false });
    expect(evaluateCondition('!feature(OPENSSL)', unknown)).toEqual({ value: true, decided: false });
    expect(evaluateCondition('version_atleast(2.4)', unknown)).toEqual({ value: false, decided: false });
    expect(evaluateCondition('enabled(POLL)', { ...known, version: '3.0' })).toEqual({ value: false, decided: false });
    // A decided operand can settle the result on its own.
    expect(evaluateCondition('0 && feature(X)', unknown)).toEqual({ value: false, decided: true });
    expect(evaluateCondition('feature(X) && 0', unknown)).toEqual({ value: false, decided: true });
    expect(evaluateCondition('feature(X) || 1', unknown)).toEqual({ value: true, decided: true });
    expect(evaluateCondition('feature(X) || 0', unknown)).toEqual({ value: false, decided: false });
    expect(evaluateCondition('defined(X)', unknown)).toEqual({ value: false, decided: true });
  });

  it.each([
    ['defined(A) &&', /missing term/],
    ['nosuch(1)', /unknown predicate/],
    ['streq(a)', /missing arguments/],
    ['defined (A)', /missing arguments/],
    ['streq(a,b,c)', /expected '\)'/],
    ['(1', /expected '\)'/],
    ['1 1', /unexpected character/],
    ['defined(A', /expected '\)'/],
  ])('rejects %s', (text, message) => {
    const r = parseCondition(text);
    expect(r.error?.message).toMatch(message);
  });

  it('knows which version added each predicate', () => {
    expect(evaluateCondition('strstr(haproxy,prox)', { ...known, version: '2.8' })).toEqual({ value: true, decided: true });
    expect(evaluateCondition('strstr(haproxy,prox)', known).error?.message).toMatch(/needs HAProxy 2.8/);
    expect(evaluateCondition('strstr(haproxy,prox)', unknown)).toEqual({ value: true, decided: true });
  });

  it('compares HAProxy versions', () => {
    expect(compareHaproxyVersions('2.10', '2.9')).toBeGreaterThan(0);
    expect(compareHaproxyVersions('2.4-dev19', '2.4')).toBeLessThan(0);
    expect(compareHaproxyVersions('2.4-rc1', '2.4-dev19')).toBeGreaterThan(0);
    expect(compareHaproxyVersions('2.6.12', '2.6')).toBeGreaterThan(0);
    expect(compareHaproxyVersions('3.0', '3.0.0')).toBe(0);
  });

  it('reports condition syntax errors on the offending word', () => {
    const r = parseHaproxy('backend b\n.if defined(A) || nosuch(B)\n.endif\n');
    expect(r.diagnostics).toHaveLength(1);
    expect(r.diagnostics[0]).toMatchObject({ code: 'parse/invalid-condition', range: { start: { line: 1, character: 18 }, end: { line: 1, character: 27 } } });
  });
});
