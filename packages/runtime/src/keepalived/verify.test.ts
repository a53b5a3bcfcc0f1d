import { describe, expect, it } from 'vitest';
import type { VrrpInstanceFact } from '../config/facts.js';
import { checkConsistency } from './verify.js';
import type { InstanceState } from './state.js';

const vi1: VrrpInstanceFact = { file: 'k.conf', line: 1, name: 'VI_1', state: 'MASTER', interface: 'eth0', virtualRouterId: '51', priority: '100', virtualIps: [{ file: 'k.conf', line: 9, address: '192.168.4.80' }] };
const running = (over: Partial<InstanceState> = {}): InstanceState => ({ name: 'VI_1', state: 'MASTER', interface: 'eth0', vrid: 51, priority: 100, vips: ['192.168.4.80'], ...over });
const host = (...addresses: string[]) => new Map(addresses.map((a) => [a, 'eth0']));

describe('checkConsistency', () => {
  it('accepts a MASTER holding its VIP and a BACKUP without it', () => {
    expect(checkConsistency([vi1], [running()], host('192.168.4.100', '192.168.4.80'))).toEqual({ loaded: true, problems: [] });
    expect(checkConsistency([vi1], [running({ state: 'BACKUP' })], host('192.168.4.100'))).toEqual({ loaded: true, problems: [] });
  });
  it('notices the old config still running', () => {
    const c = checkConsistency([vi1], [running({ priority: 50 }), running({ name: 'VI_OLD' })], host());
    expect(c.loaded).toBe(false);
    expect(c.problems).toEqual(['VI_1 runs priority 50, config says 100', 'instance VI_OLD still runs but is not in the config']);
  });
  it('reports FAULT and misplaced VIPs', () => {
    expect(checkConsistency([vi1], [running({ state: 'FAULT' })], host()).problems[0]).toMatch(/FAULT state \(its interface eth0 is down/);
    expect(checkConsistency([vi1], [running()], host('192.168.4.100')).problems).toEqual(['VI_1 is MASTER but 192.168.4.80 is not on this host']);
    expect(checkConsistency([vi1], [running({ state: 'BACKUP' })], host('192.168.4.80')).problems).toEqual(['VI_1 is BACKUP but holds 192.168.4.80']);
  });
});
