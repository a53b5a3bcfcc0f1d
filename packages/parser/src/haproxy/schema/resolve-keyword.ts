import type { KeywordResolver } from '../keywords.js';
import { getHaproxySchema } from './schema.js';

/**
 * How many of `words` form the keyword in a section of kind `sectionKind`:
 * `timeout connect 5s` → 2, `capture request header X len 10` → 3, `no option
 * httplog` → 3, `server a 1.2.3.4:80` → 1. Uses the keyword tables of every
 * covered version, so a keyword the target lacks still resolves to its full name.
 */
export function haproxyKeywordLength(words: readonly string[], sectionKind: string): number {
  if (words.length === 0) return 0;
  const schema = getHaproxySchema();
  let offset = 0;
  // `no` and `default` prefixes apply to the keyword that follows.
  if ((words[0] === 'no' || words[0] === 'default') && words.length > 1) offset = 1;
  let best = 1;
  let joined = words[offset];
  if (schema.keyword(sectionKind, joined)) best = 1;
  for (let n = 2; offset + n <= words.length && n <= 4; n++) {
    if (!schema.isKeywordPrefix(sectionKind, joined)) break;
    joined = `${joined} ${words[offset + n - 1]}`;
    if (schema.keyword(sectionKind, joined)) best = n;
  }
  // An unknown second word after a multi-word family ("option foo") still belongs to it.
  if (best === 1 && !schema.keyword(sectionKind, words[offset]) && schema.isKeywordPrefix(sectionKind, words[offset]) && words.length > offset + 1) {
    best = 2;
  }
  return offset + best;
}

/**
 * The parser's pluggable resolver (`parseHaproxy(text, name, { resolveKeyword })`)
 * backed by the keyword tables of every covered version.
 */
export const schemaKeywordResolver: KeywordResolver = (words, sectionKind) => {
  const values = words.map((w) => w.value);
  const length = haproxyKeywordLength(values, sectionKind);
  return { keyword: values.slice(0, length).join(' '), length };
};
