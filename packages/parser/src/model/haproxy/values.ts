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

/** Leading decimal digits: [value, index after them]; value -1 when there are none. */
function leadingDigits(text: string): [number, number] {
  let n = 0;
  let i = 0;
  for (; i < text.length; i++) {
    const c = text.charCodeAt(i) - 48;
    if (c < 0 || c > 9) break;
    n = n * 10 + c;
  }
  return [i === 0 ? -1 : n, i];
}

/** An HAProxy time value in milliseconds (`2s`, `1500`, `1m`); undefined when unparsable. */
export function parseDuration(text: string, defaultUnit: 'ms' | 's' = 'ms'): number | undefined {
  const [n, end] = leadingDigits(text);
  if (n < 0) return undefined;
  const factor = TIME_UNITS.get(end === text.length ? defaultUnit : text.slice(end));
  return factor === undefined ? undefined : n * factor;
}

/** A non-negative decimal integer; undefined when the text is not one. */
export function parseInteger(text: string | undefined): number | undefined {
  if (text === undefined) return undefined;
  const [n, end] = leadingDigits(text);
  return n >= 0 && end === text.length ? n : undefined;
}
