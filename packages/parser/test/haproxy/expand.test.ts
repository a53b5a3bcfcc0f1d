import { describe, expect, it } from 'vitest';
import type { HaDirective } from '../../src/index.js';
import { expandWord, parseHaproxy } from '../../src/index.js';

const word = (raw: string) => ((parseHaproxy(`backend b\n  x ${raw}\n`).ast.body[0] as { body: HaDirective[] }).body[0]).words[1];
const env = { HOST: 'db', LIST: 'a  b c', EMPTY: '' };

describe('variable expansion (HAProxy manual 2.3)', () => {
  it.each([
    ['"${HOST}:5432"', ['db:5432']],
    ['"$HOST"', ['db']],
    ['"${NOPE}"', ['']],
    ['"${NOPE-fallback}"', ['fallback']],
    ['"${EMPTY-fallback}"', ['']],
    ['"${NOPE-a b}"', ['a b']],
    ['"${LIST[*]}"', ['a', 'b', 'c']],
    ['"x${LIST[*]}y"', ['xa', 'b', 'cy']],
    ['"${NOPE[*]}"', []],
    ['"\\$HOST" "$HOST"', ['$HOST']],
    ['\'${HOST}\'"${HOST}"', ['${HOST}db']],
    ['"${.FILE}:${.LINE}:${.SECTION}"', ['f.cfg:2:b']],
    ['plain', ['plain']],
  ])('%s', (raw, expected) => {
    expect(expandWord(word(raw), env, { file: 'f.cfg', line: 2, section: 'b' })).toEqual(expected);
  });
});
