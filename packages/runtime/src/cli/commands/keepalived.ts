import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { KeepalivedFacts } from '../../config/facts.js';
import { keepalivedFactsFromText } from '../../config/load-keepalived-facts.js';
import { shellQuote } from '../../exec/executor.js';
import { daemonPid, hostAddresses, readDaemonState } from '../../keepalived/daemon.js';
import { configDiff, listBackups, testConfig } from '../../keepalived/install.js';
import { checkConsistency } from '../../keepalived/verify.js';
import { confirm, say, type CommandContext } from '../context.js';
import { ExitCode, type ExitCodeValue } from '../exit-codes.js';
import { StepFailure } from '../reporter.js';
import { readAndLint } from './gate-config.js';
import { runPreflight } from './host-preflight.js';
import { backupDir, daemonOptions, deployConfig } from './keepalived-deploy.js';

/** Every check that needs no change to the host: lint, preflight, keepalived -t. */
async function gateCandidate(ctx: CommandContext, file: string, skipLint = false): Promise<{ facts: KeepalivedFacts; text: string }> {
  const path = resolve(file);
  if (path === resolve(ctx.options.target)) {
    // Edited in place, there is nothing to compare, back up or restore.
    throw new StepFailure(`${path} is the installed config itself; keep the candidate elsewhere (cfgrun installs it to --target)`, ExitCode.Usage);
  }
  const facts = skipLint ? keepalivedFactsFromText(path, readFileSync(path, 'utf8')) : await readAndLint(ctx, path);
  await runPreflight(ctx, facts, true);
  const check = await ctx.reporter.step(`keepalived -t -f ${path}`, () => testConfig(ctx.exec, path), (r) => (r.output ? r.output.split('\n').length + ' line(s) of output' : 'accepted'));
  ctx.report.keepalivedTest = check;
  if (!check.ok) {
    ctx.io.stderr.write(check.output.replace(/^/gm, '  ') + '\n');
    throw new StepFailure(`keepalived -t rejects ${path} on this host; nothing was changed`);
  }
  return { facts, text: readFileSync(path, 'utf8') };
}

function instanceSummary(before: KeepalivedFacts | undefined, after: KeepalivedFacts): string[] {
  const old = new Map((before?.vrrpInstances ?? []).map((i) => [i.name, i]));
  const lines: string[] = [];
  const key = (i: KeepalivedFacts['vrrpInstances'][number]) => JSON.stringify([i.state, i.interface, i.virtualRouterId, i.priority, i.virtualIps.map((v) => v.address)]);
  for (const i of after.vrrpInstances) {
    const o = old.get(i.name);
    const text = `${i.name}: ${i.state ?? '?'} on ${i.interface ?? '?'}, VRID ${i.virtualRouterId ?? '?'}, priority ${i.priority ?? 100}, VIPs ${i.virtualIps.map((v) => v.address).join(', ')}`;
    if (!o) lines.push(`+ ${text}`);
    else if (key(o) !== key(i)) lines.push(`~ ${text}`);
    old.delete(i.name);
  }
  for (const name of old.keys()) lines.push(`- ${name}`);
  return lines;
}

async function showPlan(ctx: CommandContext, candidate: string, facts: KeepalivedFacts, text: string): Promise<boolean> {
  const target = ctx.options.target;
  const installed = existsSync(target) ? readFileSync(target, 'utf8') : undefined;
  const changed = installed !== text;
  const running = daemonPid(ctx.options.pidFile);
  const diff = changed ? await configDiff(ctx.exec, installed === undefined ? undefined : target, candidate) : '';
  const instances = changed ? instanceSummary(installed === undefined ? undefined : keepalivedFactsFromText(target, installed), facts) : [];
  const reload = 'pid' in running ? (ctx.options.reload === 'systemd' ? `systemctl reload ${ctx.options.service}` : `kill -HUP ${running.pid}   # or: systemctl reload ${ctx.options.service}`) : `systemctl start ${ctx.options.service}`;
  const commands = changed
    ? [
        shellQuote(['keepalived', '-t', '-f', candidate]),
        ...(installed !== undefined ? [shellQuote(['cp', '-p', target, `${backupDir(ctx)}/${target.split('/').pop()}.$(date -u +%FT%H-%M-%SZ)`])] : []),
        shellQuote(['install', '-m', '0600', candidate, target]),
        reload,
      ]
    : [];
  ctx.report.plan = { changed, target, diff, instances, commands, daemon: 'pid' in running ? { pid: running.pid } : { notRunning: running.reason } };
  if (!changed) {
    say(ctx, `\nNo changes. ${target} already holds this config.\n`);
    return false;
  }
  const c = ctx.reporter.colors;
  say(ctx, `\n${installed === undefined ? `${target} does not exist yet.` : `Changes to ${target}:`}\n\n`);
  say(ctx, diff.split('\n').map((l) => (l.startsWith('+') ? c.green(l) : l.startsWith('-') ? c.red(l) : l)).join('\n') + '\n');
  if (instances.length > 0) say(ctx, `VRRP instances:\n${instances.map((l) => `  ${l}`).join('\n')}\n`);
  say(ctx, `\ncfgrun will run the equivalent of:\n${commands.map((l) => `  ${l}`).join('\n')}\nthen verify the daemon's state and VIPs within ${ctx.options.timeoutSeconds} s, restoring the backup on failure.\n`);
  return true;
}

