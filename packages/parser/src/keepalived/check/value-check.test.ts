import { describe, expect, it } from 'vitest';
import { closestWords, editDistance } from './did-you-mean.js';
import { valueProblem } from './value-check.js';

describe('valueProblem: keepalived number parsing', () => {
  it.each([
    ['100', { type: 'int', min: 1, max: 255 }, undefined],
    ['+100', { type: 'int', min: 1, max: 255 }, undefined],
    ['256', { type: 'int', min: 1, max: 255 }, 'outside 1–255'],
    ['-1', { type: 'int', min: 0, max: 10 }, 'negative'],
    ['0x10', { type: 'int', min: 0, max: 100 }, 'not a whole number'],
    ['$PRI', { type: 'int', min: 1, max: 255 }, 'not a whole number'],
    ['1.5', { type: 'float', decimals: 6, min: 0.01, max: 255 }, undefined],
    ['0', { type: 'float', decimals: 6, min: 0.000001, max: 4294.967295 }, 'outside'],
    ['0.000001', { type: 'float', decimals: 6, min: 0.000001, max: 4294.967295 }, undefined],
    ['4294.967296', { type: 'float', decimals: 6, min: 0.000001, max: 4294.967295 }, 'outside'],
    ['1.1234567', { type: 'float', decimals: 6 }, 'more than 6 decimal places'],
    ['.5', { type: 'float', decimals: 6 }, undefined],
    ['1e3', { type: 'float', decimals: 6 }, 'not a number'],
  ] as const)('%s as %j', (word, value, problem) => {
    const got = valueProblem(word, value);
    if (problem === undefined) expect(got).toBeUndefined();
    else expect(got).toContain(problem);
  });

  it('words, booleans, addresses, interface names', () => {
    expect(valueProblem('tcp', { type: 'enum', values: ['TCP', 'UDP'], caseInsensitive: true })).toBeUndefined();
    expect(valueProblem('master', { type: 'enum', values: ['MASTER', 'BACKUP'] })).toContain('MASTER, BACKUP');
    expect(valueProblem('on', { type: 'bool' })).toBeUndefined();
    expect(valueProblem('True', { type: 'bool' })).toContain('not a boolean');
    expect(valueProblem('10.0.0.1', { type: 'ip' })).toBeUndefined();
    expect(valueProblem('fe80::1%eth0', { type: 'ip' })).toBeUndefined();
    expect(valueProblem('10.0.0.256', { type: 'ip' })).toContain('not an IP address');
    expect(valueProblem('2001:db8::1', { type: 'ipv4' })).toContain('not an IPv4');
    expect(valueProblem('a-sixteen-chars!', { type: 'interface' })).toContain('longer than 15');
  });
});

describe('did you mean', () => {
  it('edit distance counts swaps as one edit', () => {
    expect(editDistance('priorty', 'priority')).toBe(1);
    expect(editDistance('virtual_routre_id', 'virtual_router_id')).toBe(1);
    expect(editDistance('abc', 'xyz', 1)).toBe(2);
  });

  it('prefers a case-insensitive match, then near words, then prefixes', () => {
    expect(closestWords('misc_check', ['MISC_CHECK', 'TCP_CHECK'])).toEqual(['MISC_CHECK']);
    expect(closestWords('priorty', ['priority', 'preempt', 'state'])).toEqual(['priority']);
    expect(closestWords('smtp_connection_timeout', ['smtp_connect_timeout', 'smtp_server'])).toEqual(['smtp_connect_timeout']);
    expect(closestWords('zzz', ['priority'])).toEqual([]);
  });
});
