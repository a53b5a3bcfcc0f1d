import { isIP } from 'node:net';

/**
 * Tolerant value readers for the model: each returns undefined for text keepalived would
 * reject, so the model never throws and the raw words stay available beside the value.
 * Ranges are not checked here (the schema checker does that, per version).
 */

/** A whole decimal integer, optionally signed. */
export function parseInteger(text: string | undefined): number | undefined {
  if (text === undefined || !/^[+-]?\d+$/.test(text)) return undefined;
  const n = Number(text);
  return Number.isSafeInteger(n) ? n : undefined;
}

/** A non-negative decimal number with optional fraction (keepalived timers, in seconds). */
export function parseSeconds(text: string | undefined): number | undefined {
  if (text === undefined || !/^\d+(\.\d+)?$|^\.\d+$/.test(text)) return undefined;
  return Number(text);
}

/** keepalived's <BOOL>: on|off|true|false|yes|no. */
export function parseBool(text: string | undefined): boolean | undefined {
  switch (text) {
    case 'on':
    case 'true':
    case 'yes':
      return true;
    case 'off':
    case 'false':
    case 'no':
      return false;
    default:
      return undefined;
  }
}

/** 4 or 6 for an IP address, undefined otherwise. */
export function ipFamily(text: string | undefined): 4 | 6 | undefined {
  if (!text) return undefined;
  const v = isIP(text);
  return v === 4 ? 4 : v === 6 ? 6 : undefined;
}

export interface IpPrefix {
  /** The address part as written. */
  address: string;
  family?: 4 | 6;
  /** The prefix length after `/`, when written and numeric. */
  prefix?: number;
}

/** `ADDR[/LEN]`. */
export function parseIpPrefix(text: string): IpPrefix {
  const slash = text.indexOf('/');
  const address = slash < 0 ? text : text.slice(0, slash);
  const result: IpPrefix = { address };
  const family = ipFamily(address);
  if (family) result.family = family;
  if (slash >= 0) {
    const prefix = parseInteger(text.slice(slash + 1));
    if (prefix !== undefined && prefix >= 0) result.prefix = prefix;
  }
  return result;
}

/** A TCP/UDP port 0–65535. */
export function parsePort(text: string | undefined): number | undefined {
  const n = parseInteger(text);
  return n !== undefined && n >= 0 && n <= 65535 ? n : undefined;
}

/** Argument readers shared by the model (module constants: no closure per block). */
export const intArg = (args: string[]): number | undefined => parseInteger(args[0]);
export const secondsArg = (args: string[]): number | undefined => parseSeconds(args[0]);
export const portArg = (args: string[]): number | undefined => parsePort(args[0]);
export const allArgs = (args: string[]): string[] => args;
export const userGroupArgs = (args: string[]): { user: string; group?: string } | undefined =>
  args[0] === undefined ? undefined : args[1] !== undefined ? { user: args[0], group: args[1] } : { user: args[0] };
export const weightArgs = (args: string[]): { weight: number; reverse: boolean } | undefined => {
  const w = parseInteger(args[0]);
  return w === undefined ? undefined : { weight: w, reverse: args[1] === 'reverse' };
};
