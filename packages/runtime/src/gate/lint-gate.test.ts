import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { lintGate } from './lint-gate.js';

const dir = mkdtempSync(join(tmpdir(), 'cfgrun-gate-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

// The real @cfglint/lint, when this checkout has it built; the gate says why when not.
const probe = await lintGate([]);

describe.skipIf(!probe.available)('lint gate (real @cfglint/lint)', () => {
  it('stops on an error and locates it', async () => {
    const file = join(dir, 'broken.conf');
    writeFileSync(file, 'vrrp_instance VI_1 {\n    state MASTER\n    interface eth0\n');
    const gate = await lintGate([file]);
    expect(gate.available).toBe(true);
    expect(gate.errors.length).toBeGreaterThan(0);
    expect(gate.errors[0]).toMatchObject({ file, severity: 'error' });
    expect(gate.errors[0].line).toBeGreaterThan(0);
  });
});

describe('lint gate without the linter', () => {
  it('says why it did not run instead of passing silently', async () => {
    if (probe.available) {
      expect(probe.reason).toBeUndefined();
    } else {
      expect(probe.reason).toMatch(/@cfglint\/lint/);
      expect(probe.errors).toEqual([]);
    }
  });
});
