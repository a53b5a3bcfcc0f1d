// Runs a CommonJS bundle with a V8 code cache. Compiling the 1.5 MB CLI bundle, and then
// every function a run calls, costs ~40 ms of CPU at each start (a third of a small run);
// with the cache V8 reads the bytecode instead. The cache lives in the user's cache
// directory (per user, so nobody else can plant one), is named after a hash of the bundle's
// bytes and the Node version and flags (V8 itself only checks the source's length), and is
// written once, when a run finds none. Any problem with it means a plain, uncached run.
import { createHash } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync, renameSync, statSync, unlinkSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { homedir } from 'node:os';
import * as path from 'node:path';
import { Script, constants } from 'node:vm';

const PREFIX = 'cli-';
const SUFFIX = '.v8cache';
/** Caches of other versions unused this long are deleted when a new one is written. */
const MAX_AGE_MS = 30 * 24 * 3600 * 1000;

/** `$CFGLINT_CACHE_DIR`, else the platform's per-user cache directory; undefined when turned off. */
export function cacheDirectory(env = process.env) {
  if (env.CFGLINT_CACHE_DIR !== undefined) return env.CFGLINT_CACHE_DIR === '' ? undefined : env.CFGLINT_CACHE_DIR;
  const base = env.XDG_CACHE_HOME || (process.platform === 'win32' ? env.LOCALAPPDATA : undefined) || path.join(homedir(), '.cache');
  return path.join(base, 'cfglint');
}

/** The cache file for these bundle bytes in this Node (version, architecture, flags). */
export function cacheFileFor(dir, bundle) {
  const hash = createHash('sha256')
    .update(bundle)
    .update(`\0${process.version}\0${process.arch}\0${process.execArgv.join(' ')}\0${process.env.NODE_OPTIONS ?? ''}`)
    .digest('hex')
    .slice(0, 32);
  return path.join(dir, `${PREFIX}${hash}${SUFFIX}`);
}

function readCache(file) {
  try {
    return file ? readFileSync(file) : undefined;
  } catch {
    return undefined;
  }
}

function writeCache(file, script) {
  try {
    const dir = path.dirname(file);
    mkdirSync(dir, { recursive: true, mode: 0o700 });
    // Written aside and renamed: parallel runs (pre-commit, CI) never read a partial file.
    const temp = `${file}.${process.pid}.tmp`;
    writeFileSync(temp, script.createCachedData(), { mode: 0o600 });
    renameSync(temp, file);
    const now = Date.now();
    for (const name of readdirSync(dir)) {
      if (!name.startsWith(PREFIX) || !name.endsWith(SUFFIX) || name === path.basename(file)) continue;
      const other = path.join(dir, name);
      if (now - statSync(other).mtimeMs > MAX_AGE_MS) unlinkSync(other);
    }
  } catch {
    // A read-only or missing cache directory only costs the compile time.
  }
}

/**
 * Runs `bundlePath` (CommonJS) as the main program, with the code cache when it can.
 * `writes` says whether this run may write a missing cache: a run that lints files leaves
 * one holding the parser's and rules' functions too, which a `--version` run would not.
 */
export function runWithCodeCache(bundlePath, writes = true) {
  const bundle = readFileSync(bundlePath);
  let file;
  try {
    const dir = cacheDirectory();
    file = dir === undefined ? undefined : cacheFileFor(dir, bundle);
  } catch {
    file = undefined;
  }
  const cachedData = readCache(file);
  const options = { filename: bundlePath, cachedData };
  if (constants?.USE_MAIN_CONTEXT_DEFAULT_LOADER) options.importModuleDynamically = constants.USE_MAIN_CONTEXT_DEFAULT_LOADER;
  const script = new Script(`(function (exports, require, module, __filename, __dirname) {${bundle.toString('utf8')}\n})`, options);
  // Written when the run is over, so the cache holds the functions the run compiled too.
  if (writes && file && (!cachedData || script.cachedDataRejected)) process.once('exit', () => writeCache(file, script));
  const module = { exports: {}, filename: bundlePath, id: '.', loaded: false };
  script.runInThisContext().call(module.exports, module.exports, createRequire(bundlePath), module, bundlePath, path.dirname(bundlePath));
}
