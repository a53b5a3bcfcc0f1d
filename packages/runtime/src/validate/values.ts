import { isIPv4, isIPv6 } from 'node:net';

/**
 * Checks every value that came from a config before it reaches a command line. Each
 * function returns the canonical text or throws a ValueError naming the field.
 */
export class ValueError extends Error {
  constructor(
    readonly field: string,
    readonly value: string,
    readonly expected: string,
  ) {
    super(`${field} '${value}' is not ${expected}`);
    this.name = 'ValueError';
  }
}

/** IPVS schedulers the Linux kernel ships (ip_vs_<name>.ko). */
export const SCHEDULERS = ['rr', 'wrr', 'lc', 'wlc', 'lblc', 'lblcr', 'dh', 'sh', 'sed', 'nq', 'fo', 'ovf', 'mh', 'twos'] as const;
export type Scheduler = (typeof SCHEDULERS)[number];

export function checkAddress(field: string, value: string): string {
  if (isIPv4(value)) return value;
  if (isIPv6(value)) return canonicalIpv6(value);
  throw new ValueError(field, value, 'an IPv4 or IPv6 address');
}

export function checkUint(field: string, value: string | number, min: number, max: number): number {
  const text = String(value);
  if (!/^\d{1,10}$/.test(text)) throw new ValueError(field, text, `a whole number from ${min} to ${max}`);
  const n = Number(text);
  if (n < min || n > max) throw new ValueError(field, text, `a whole number from ${min} to ${max}`);
  return n;
}

export const checkPort = (field: string, value: string | number) => checkUint(field, value, 0, 65535);
export const checkFwmark = (field: string, value: string | number) => checkUint(field, value, 1, 0xffffffff);
export const checkWeight = (field: string, value: string | number) => checkUint(field, value, 0, 65535);
export const checkThreshold = (field: string, value: string | number) => checkUint(field, value, 0, 0x7fffffff);
export const checkTimeout = (field: string, value: string | number) => checkUint(field, value, 1, 0x7fffffff);

export function checkScheduler(field: string, value: string): Scheduler {
  if ((SCHEDULERS as readonly string[]).includes(value)) return value as Scheduler;
  throw new ValueError(field, value, `a scheduler (${SCHEDULERS.join(', ')})`);
}

/** Linux interface names: 1–15 bytes, no slash, no whitespace, not "." or "..". */
export function checkInterfaceName(field: string, value: string): string {
  if (/^[A-Za-z0-9_.:@-]{1,15}$/.test(value) && value !== '.' && value !== '..' && !value.startsWith('-')) return value;
  throw new ValueError(field, value, 'an interface name (1–15 letters, digits, or _ . : @ -)');
}

/** Persistence netmask: a contiguous dotted IPv4 mask, or an IPv6 prefix length. */
export function checkNetmask(field: string, value: string, family: 4 | 6): string {
  if (family === 6) return String(checkUint(field, value, 1, 128));
  if (!isIPv4(value)) throw new ValueError(field, value, 'an IPv4 netmask such as 255.255.255.0');
  const bits = value.split('.').reduce((acc, octet) => acc * 256 + Number(octet), 0);
  const inverted = ~bits >>> 0;
  if ((inverted & (inverted + 1)) !== 0) throw new ValueError(field, value, 'a contiguous netmask');
  return value;
}

/** The compressed lower-case form ipvsadm prints (`2001:db8::15`). */
export function canonicalIpv6(value: string): string {
  const url = new URL(`http://[${value}]/`);
  return url.hostname.slice(1, -1);
}

export function addressFamily(address: string): 4 | 6 {
  return address.includes(':') ? 6 : 4;
}
