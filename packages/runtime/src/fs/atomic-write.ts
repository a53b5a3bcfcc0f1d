import { closeSync, fsyncSync, openSync, renameSync, rmSync, writeSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';

/**
 * Replaces `file` with `text` so that readers see the old or the new content, never a
 * mix: a temporary file in the same directory (same file system), written, fsynced,
 * renamed over the target, then the directory fsynced so the rename survives a crash.
 * Mode 0600 by default: keepalived.conf holds auth_pass.
 */
export function atomicWrite(file: string, text: string, mode = 0o600): void {
  const dir = dirname(file);
  const temp = join(dir, `.${basename(file)}.cfgrun-${process.pid}-${Date.now()}.tmp`);
  const fd = openSync(temp, 'wx', mode);
  try {
    writeSync(fd, text);
    fsyncSync(fd);
  } catch (error) {
    closeSync(fd);
    rmSync(temp, { force: true });
    throw error;
  }
  closeSync(fd);
  try {
    renameSync(temp, file);
  } catch (error) {
    rmSync(temp, { force: true });
    throw error;
  }
  fsyncDirectory(dir);
}

export function fsyncDirectory(dir: string): void {
  try {
    const fd = openSync(dir, 'r');
    try {
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
  } catch {
    // Some file systems refuse fsync on directories; the rename itself is still atomic.
  }
}
