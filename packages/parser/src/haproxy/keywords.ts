import type { Word } from '../ast/common.js';

/** The resolved keyword of a line: its name and how many leading words make it up. */
export interface ResolvedKeyword {
  keyword: string;
  length: number;
}

/**
 * Decides which leading words of a directive form its keyword (`timeout connect`,
 * `no option httplog`, `http-request`). `sectionKind` is the keyword of the section
 * the line belongs to ('' before the first section). Pluggable: `parseHaproxy`
 * accepts another resolver, so the generated keyword schema can refine this table.
 */
export type KeywordResolver = (words: readonly Word[], sectionKind: string) => ResolvedKeyword;

/** Families whose second word is part of the keyword in every section. */
const TWO_WORD_FAMILIES: ReadonlySet<string> = new Set([
  'option',
  'timeout',
  'stats',
  'tcp-request',
  'tcp-response',
  'http-check',
  'tcp-check',
  'external-check',
  'compression',
  'email-alert',
  'stick',
  'monitor',
  'persist',
  'rate-limit',
  'declare',
]);

/** Families whose second word is part of the keyword only in some sections. */
const SECTION_TWO_WORD_FAMILIES: Readonly<Record<string, ReadonlySet<string>>> = {
  resolvers: new Set(['hold']),
};

/** Modifiers HAProxy strips before looking the keyword up (`no option …`, `default option …`). */
const MODIFIERS: ReadonlySet<string> = new Set(['no', 'default']);

function familyLength(words: readonly Word[], at: number, sectionKind: string): number {
  if (at >= words.length) return 0;
  const first = words[at].value;
  if (at + 1 >= words.length) return 1;
  if (first === 'capture') {
    // `capture request header NAME len N`, `capture response header …`, `capture cookie NAME len N`
    const second = words[at + 1].value;
    if ((second === 'request' || second === 'response') && at + 2 < words.length) return 3;
    return 2;
  }
  if (TWO_WORD_FAMILIES.has(first)) return 2;
  const sectionFamilies = SECTION_TWO_WORD_FAMILIES[sectionKind];
  if (sectionFamilies?.has(first)) return 2;
  return 1;
}

/** Multi-word keywords already built, so 10,000 `timeout connect` lines share one string. */
const joined = new Map<string, string>();

function joinWords(words: readonly Word[], length: number): string {
  let keyword = words[0].value;
  for (let i = 1; i < length; i++) keyword += ' ' + words[i].value;
  const known = joined.get(keyword);
  if (known !== undefined) return known;
  if (joined.size < 4096) joined.set(keyword, keyword);
  return keyword;
}

/** The built-in table: enough for the model and the parser; the schema may refine it. */
export const resolveKeyword: KeywordResolver = (words, sectionKind) => {
  if (words.length === 0) return { keyword: '', length: 0 };
  let at = 0;
  if (words.length > 1 && MODIFIERS.has(words[0].value)) at = 1;
  const length = at + familyLength(words, at, sectionKind);
  return { keyword: length === 1 ? words[0].value : joinWords(words, length), length };
};

/** The keyword without its `no`/`default` modifier: `no option httplog` → `option httplog`. */
export function baseKeyword(keyword: string): string {
  if (keyword.startsWith('no ')) return keyword.slice(3);
  if (keyword.startsWith('default ')) return keyword.slice(8);
  return keyword;
}
