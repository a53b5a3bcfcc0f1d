// Runs a CommonJS bundle with a V8 code cache. Compiling the 1.5 MB CLI bundle, and then
// every function a run calls, costs ~40 ms of CPU at each start (a third of a small run);
// with the cache V8 reads the bytecode instead. The cache lives in the user's cache
// directory (per user, so nobody else can plant one) and is written once, when a run that
// lints files finds none. Any problem with it means a plain, uncached run.
//
// V8 only checks that a cache was made from a source of the same length, so the cache file
// holds a copy of the bundle it was made from and is used only when that copy equals the
// bundle byte for byte (a memory compare: cheaper than loading node:crypto to hash it).
import { mkdirSync, readdirSync, readFileSync, renameSync, statSync, unlinkSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { homedir } from 'node:os';
import * as path from 'node:path';
import { Script, constants } from 'node:vm';

const PREFIX = 'cli-';
const SUFFIX = '.v8cache';
const MAGIC = Buffer.from('cfglint-v8cache-1\n');
/** Caches of other versions unused this long are deleted when a new one is written. */
const MAX_AGE_MS = 30 * 24 * 3600 * 1000;

/** `$CFGLINT_CACHE_DIR`, else the platform's per-user cache directory; undefined when turned off. */
export function cacheDirectory(env = process.env) {
  if (env.CFGLINT_CACHE_DIR !== undefined) return env.CFGLINT_CACHE_DIR === '' ? undefined : env.CFGLINT_CACHE_DIR;
  const base = env.XDG_CACHE_HOME || (process.platform === 'win32' ? env.LOCALAPPDATA : undefined) || path.join(homedir(), '.cache');
  return path.join(base, 'cfglint');
}

/** 32-bit FNV-1a of a short string, in hex. */
function fnv1a(text) {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
  return (h >>> 0).toString(16).padStart(8, '0');
}

/**
 * The cache file for a bundle of this size in this Node (version, architecture, flags: V8
 * refuses a cache made under other flags). Bundles of equal size share a name; the copy
 * inside tells them apart.
 */
export function cacheFileFor(dir, bundle) {
  const key = fnv1a(`${bundle.length}\0${process.execArgv.join(' ')}\0${process.env.NODE_OPTIONS ?? ''}`);
  return path.join(dir, `${PREFIX}${process.version}-${process.arch}-${key}${SUFFIX}`);
}

/** The V8 data of a cache file made from exactly `bundle`, else undefined. */
export function readCachedData(file, bundle) {
  let bytes;
  try {
    bytes = readFileSync(file);
  } catch {
    return undefined;
  }
  const start = MAGIC.length + 4;
  if (bytes.length <= start + bundle.length || !bytes.subarray(0, MAGIC.length).equals(MAGIC)) return undefined;
  if (bytes.readUInt32LE(MAGIC.length) !== bundle.length || !bytes.subarray(start, start + bundle.length).equals(bundle)) return undefined;
  return bytes.subarray(start + bundle.length);
}

function writeCache(file, bundle, script) {
  try {
    const dir = path.dirname(file);
    mkdirSync(dir, { recursive: true, mode: 0o700 });
    const size = Buffer.alloc(4);
    size.writeUInt32LE(bundle.length);
    // Written aside and renamed: parallel runs (pre-commit, CI) never read a partial file.
    const temp = `${file}.${process.pid}.tmp`;
    writeFileSync(temp, Buffer.concat([MAGIC, size, bundle, script.createCachedData()]), { mode: 0o600 });
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
  const cachedData = file ? readCachedData(file, bundle) : undefined;
  const options = { filename: bundlePath, cachedData };
  if (constants?.USE_MAIN_CONTEXT_DEFAULT_LOADER) options.importModuleDynamically = constants.USE_MAIN_CONTEXT_DEFAULT_LOADER;
  const script = new Script(`(function (exports, require, module, __filename, __dirname) {${bundle.toString('utf8')}\n})`, options);
  // Written when the run is over, so the cache holds the functions the run compiled too.
  if (writes && file && (!cachedData || script.cachedDataRejected)) process.once('exit', () => writeCache(file, bundle, script));
  const module = { exports: {}, filename: bundlePath, id: '.', loaded: false };
  script.runInThisContext().call(module.exports, module.exports, createRequire(bundlePath), module, bundlePath, path.dirname(bundlePath));
}
