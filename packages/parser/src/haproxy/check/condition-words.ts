import type { Word } from '../../ast/common.js';

/** The named ACLs and anonymous ACLs (`{ … }`, also `!{ … }`) of a condition's words. */
export interface ConditionParts {
  named: Word[];
  /** The words inside each pair of braces. */
  anonymous: Word[][];
}

export function conditionParts(words: readonly Word[]): ConditionParts {
  const parts: ConditionParts = { named: [], anonymous: [] };
  let inside: Word[] | undefined;
  // Indexed: until V8 optimizes a function, for…of allocates an iterator result per element.
  for (let i = 0; i < words.length; i++) {
    const w = words[i];
    const v = w.value;
    if (inside) {
      if (v === '}') {
        parts.anonymous.push(inside);
        inside = undefined;
      } else inside.push(w);
      continue;
    }
    if (v === '{' || v === '!{') {
      inside = [];
      continue;
    }
    if (v === '!' || v === '||' || v === 'or' || v === '') continue;
    parts.named.push(w);
  }
  if (inside) parts.anonymous.push(inside);
  return parts;
}

/** An ACL reference's name without its `!` negations. */
export function aclName(word: Word): string {
  return word.value.replace(/^!+/, '');
}
