import { isIP } from 'node:net';
import type { ValueType } from '../../schema/types.js';

/** Why a word is not a valid value of the type the way keepalived parses it, or undefined when it is. */
export function valueProblem(word: string, value: ValueType): string | undefined {
  switch (value.type) {
    case 'int':
      return intProblem(word, value.min, value.max);
    case 'float':
      return decimalProblem(word, value.decimals ?? 6, value.min, value.max);
    case 'enum': {
      const ok = value.caseInsensitive ? lowerCased(value.values).includes(word.toLowerCase()) : value.values.includes(word);
      return ok ? undefined : `${quote(word)} is not one of ${value.values.join(', ')}`;
    }
    case 'bool':
      return /^(true|on|yes|false|off|no)$/.test(word) ? undefined : `${quote(word)} is not a boolean (true/on/yes or false/off/no)`;
    case 'ip':
      return isAddress(word) ? undefined : `${quote(word)} is not an IP address`;
    case 'ipv4':
      return isIP(word) === 4 ? undefined : `${quote(word)} is not an IPv4 address`;
    case 'ipv6':
      return isIP(stripScope(word)) === 6 ? undefined : `${quote(word)} is not an IPv6 address`;
    case 'port':
      return intProblem(word, 0, 65535);
    case 'interface':
      // Linux interface names are at most 15 bytes (IFNAMSIZ - 1).
      return Buffer.byteLength(word) > 15 ? `interface name ${quote(word)} is longer than 15 characters` : undefined;
    default:
      return undefined;
  }
}

const quote = (w: string) => `'${w}'`;

/** Enum values in lower case, once per list (not two new strings per value and word). */
const lowered = new WeakMap<readonly string[], string[]>();
function lowerCased(values: readonly string[]): string[] {
  let l = lowered.get(values);
  if (!l) lowered.set(values, (l = values.map((v) => v.toLowerCase())));
  return l;
}

function stripScope(word: string): string {
  const pct = word.indexOf('%');
  return pct === -1 ? word : word.slice(0, pct);
}

export function isAddress(word: string): boolean {
  const w = word.startsWith('[') && word.endsWith(']') ? word.slice(1, -1) : word;
  return isIP(stripScope(w)) !== 0;
}

/** strtol/strtoul in base 10 over the whole word (keepalived's read_int/read_unsigned). */
function intProblem(word: string, min: number | undefined, max: number | undefined): string | undefined {
  const w = word.trimStart();
  if (!isSignedDigits(w)) return `${quote(word)} is not a whole number`;
  if (w.startsWith('-') && (min ?? 0) >= 0) return `${quote(word)} is negative`;
  const n = Number(w);
  if ((min !== undefined && n < min) || (max !== undefined && n > max)) return `${quote(word)} is outside ${rangeText(min, max)}`;
  return undefined;
}

/** `^[+-]?\d+$` without a regular expression (every numeric value of a large file is tested). */
function isSignedDigits(w: string): boolean {
  let i = w.length > 0 && (w.charCodeAt(0) === 43 || w.charCodeAt(0) === 45) ? 1 : 0;
  if (i >= w.length) return false;
  for (; i < w.length; i++) {
    const c = w.charCodeAt(i);
    if (c < 48 || c > 57) return false;
  }
  return true;
}

/** keepalived's decimal reader: digits with at most `decimals` places, no sign. */
function decimalProblem(word: string, decimals: number, min: number | undefined, max: number | undefined): string | undefined {
  if (word.startsWith('-')) return `${quote(word)} is negative`;
  const m = /^\+?(\d*)(?:\.(\d*))?$/.exec(word);
  if (!m || (m[1] === '' && (m[2] ?? '') === '')) return `${quote(word)} is not a number`;
  const frac = m[2] ?? '';
  if (frac.length > decimals) return `${quote(word)} has more than ${decimals} decimal places`;
  // Compare as scaled integers so that 0.000001 and 4294.967295 are exact (BigInt only
  // for words too long for a double).
  const digits = (m[1] || '0') + frac.padEnd(decimals, '0');
  const factor = 10 ** decimals;
  if (digits.length <= 15) {
    const scaled = Number(digits);
    if ((min !== undefined && scaled < Math.round(min * factor)) || (max !== undefined && scaled > Math.round(max * factor))) return `${quote(word)} is outside ${rangeText(min, max)}`;
    return undefined;
  }
  const scaled = BigInt(digits);
  if ((min !== undefined && scaled < BigInt(Math.round(min * factor))) || (max !== undefined && scaled > BigInt(Math.round(max * factor)))) return `${quote(word)} is outside ${rangeText(min, max)}`;
  return undefined;
}

function rangeText(min: number | undefined, max: number | undefined): string {
  if (min !== undefined && max !== undefined) return `${min}–${max}`;
  if (min !== undefined) return `the range (at least ${min})`;
  return `the range (at most ${max})`;
}
