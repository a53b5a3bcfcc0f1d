import { execFileSync } from 'node:child_process';

/** Read-only access to one HAProxy git snapshot (a bare git directory). */
export class GitSnapshot {
  constructor(readonly gitDir: string) {}

  private git(args: string[]): string {
    return execFileSync('git', ['--git-dir', this.gitDir, ...args], { encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 });
  }

  /** The file at `tag`, or undefined when it does not exist there. */
  show(tag: string, path: string): string | undefined {
    try {
      return this.git(['show', `${tag}:${path}`]);
    } catch {
      return undefined;
    }
  }

  /** Paths of the files under `dirs` at `tag`. */
  files(tag: string, dirs: string[]): string[] {
    const out = this.git(['ls-tree', '-r', '--name-only', tag, '--', ...dirs]);
    return out.split('\n').filter(Boolean);
  }

  /** Lines matching an extended regular expression, as { file, line, text }. */
  grep(tag: string, pattern: string, dirs: string[]): { file: string; line: number; text: string }[] {
    let out: string;
    try {
      out = this.git(['grep', '-n', '-E', pattern, tag, '--', ...dirs]);
    } catch {
      return [];
    }
    const hits: { file: string; line: number; text: string }[] = [];
    for (const row of out.split('\n')) {
      if (!row) continue;
      // TAG:file:line:text
      const rest = row.slice(tag.length + 1);
      const m = /^([^:]+):(\d+):(.*)$/.exec(rest);
      if (m) hits.push({ file: m[1], line: Number(m[2]), text: m[3] });
    }
    return hits;
  }

  tags(): string[] {
    return this.git(['tag']).split('\n').filter(Boolean);
  }
}