export async function keepalivedPlan(ctx: CommandContext): Promise<ExitCodeValue> {
  const candidate = resolve(ctx.options.config!);
  const { facts, text } = await gateCandidate(ctx, candidate);
  const changed = await showPlan(ctx, candidate, facts, text);
  return changed && ctx.options.detailedExitcode ? ExitCode.Changes : ExitCode.Ok;
}

async function applyCandidate(ctx: CommandContext, candidate: string, skipLint = false): Promise<ExitCodeValue> {
  const { facts, text } = await gateCandidate(ctx, candidate, skipLint);
  ctx.report.changed = false;
  if (!(await showPlan(ctx, candidate, facts, text))) return ExitCode.Ok;
  const go = await confirm(ctx, '\nDo you want to install this config and reload keepalived?');
  if (go === 'no-terminal') throw new StepFailure('refusing to change the host without a terminal to confirm on: pass --yes', ExitCode.Usage);
  if (!go) {
    say(ctx, 'Apply cancelled; nothing changed.\n');
    return ExitCode.Aborted;
  }
  return deployConfig(ctx, text, facts);
}

export async function keepalivedApply(ctx: CommandContext): Promise<ExitCodeValue> {
  return applyCandidate(ctx, resolve(ctx.options.config!));
}

export async function keepalivedRollback(ctx: CommandContext): Promise<ExitCodeValue> {
  const [latest] = listBackups(ctx.options.target, backupDir(ctx));
  if (!latest) throw new StepFailure(`no backup of ${ctx.options.target} in ${backupDir(ctx)}; nothing to roll back to`, ExitCode.Failed);
  ctx.reporter.note(`rolling back to ${latest}`);
  ctx.report.rollbackTo = latest;
  // It ran here before: the lint gate is for new configs, keepalived -t still checks it.
  return applyCandidate(ctx, latest, true);
}

export async function keepalivedStatus(ctx: CommandContext): Promise<ExitCodeValue> {
  const target = ctx.options.target;
  const source = ctx.options.config ? resolve(ctx.options.config) : target;
  if (!existsSync(source)) throw new StepFailure(`${source} does not exist`, ExitCode.Failed);
  const facts = keepalivedFactsFromText(source, readFileSync(source, 'utf8'));
  const problems: string[] = [];
  if (ctx.options.config && (!existsSync(target) || readFileSync(target, 'utf8') !== readFileSync(source, 'utf8'))) problems.push(`${target} differs from ${source}`);
  const running = daemonPid(ctx.options.pidFile);
  if (!('pid' in running)) {
    ctx.report.daemon = { notRunning: running.reason };
    say(ctx, `keepalived is not running: ${running.reason}\n`);
    return ExitCode.Failed;
  }
  const state = await ctx.reporter.step('read keepalived state', () => readDaemonState(ctx.exec, daemonOptions(ctx), running.pid));
  const addresses = await hostAddresses(ctx.exec);
  const c = checkConsistency(facts.vrrpInstances, state.instances, addresses);
  problems.push(...c.problems);
  ctx.report.daemon = { pid: running.pid };
  ctx.report.instances = state.instances;
  ctx.report.problems = problems;
  ctx.report.inSync = problems.length === 0;
  say(ctx, `keepalived pid ${running.pid}, config ${target}\n`);
  for (const i of state.instances) {
    const here = i.vips.filter((v) => addresses.has(v));
    say(ctx, `  ${i.name.padEnd(16)} ${i.state.padEnd(7)} VRID ${String(i.vrid ?? '?').padEnd(4)} priority ${String(i.effectivePriority ?? i.priority ?? '?').padEnd(4)} VIPs here: ${here.join(', ') || 'none'}\n`);
  }
  say(ctx, problems.length === 0 ? 'In sync: the daemon runs this config consistently.\n' : `Drift:\n${problems.map((p) => `  - ${p}`).join('\n')}\n`);
  return problems.length === 0 ? ExitCode.Ok : ExitCode.Changes;
}
