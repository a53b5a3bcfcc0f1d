// Reads files of a keepalived git snapshot at a given tag, without a work tree.
import { execFileSync } from 'node:child_process';

const git = (gitDir, args) => execFileSync('git', ['--git-dir', gitDir, ...args], { encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 });

/** Release tags from `from` to `to` inclusive, oldest first (vX.Y.Z only, no release candidates). */
export function releaseTags(gitDir, compare, from, to) {
  return git(gitDir, ['tag', '--list', 'v*'])
    .split('\n')
    .filter((t) => /^v\d+\.\d+\.\d+$/.test(t))
    .map((t) => t.slice(1))
    .filter((v) => compare(v, from) >= 0 && compare(v, to) <= 0)
    .sort(compare);
}

/** Paths of C sources and headers under keepalived/ and lib/ at a tag. */
export function sourcePaths(gitDir, tag) {
  return git(gitDir, ['ls-tree', '-r', '--name-only', tag])
    .split('\n')
    .filter((p) => /^(keepalived|lib)\/.*\.[ch]$/.test(p));
}

export function readAt(gitDir, tag, path) {
  return git(gitDir, ['show', `${tag}:${path}`]);
}

/** Every file at a tag in one `git cat-file --batch` round trip. */
export function readManyAt(gitDir, tag, paths) {
  const input = paths.map((p) => `${tag}:${p}`).join('\n') + '\n';
  const out = execFileSync('git', ['--git-dir', gitDir, 'cat-file', '--batch'], { input, maxBuffer: 512 * 1024 * 1024 });
  const files = new Map();
  let pos = 0;
  for (const path of paths) {
    const nl = out.indexOf(10, pos);
    const header = out.subarray(pos, nl).toString('utf8');
    const size = Number(header.split(' ')[2]);
    if (header.endsWith('missing') || Number.isNaN(size)) {
      pos = nl + 1;
      continue;
    }
    files.set(path, out.subarray(nl + 1, nl + 1 + size).toString('utf8'));
    pos = nl + 1 + size + 1;
  }
  return files;
}
