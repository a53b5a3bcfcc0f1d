import { execFile } from 'node:child_process';

export interface ExecOptions {
  /** Text written to the command's standard input (ipvsadm -R reads its batch there). */
  input?: string;
  /** Milliseconds before the command is killed; default 30 s. */
  timeoutMs?: number;
}

export interface ExecResult {
  /** Exit status; 127 when the program is missing, 124 on timeout. */
  code: number;
  stdout: string;
  stderr: string;
}

/**
 * The one seam to the operating system's programs. Commands are an argument array handed
 * to execFile: no shell ever sees a value that came from a config file.
 */
export interface Executor {
  run(file: string, args: readonly string[], options?: ExecOptions): Promise<ExecResult>;
}

export const nodeExecutor: Executor = {
  run(file, args, options = {}) {
    return new Promise((resolve) => {
      const child = execFile(
        file,
        [...args],
        { timeout: options.timeoutMs ?? 30_000, maxBuffer: 256 * 1024 * 1024, encoding: 'utf8' },
        (error, stdout, stderr) => {
          if (!error) return resolve({ code: 0, stdout, stderr });
          const err = error as NodeJS.ErrnoException & { killed?: boolean; code?: number | string };
          let code = typeof err.code === 'number' ? err.code : 1;
          if (err.code === 'ENOENT') code = 127;
          else if (err.killed) code = 124;
          resolve({ code, stdout: stdout ?? '', stderr: stderr || (err.code === 'ENOENT' ? `${file}: not found` : err.message) });
        },
      );
      // A program that exits without reading its input must not crash us with EPIPE.
      child.stdin?.on('error', () => {});
      if (options.input !== undefined) child.stdin?.end(options.input);
      else child.stdin?.end();
    });
  },
};

/** Renders a command for people to copy: arguments quoted only when the shell would need it. */
export function shellQuote(args: readonly string[]): string {
  return args.map((a) => (/^[A-Za-z0-9_@%+=:,./\[\]-]+$/.test(a) ? a : `'${a.replace(/'/g, `'\\''`)}'`)).join(' ');
}
