import { describe, expect, it } from 'vitest';
import { KeepalivedGrammar } from './grammar.js';

describe('the keepalived nesting grammar', () => {
  it('passes Chevrotain’s grammar validations (skipped when the CLI builds it)', () => {
    // Chevrotain throws from performSelfAnalysis when a grammar fails its validations.
    expect(() => new KeepalivedGrammar(true)).not.toThrow();
  });
});
