import type { Word } from '../../ast/common.js';
import { expandWordValue } from '../../haproxy/expand.js';
import type { PseudoVariables } from '../../haproxy/expand.js';

/** Environment used to expand `"${VAR}"` words while building the model. */
export type Env = Readonly<Record<string, string | undefined>>;

/** What HAProxy receives for this word, given the environment. */
export function wordValue(word: Word, env: Env, pseudo?: PseudoVariables): string {
  return word.hasVariable ? expandWordValue(word, env, pseudo) : word.value;
}

const TIME_UNITS: ReadonlyMap<string, number> = new Map([
  ['us', 0.001],
  ['ms', 1],
  ['s', 1000],
  ['m', 60_000],
  ['h', 3_600_000],
  ['d', 86_400_000],
]);

/** Index after the leading decimal digits of `text` (0 when there are none). */
function digitsEnd(text: string): number {
  let i = 0;
  while (i < text.length) {
    const c = text.charCodeAt(i) - 48;
    if (c < 0 || c > 9) break;
    i++;
  }
  return i;
}

/** The value of the digits text[0, end). */
function digitsValue(text: string, end: number): number {
  let n = 0;
  for (let i = 0; i < end; i++) n = n * 10 + (text.charCodeAt(i) - 48);
  return n;
}

// No [value, end] tuple: these run for every server option, and an array per call is garbage.

/** An HAProxy time value in milliseconds (`2s`, `1500`, `1m`); undefined when unparsable. */
export function parseDuration(text: string, defaultUnit: 'ms' | 's' = 'ms'): number | undefined {
  const end = digitsEnd(text);
  if (end === 0) return undefined;
  const factor = TIME_UNITS.get(end === text.length ? defaultUnit : text.slice(end));
  return factor === undefined ? undefined : digitsValue(text, end) * factor;
}

/** A non-negative decimal integer; undefined when the text is not one. */
export function parseInteger(text: string | undefined): number | undefined {
  if (text === undefined) return undefined;
  const end = digitsEnd(text);
  return end > 0 && end === text.length ? digitsValue(text, end) : undefined;
}
