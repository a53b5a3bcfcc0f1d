import braces from 'braces';
import picomatch from 'picomatch';
import * as path from 'node:path';
import type { FileSystem } from '../../source/file-system.js';

/**
 * Resolves an `include` pattern the way keepalived's glob() call does (GLOB_MARK |
 * GLOB_BRACE): relative to the including file's directory, `{a,b}` expanded first, then
 * `*`, `?` and `[…]` matched one path segment at a time through the FileSystem seam
 * (so editor buffers and in-memory trees work), hidden files only when named, each
 * expanded pattern's matches sorted.
 */
export interface IncludeResolution {
  /** Matched regular files, in the order keepalived reads them. */
  files: string[];
  /** Matched directories (keepalived skips them with a message). */
  directories: string[];
  /** Patterns without wildcards naming nothing, or wildcards under a missing directory. */
  missing: string[];
  /** Wildcard patterns whose directory exists but matched nothing. */
  unmatched: string[];
}

const MAGIC = /[*?[]/;

export function hasWildcard(pattern: string): boolean {
  return MAGIC.test(pattern);
}

export function resolveInclude(pattern: string, baseDir: string, fs: FileSystem): IncludeResolution {
  const result: IncludeResolution = { files: [], directories: [], missing: [], unmatched: [] };
  let patterns: string[];
  try {
    patterns = pattern.includes('{') ? braces.expand(pattern) : [pattern];
  } catch {
    patterns = [pattern];
  }
  for (const p of patterns) {
    const absolute = path.resolve(baseDir, p);
    if (!hasWildcard(absolute)) {
      if (fs.isDirectory(absolute)) result.directories.push(absolute);
      else if (fs.readFile(absolute) === undefined) result.missing.push(absolute);
      else result.files.push(absolute);
      continue;
    }
    const { matches, missingDir } = walk(absolute, fs);
    if (missingDir) result.missing.push(absolute);
    else if (!matches.length) result.unmatched.push(absolute);
    matches.sort();
    for (const m of matches) {
      if (fs.isDirectory(m)) result.directories.push(m);
      else result.files.push(m);
    }
  }
  return result;
}

function walk(absolute: string, fs: FileSystem): { matches: string[]; missingDir: boolean } {
  const root = path.parse(absolute).root;
  const segments = absolute.slice(root.length).split(path.sep).filter(Boolean);
  let candidates = [root];
  let missingDir = false;
  for (let i = 0; i < segments.length; i++) {
    const segment = segments[i];
    const last = i === segments.length - 1;
    const next: string[] = [];
    if (!hasWildcard(segment)) {
      for (const dir of candidates) {
        const full = path.join(dir, segment);
        if (last || fs.isDirectory(full)) next.push(full);
      }
      if (!last && !next.length) missingDir = true;
    } else {
      const isMatch = picomatch(segment, { dot: false });
      for (const dir of candidates) {
        if (!fs.isDirectory(dir)) {
          missingDir = true;
          continue;
        }
        for (const name of fs.readDirectory(dir)) {
          if (!isMatch(name)) continue;
          const full = path.join(dir, name);
          if (last || fs.isDirectory(full)) next.push(full);
        }
      }
    }
    candidates = next;
    if (!candidates.length) break;
  }
  const matches = candidates.filter((c) => c !== root && (fs.isDirectory(c) || fs.readFile(c) !== undefined));
  return { matches, missingDir: missingDir && !matches.length };
}
