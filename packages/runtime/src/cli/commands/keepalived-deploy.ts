import { existsSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import type { KeepalivedFacts } from '../../config/facts.js';
import { keepalivedFactsFromText } from '../../config/load-keepalived-facts.js';
import { atomicWrite } from '../../fs/atomic-write.js';
import { daemonPid, reloadDaemon, startViaSystemd, systemdHasUnit, type DaemonOptions } from '../../keepalived/daemon.js';
import { backupConfig } from '../../keepalived/install.js';
import { verifyDaemon, type VerifyResult } from '../../keepalived/verify.js';
import { say, type CommandContext } from '../context.js';
import { ExitCode, type ExitCodeValue } from '../exit-codes.js';
import { StepFailure } from '../reporter.js';

export function daemonOptions(ctx: CommandContext): DaemonOptions {
  const o = ctx.options;
  return { pidFile: o.pidFile, reload: o.reload, service: o.service, tmpDir: o.keepalivedTmp };
}

export const backupDir = (ctx: CommandContext) => join(ctx.options.stateDir, 'backups');

function describeVerify(v: VerifyResult): string {
  const states = v.instances.map((i) => `${i.name} ${i.state}`).join(', ') || 'no VRRP instances';
  return `${states}; VIPs here: ${v.vipsHere.join(', ') || 'none'}`;
}

/** Finds the daemon, or (with systemd) says it will be started. Throws before anything changed. */
async function locateDaemon(ctx: CommandContext): Promise<{ pid?: number; start: boolean }> {
  const found = daemonPid(ctx.options.pidFile);
  if ('pid' in found) return { pid: found.pid, start: false };
  if (ctx.options.reload !== 'signal' && (await systemdHasUnit(ctx.exec, ctx.options.service))) return { start: true };
  throw new StepFailure(`${found.reason}; start keepalived first (systemctl start ${ctx.options.service}), or point --pid-file at its pid file. Nothing was changed.`);
}

/**
 * Installs `text` as the config and makes the daemon run it: backup → atomic replace →
 * reload → verify; on failure, the previous file is put back, reloaded and verified.
 */
export async function deployConfig(ctx: CommandContext, text: string, facts: KeepalivedFacts): Promise<ExitCodeValue> {
  const { reporter, options } = ctx;
  const target = options.target;
  await reporter.step('find the running keepalived', () => locateDaemon(ctx), (d) => (d.pid ? `pid ${d.pid}` : `not running: systemd will start ${options.service}`));
  const before = existsSync(target) ? readFileSync(target, 'utf8') : undefined;
  const backup = before === undefined ? undefined : await reporter.step('back up the installed config', () => backupConfig(target, backupDir(ctx)), (f) => f);
  await reporter.step(`install ${target} (temp file, fsync, rename; mode 0600)`, () => atomicWrite(target, text));
  ctx.report.backup = backup;
  const dOpts = daemonOptions(ctx);
  const timeoutMs = options.timeoutSeconds * 1000;

  const reloadOrStart = async (startIfNeeded: boolean): Promise<{ pid: number; how: string }> => {
    const running = daemonPid(options.pidFile);
    if ('pid' in running) return { pid: running.pid, how: await reloadDaemon(ctx.exec, dOpts, running.pid) };
    if (!startIfNeeded) throw new Error(`keepalived is not running (${running.reason})`);
    const how = await startViaSystemd(ctx.exec, options.service);
    const deadline = Date.now() + timeoutMs;
    while (Date.now() < deadline && !('pid' in daemonPid(options.pidFile))) await new Promise((r) => setTimeout(r, 200));
    const found = daemonPid(options.pidFile);
    if (!('pid' in found)) throw new Error(found.reason);
    return { pid: found.pid, how };
  };

  const reloadAndVerify = async (expected: KeepalivedFacts, label: string, startIfNeeded: boolean): Promise<{ how: string; verify: VerifyResult }> => {
    const { pid, how } = await reporter.step(`reload keepalived (${label})`, () => reloadOrStart(startIfNeeded), (r) => r.how);
    // Give keepalived a moment to start re-reading before the first state dump.
    await new Promise((r) => setTimeout(r, 300));
    const verify = await reporter.step(`verify ${label} (up to ${options.timeoutSeconds} s)`, async () => {
      const v = await verifyDaemon(ctx.exec, dOpts, pid, expected.vrrpInstances, timeoutMs);
      ctx.report.lastVerify = { ok: v.ok, problems: v.problems, instances: v.instances, vipsHere: v.vipsHere };
      if (!v.ok) throw new StepFailure(v.problems.join('; '), ExitCode.Failed);
      return v;
    }, describeVerify);
    return { how, verify };
  };

  try {
    const { how, verify } = await reloadAndVerify(facts, 'the new config', true);
    ctx.report.changed = true;
    ctx.report.reload = how;
    ctx.report.instances = verify.instances;
    ctx.report.vipsHere = verify.vipsHere;
    ctx.report.verifiedInMs = verify.ms;
    say(ctx, `\nApply complete: ${target} installed, keepalived reloaded (${how}), verified in ${(verify.ms / 1000).toFixed(1)} s: ${describeVerify(verify)}.\n${backup ? `Previous config kept as ${backup} (cfgrun rollback restores it).\n` : ''}`);
    return ExitCode.Ok;
  } catch (error) {
    const reason = (error as Error).message;
    ctx.report.changed = false;
    ctx.report.failure = reason;
    reporter.warn(`the new config failed: ${reason}; restoring the previous one`);
    try {
      await reporter.step('restore the previous config', () => {
        if (before === undefined) rmSync(target, { force: true });
        else atomicWrite(target, before);
      });
      if (before !== undefined) {
        const oldFacts = keepalivedFactsFromText(target, before);
        const { verify } = await reloadAndVerify(oldFacts, 'the previous config', false);
        ctx.report.instances = verify.instances;
        ctx.report.vipsHere = verify.vipsHere;
      }
      ctx.report.restored = true;
      // The installed config is the backed-up one again: that backup is not a "previous" config.
      if (backup) rmSync(backup, { force: true });
      ctx.report.backup = undefined;
      say(ctx, `\nApply failed: ${reason}\nRolled back: the previous config is installed and running again.\n`);
      return ExitCode.Failed;
    } catch (restoreError) {
      ctx.report.restored = false;
      ctx.report.restoreFailure = (restoreError as Error).message;
      say(ctx, `\nApply failed: ${reason}\nRestoring the previous config ALSO failed: ${(restoreError as Error).message}\nBackup: ${backup ?? 'none'}. The host needs a person.\n`);
      return ExitCode.RollbackFailed;
    }
  }
}
