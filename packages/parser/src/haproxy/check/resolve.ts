import type { Word } from '../../ast/common.js';
import type { HaproxySchema } from '../schema/schema.js';
import type { HaKeywordSpec } from '../schema/types.js';

/** A directive's words split into modifier, keyword and arguments, with its spec. */
export interface ResolvedDirective {
  /** `no` or `default` before the keyword. */
  modifier?: Word;
  nameWords: Word[];
  /** The keyword as the tables name it (`timeout connect`, `http-check set-var`). */
  name: string;
  spec?: HaKeywordSpec;
  /** Set when the keyword is an unknown member of a known family (`option foo`). */
  family?: string;
  args: Word[];
}

/** `set-var(txn.x)` compares as `set-var`. */
export function bareWord(value: string): string {
  const i = value.indexOf('(');
  return i > 0 ? value.slice(0, i) : value;
}

export function resolveDirective(schema: HaproxySchema, sectionKind: string, words: readonly Word[]): ResolvedDirective {
  let at = 0;
  let modifier: Word | undefined;
  if (words.length > 1 && (words[0].value === 'no' || words[0].value === 'default')) {
    // `no` alone is a keyword nowhere; `no option x` negates `option x`.
    modifier = words[0];
    at = 1;
  }
  // Most lines: a one-word keyword that starts no longer one.
  const head = words[at]?.value ?? '';
  const direct = schema.keyword(sectionKind, head);
  if (direct && !schema.isKeywordPrefix(sectionKind, head)) {
    const r: ResolvedDirective = { nameWords: [words[at]], name: direct.name, spec: direct, args: words.slice(at + 1) };
    if (modifier) r.modifier = modifier;
    return r;
  }
  let best = 0;
  let spec: HaKeywordSpec | undefined;
  let joined = '';
  for (let n = 1; at + n <= words.length && n <= 4; n++) {
    const w = n === 1 ? words[at].value : bareWord(words[at + n - 1].value);
    joined = n === 1 ? w : `${joined} ${w}`;
    const found = schema.keyword(sectionKind, joined);
    if (found) {
      best = n;
      spec = found;
    }
    if (!schema.isKeywordPrefix(sectionKind, joined)) break;
  }
  let family: string | undefined;
  if (!spec) {
    const first = words[at]?.value ?? '';
    // A first word glued to its argument (`set-var(proc.x)` style) compares bare.
    const bareFirst = bareWord(first);
    const bareSpec = bareFirst !== first ? schema.keyword(sectionKind, bareFirst) : undefined;
    if (bareSpec) {
      best = 1;
      spec = bareSpec;
    } else if (schema.isKeywordPrefix(sectionKind, first) && at + 1 < words.length) {
      best = 2;
      family = first;
    } else best = 1;
  }
  const nameWords = words.slice(at, at + best);
  const name = spec?.name ?? nameWords.map((w, i) => (i === 0 ? w.value : bareWord(w.value))).join(' ');
  const r: ResolvedDirective = { nameWords, name, args: words.slice(at + best) };
  if (modifier) r.modifier = modifier;
  if (spec) r.spec = spec;
  if (family) r.family = family;
  return r;
}
