import { describe, expect, it } from 'vitest';
import { canonicalIpv6, checkAddress, checkInterfaceName, checkNetmask, checkPort, checkScheduler, checkWeight, ValueError } from './values.js';

describe('value checks', () => {
  it('accepts addresses and canonicalises IPv6 the way ipvsadm prints it', () => {
    expect(checkAddress('vip', '192.168.4.15')).toBe('192.168.4.15');
    expect(checkAddress('vip', '2001:DB8:0:0::15')).toBe('2001:db8::15');
    expect(canonicalIpv6('2001:0db8:0000:0000:0000:0000:0000:0100')).toBe('2001:db8::100');
  });
  it('rejects values that could smuggle arguments onto a command line', () => {
    expect(() => checkAddress('vip', '192.168.4.15 -C')).toThrow(ValueError);
    expect(() => checkAddress('vip', '-C')).toThrow("vip '-C' is not an IPv4 or IPv6 address");
    expect(() => checkPort('port', '80;reboot')).toThrow(ValueError);
    expect(() => checkInterfaceName('interface', '-n')).toThrow(ValueError);
    expect(() => checkInterfaceName('interface', 'eth0 up')).toThrow(ValueError);
    expect(() => checkScheduler('lb_algo', 'rr -C')).toThrow(/scheduler/);
  });
  it('enforces ranges', () => {
    expect(checkPort('port', '65535')).toBe(65535);
    expect(() => checkPort('port', '65536')).toThrow(/0 to 65535/);
    expect(checkWeight('weight', 0)).toBe(0);
    expect(() => checkWeight('weight', '-1')).toThrow(ValueError);
    expect(checkInterfaceName('interface', 'ens33')).toBe('ens33');
    expect(() => checkInterfaceName('interface', 'a-very-long-name0')).toThrow(ValueError);
  });
  it('checks persistence netmasks per family', () => {
    expect(checkNetmask('persistence_granularity', '255.255.255.0', 4)).toBe('255.255.255.0');
    expect(() => checkNetmask('persistence_granularity', '255.0.255.0', 4)).toThrow(/contiguous/);
    expect(checkNetmask('persistence_granularity', '64', 6)).toBe('64');
    expect(() => checkNetmask('persistence_granularity', '129', 6)).toThrow(ValueError);
  });
});
