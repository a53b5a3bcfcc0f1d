import { expect, it } from 'vitest';
import { applyEditGroups } from './apply-edits.js';

const edit = (start: number, end: number, text: string) => ({ fileName: 'f', start, end, text });

it('applies edits in offset order whatever order they come in', () => {
  const text = 'nb_get_retry 3\nnb_get_retry 4\n';
  expect(applyEditGroups(text, [[edit(15, 27, 'retry')], [edit(0, 12, 'retry')]])).toEqual({
    text: 'retry 3\nretry 4\n',
    applied: 2,
    skipped: 0,
  });
});

it('skips a group that overlaps an earlier one, whole', () => {
  const text = 'abcdef';
  const result = applyEditGroups(text, [[edit(0, 3, 'X')], [edit(2, 4, 'Y'), edit(5, 6, 'Z')]]);
  expect(result).toEqual({ text: 'Xdef', applied: 1, skipped: 1 });
});

it('handles insertions and deletions', () => {
  expect(applyEditGroups('a\nb\n', [[edit(2, 4, '')], [edit(0, 0, '# x\n')]]).text).toBe('# x\na\n');
});
