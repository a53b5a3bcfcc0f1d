import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
// @ts-expect-error: plain JavaScript next to the bin, without type declarations.
import { cacheDirectory, cacheFileFor, readCachedData } from '../bin/code-cache.mjs';

// The built command (npm ci builds it), run as a user would, with its cache in a scratch directory.
const repoRoot = path.resolve(import.meta.dirname, '../../..');
const bin = path.join(repoRoot, 'packages/lint/bin/cfglint.mjs');
const seed = path.join(repoRoot, 'fixtures/seed');

function cfglint(args: string[], cacheDir: string) {
  const env = { ...process.env, NO_COLOR: '1', FORCE_COLOR: '0', CFGLINT_CACHE_DIR: cacheDir };
  const r = spawnSync(process.execPath, [bin, ...args], { cwd: repoRoot, encoding: 'utf8', env });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

const scratch = () => mkdtempSync(path.join(tmpdir(), 'cfglint-code-cache-'));
const files = (dir: string) => (existsSync(dir) ? readdirSync(dir) : []);

describe('the code cache of the cfglint command', () => {
  const uncached = cfglint(['--format', 'json', seed], '');

  it('is written by a lint run, read by the next one, and changes no output', () => {
    const dir = path.join(scratch(), 'cache');
    const first = cfglint(['--format', 'json', seed], dir);
    expect(first).toEqual(uncached);
    expect(files(dir)).toHaveLength(1);
    const cache = path.join(dir, files(dir)[0]);
    const written = statSync(cache).mtimeMs;
    const second = cfglint(['--format', 'json', seed], dir);
    expect(second).toEqual(uncached);
    expect(files(dir)).toHaveLength(1);
    expect(statSync(cache).mtimeMs).toBe(written);
  });

  it('is not written by a run that lints nothing', () => {
    const dir = path.join(scratch(), 'cache');
    expect(cfglint(['--version'], dir).code).toBe(0);
    expect(cfglint(['--list-rules'], dir).code).toBe(0);
    expect(files(dir)).toEqual([]);
  });

  it('replaces a damaged cache file, with the same output', () => {
    const dir = path.join(scratch(), 'cache');
    cfglint(['--format', 'json', seed], dir);
    const cache = path.join(dir, files(dir)[0]);
    writeFileSync(cache, Buffer.alloc(4096, 7));
    expect(cfglint(['--format', 'json', seed], dir)).toEqual(uncached);
    expect(readFileSync(cache).equals(Buffer.alloc(4096, 7))).toBe(false);
  });

  it('runs normally where no cache can be written', () => {
    const blocker = path.join(scratch(), 'not-a-directory');
    writeFileSync(blocker, 'x');
    expect(cfglint(['--format', 'json', seed], path.join(blocker, 'cache'))).toEqual(uncached);
  });

  it('is used only for the very bundle it was made from (V8 itself only checks the length)', () => {
    const dir = path.join(scratch(), 'cache');
    const bundlePath = path.join(repoRoot, 'packages/lint/dist/cli.cjs');
    cfglint(['--format', 'json', seed], dir);
    const bundle = readFileSync(bundlePath);
    expect(files(dir)).toHaveLength(1);
    const file = path.join(dir, files(dir)[0]);
    expect(readCachedData(file, bundle)?.length).toBeGreaterThan(0);
    // Same length, one byte different: the same file name, but its data is not used.
    const other = Buffer.from(bundle);
    other[other.length - 2] ^= 1;
    expect(cacheFileFor(dir, other)).toBe(cacheFileFor(dir, bundle));
    expect(readCachedData(file, other)).toBeUndefined();
  });

  it('lives in the per-user cache directory unless CFGLINT_CACHE_DIR says otherwise', () => {
    expect(cacheDirectory({ XDG_CACHE_HOME: '/home/u/.cache' })).toBe(path.join('/home/u/.cache', 'cfglint'));
    expect(cacheDirectory({ CFGLINT_CACHE_DIR: '/x' })).toBe('/x');
    expect(cacheDirectory({ CFGLINT_CACHE_DIR: '' })).toBeUndefined();
  });
});
