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
