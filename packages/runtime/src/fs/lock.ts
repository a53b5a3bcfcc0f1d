import { closeSync, openSync, readFileSync, rmSync, writeSync } from 'node:fs';

export class LockHeldError extends Error {
  constructor(
    readonly lockFile: string,
    readonly holder: string,
  ) {
    super(`another cfgrun is changing this host (${holder}; lock ${lockFile}); wait for it, or remove the lock if that process is gone`);
    this.name = 'LockHeldError';
  }
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * Takes an exclusive lock file (O_CREAT|O_EXCL) holding our pid. A lock left by a process
 * that no longer exists is taken over; a live holder makes this throw LockHeldError.
 */
export function acquireLock(lockFile: string): () => void {
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      const fd = openSync(lockFile, 'wx', 0o600);
      writeSync(fd, `${process.pid} ${new Date().toISOString()}\n`);
      closeSync(fd);
      let released = false;
      return () => {
        if (released) return;
        released = true;
        rmSync(lockFile, { force: true });
      };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      let content = '';
      try {
        content = readFileSync(lockFile, 'utf8').trim();
      } catch {
        continue; // removed meanwhile: try again
      }
      const pid = Number(content.split(/\s+/)[0]);
      if (Number.isInteger(pid) && pid > 0 && alive(pid)) throw new LockHeldError(lockFile, `pid ${pid} since ${content.split(/\s+/)[1] ?? '?'}`);
      rmSync(lockFile, { force: true }); // stale
    }
  }
  throw new LockHeldError(lockFile, 'unknown holder');
}
