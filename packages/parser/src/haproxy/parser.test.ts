import { describe, expect, it } from 'vitest';
import { ConditionalParser, nestLines } from './parser.js';
import { LineKind } from './scanner.js';

describe('the conditional-block parser', () => {
  it('passes Chevrotain’s grammar validations (skipped when the CLI builds it)', () => {
    // Chevrotain throws from performSelfAnalysis when a grammar fails its validations.
    expect(() => new ConditionalParser(true)).not.toThrow();
  });

  it('nests lines into branches', () => {
    const { Directive, If, Else, Endif } = LineKind;
    expect(nestLines([Directive, If, Directive, Else, Directive, Endif, Directive], true)).toEqual([
      0,
      { branches: [{ line: 1, items: [2] }, { line: 3, items: [4] }], endif: 5 },
      6,
    ]);
  });
});
