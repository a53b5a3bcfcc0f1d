import { spawn } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { atomicWrite } from './atomic-write.js';
import { acquireLock, LockHeldError } from './lock.js';

const made: string[] = [];
const dir = () => {
  const d = mkdtempSync(join(tmpdir(), 'cfgrun-fs-'));
  made.push(d);
  return d;
};
afterAll(() => made.forEach((d) => rmSync(d, { recursive: true, force: true })));

describe('atomicWrite', () => {
  it('replaces the file with mode 0600 and leaves no temporary file behind', () => {
    const d = dir();
    const file = join(d, 'keepalived.conf');
    writeFileSync(file, 'old\n', { mode: 0o644 });
    atomicWrite(file, 'new\n');
    expect(readFileSync(file, 'utf8')).toBe('new\n');
    expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(readdirSync(d)).toEqual(['keepalived.conf']);
  });
  it('fails without touching the target when the directory is missing', () => {
    expect(() => atomicWrite(join(dir(), 'missing', 'x.conf'), 'x')).toThrow(/ENOENT/);
  });
});

describe('acquireLock', () => {
  it('is exclusive while held and free after release', () => {
    const lock = join(dir(), 'cfgrun.lock');
    const release = acquireLock(lock);
    expect(() => acquireLock(lock)).toThrow(LockHeldError);
    release();
    acquireLock(lock)();
  });
  it('takes over a lock whose holder is gone', async () => {
    const lock = join(dir(), 'cfgrun.lock');
    const child = spawn(process.execPath, ['-e', '0']);
    await new Promise((r) => child.on('exit', r));
    writeFileSync(lock, `${child.pid} 2026-01-01T00:00:00Z\n`);
    const release = acquireLock(lock);
    expect(readFileSync(lock, 'utf8')).toContain(String(process.pid));
    release();
  });
});
