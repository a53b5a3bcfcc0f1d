import type { Word } from '../../ast/common.js';
import type { HaAcl, HaAclReference, HaCondition, HaSetting } from './types.js';

/** ACLs HAProxy predefines (usable in conditions without an `acl` line). */
export const PREDEFINED_ACLS: ReadonlySet<string> = new Set([
  'FALSE',
  'HTTP',
  'HTTP_1.0',
  'HTTP_1.1',
  'HTTP_2.0',
  'HTTP_3.0',
  'HTTP_CONTENT',
  'HTTP_URL_ABS',
  'HTTP_URL_SLASH',
  'HTTP_URL_STAR',
  'LOCALHOST',
  'METH_CONNECT',
  'METH_DELETE',
  'METH_GET',
  'METH_HEAD',
  'METH_OPTIONS',
  'METH_POST',
  'METH_PUT',
  'METH_TRACE',
  'RDP_COOKIE',
  'REQ_CONTENT',
  'TRUE',
  'WAIT_END',
]);

/** ACL flags that take a value. */
const FLAGS_WITH_VALUE: ReadonlySet<string> = new Set(['-f', '-m', '-u', '-M']);
const FLAGS: ReadonlySet<string> = new Set(['-i', '-n', '-f', '-m', '-u', '-M']);

/** `acl NAME CRITERION [flags] [patterns…]` */
export function parseAcl(setting: HaSetting): HaAcl | undefined {
  const { args, values } = setting;
  if (args.length === 0) return undefined;
  const acl: HaAcl = { name: values[0], nameWord: args[0], flags: [], patterns: [], setting };
  if (args.length < 2) return acl;
  acl.criterion = values[1];
  acl.criterionWord = args[1];
  let i = 2;
  while (i < values.length) {
    const v = values[i];
    if (v === '--') {
      i++;
      break;
    }
    if (!FLAGS.has(v)) break;
    if (FLAGS_WITH_VALUE.has(v) && i + 1 < values.length) {
      acl.flags.push(`${v} ${values[i + 1]}`);
      i += 2;
    } else {
      acl.flags.push(v);
      i++;
    }
  }
  acl.patterns = values.slice(i);
  return acl;
}

/**
 * Splits `…rest if|unless COND` at the first `if`/`unless` at or after `from`:
 * returns the index of the keyword (or args.length) and the parsed condition.
 */
export function splitCondition(args: readonly Word[], values: readonly string[], from: number): { end: number; condition?: HaCondition } {
  for (let i = from; i < values.length; i++) {
    const v = values[i];
    if (v === 'if' || v === 'unless') {
      return { end: i, condition: parseCondition(v, args[i], args.slice(i + 1), values.slice(i + 1)) };
    }
  }
  return { end: values.length };
}

/** Reads ACL references from condition words: `!`, `||`/`or`, `{ anonymous acl }`, `!name`. */
export function parseCondition(kind: 'if' | 'unless', keywordWord: Word, words: Word[], values: readonly string[]): HaCondition {
  const condition: HaCondition = { kind, keywordWord, words, aclRefs: [], anonymousAcls: [] };
  let negate = false;
  let anonymous: Word[] | undefined;
  for (let i = 0; i < words.length; i++) {
    const v = values[i];
    if (anonymous) {
      if (v === '}') {
        condition.anonymousAcls.push(anonymous);
        anonymous = undefined;
        negate = false;
      } else anonymous.push(words[i]);
      continue;
    }
    if (v === '{') {
      anonymous = [];
      continue;
    }
    if (v === '!') {
      negate = !negate;
      continue;
    }
    if (v === '||' || v === 'or' || v.length === 0) {
      negate = false;
      continue;
    }
    let name = v;
    let negated = negate;
    while (name.startsWith('!')) {
      name = name.slice(1);
      negated = !negated;
    }
    const ref: HaAclReference = { name, word: words[i], negated };
    condition.aclRefs.push(ref);
    negate = false;
  }
  if (anonymous) condition.anonymousAcls.push(anonymous);
  return condition;
}
