import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
import { keepalivedCheck, keepalivedUnavailableReason } from '../../../../test-support/daemons.js';
import { fixtureFiles } from './fixture-files.js';

const unavailable = keepalivedUnavailableReason();

describe('valid fixtures pass the real keepalived -t (2.2.7, throwaway network namespace)', () => {
  for (const file of fixtureFiles('valid')) {
    it(path.basename(file), async (ctx) => {
      if (unavailable) ctx.skip(`skipped: needs root and ip netns (${unavailable})`);
      const result = await keepalivedCheck(file);
      expect(result.output.trim()).toBe('');
      expect(result.code).toBe(0);
    });
  }
});

describe('the same check rejects what the parser reports as errors (control)', () => {
  for (const name of ['stray-braces.conf', 'unterminated-quote.conf', 'unclosed-block.conf', 'byte-order-mark.conf']) {
    it(name, async (ctx) => {
      if (unavailable) ctx.skip(`skipped: needs root and ip netns (${unavailable})`);
      const file = fixtureFiles('invalid').find((f) => path.basename(f) === name)!;
      const result = await keepalivedCheck(file, { interfaces: ['eth0'] });
      expect(result.code).not.toBe(0);
      expect(result.output.trim()).not.toBe('');
    });
  }
});
