import type { Word } from '../../ast/common.js';
import { expandWordValue } from '../../haproxy/expand.js';
import type { PseudoVariables } from '../../haproxy/expand.js';

/** Environment used to expand `"${VAR}"` words while building the model. */
export type Env = Readonly<Record<string, string | undefined>>;

/** What HAProxy receives for this word, given the environment. */
export function wordValue(word: Word, env: Env, pseudo?: PseudoVariables): string {
  return word.hasVariable ? expandWordValue(word, env, pseudo) : word.value;
}

const TIME_UNITS: Record<string, number> = { us: 0.001, ms: 1, s: 1000, m: 60_000, h: 3_600_000, d: 86_400_000 };

/** An HAProxy time value in milliseconds (`2s`, `1500`, `1m`); undefined when unparsable. */
export function parseDuration(text: string, defaultUnit: 'ms' | 's' = 'ms'): number | undefined {
  const m = /^(\d+)(us|ms|s|m|h|d)?$/.exec(text);
  if (!m) return undefined;
  return Number(m[1]) * TIME_UNITS[m[2] ?? defaultUnit];
}

/** A non-negative decimal integer; undefined when the text is not one. */
export function parseInteger(text: string | undefined): number | undefined {
  if (text === undefined || !/^\d+$/.test(text)) return undefined;
  return Number(text);
}
