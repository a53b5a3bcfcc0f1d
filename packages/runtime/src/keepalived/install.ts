import { copyFileSync, chmodSync, mkdirSync, readdirSync, rmSync } from 'node:fs';
import { basename, join } from 'node:path';
import type { Executor } from '../exec/executor.js';

const KEEP_BACKUPS = 10;

/** Copies the installed config to DIR/NAME.TIMESTAMP (mode 0600) and keeps the newest ten. */
export function backupConfig(target: string, backupDir: string, now = new Date()): string {
  mkdirSync(backupDir, { recursive: true, mode: 0o700 });
  const stamp = now.toISOString().replace(/:/g, '-');
  const file = join(backupDir, `${basename(target)}.${stamp}`);
  copyFileSync(target, file);
  chmodSync(file, 0o600);
  for (const old of listBackups(target, backupDir).slice(KEEP_BACKUPS)) rmSync(old, { force: true });
  return file;
}

/** Backups of `target`, newest first. */
export function listBackups(target: string, backupDir: string): string[] {
  const prefix = `${basename(target)}.`;
  let names: string[];
  try {
    names = readdirSync(backupDir);
  } catch {
    return [];
  }
  return names
    .filter((n) => n.startsWith(prefix) && /^\d{4}-\d\d-\d\dT/.test(n.slice(prefix.length)))
    .sort()
    .reverse()
    .map((n) => join(backupDir, n));
}

/** `keepalived -t -f FILE`: keepalived's own verdict on this host (interfaces included). */
export async function testConfig(exec: Executor, file: string, keepalived = 'keepalived'): Promise<{ ok: boolean; output: string }> {
  const r = await exec.run(keepalived, ['-t', '-f', file], { timeoutMs: 60_000 });
  if (r.code === 127) return { ok: false, output: `${keepalived} is not installed (apt-get install keepalived)` };
  return { ok: r.code === 0, output: `${r.stdout}${r.stderr}`.trim() };
}

/** A unified diff of two files for a plan, with passwords masked. Empty when equal. */
export async function configDiff(exec: Executor, before: string | undefined, after: string): Promise<string> {
  const r = await exec.run('diff', ['-u', '--label', before ? `${before} (installed)` : '/dev/null', '--label', `${after} (candidate)`, before ?? '/dev/null', after]);
  if (r.code > 1) return `(diff unavailable: ${r.stderr.trim()})`;
  return maskSecrets(r.stdout);
}

export function maskSecrets(text: string): string {
  return text.replace(/^([+\- ]?\s*auth_pass\s+)\S+/gm, '$1********');
}
