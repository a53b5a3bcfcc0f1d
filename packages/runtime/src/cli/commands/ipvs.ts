import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { desiredTable } from '../../ipvs/desired.js';
import { applyIpvsPlan, planIpvs, readLiveTable, type IpvsPlan } from '../../ipvs/driver.js';
import { renderCommands } from '../../ipvs/render.js';
import type { IpvsTable } from '../../ipvs/types.js';
import { readIpvsDeployments, recordIpvsDeployment } from '../../state/ipvs-state.js';
import { ExitCode, type ExitCodeValue } from '../exit-codes.js';
import { confirm, say, type CommandContext } from '../context.js';
import { StepFailure } from '../reporter.js';
import { describeOperation } from './describe-ipvs.js';
import { readAndLint } from './gate-config.js';
import { runPreflight } from './host-preflight.js';

async function desiredFromConfig(ctx: CommandContext, file: string, preflight = false): Promise<IpvsTable> {
  const facts = await readAndLint(ctx, file);
  if (preflight) await runPreflight(ctx, facts, true);
  return ctx.reporter.step('build the desired IPVS table', () => {
    const { table, problems } = desiredTable(facts);
    if (problems.length > 0) throw new StepFailure(problems.map((p) => `${p.file}:${p.line}: ${p.message}`).join('; '));
    return table;
  }, (t) => `${t.services.length} service(s), ${t.services.reduce((n, s) => n + s.destinations.length, 0)} real server(s)`);
}

async function makePlan(ctx: CommandContext, desired: IpvsTable): Promise<IpvsPlan> {
  const live = await ctx.reporter.step('read the live table (ipvsadm -Sn)', () => readLiveTable(ctx.exec), (t) => `${t.services.length} service(s)`);
  const plan = planIpvs(live, desired);
  ctx.report.plan = { operations: plan.operations.map((op) => ({ op: op.op, ...describeOperation(op) })), counts: plan.counts, commands: plan.commands, batch: plan.batch, inverseCommands: renderCommands(plan.inverse) };
  return plan;
}

function printPlan(ctx: CommandContext, plan: IpvsPlan, verb = 'apply'): void {
  if (ctx.options.json) return;
  const c = ctx.reporter.colors;
  const out = ctx.io.stdout;
  if (plan.operations.length === 0) {
    out.write(`\n${c.green('No changes.')} The IPVS table matches the config.\n`);
    return;
  }
  out.write(`\ncfgrun will run these commands (as one ipvsadm -R batch) on ${verb}:\n\n`);
  for (const op of plan.operations) {
    const d = describeOperation(op);
    const color = d.mark === '+' ? c.green : d.mark === '~' ? c.yellow : c.red;
    out.write(`  ${color(d.mark)} ${d.command}\n      ${c.dim(d.summary)}\n`);
  }
  const { add, change, destroy } = plan.counts;
  out.write(`\nPlan: ${add} to add, ${change} to change in place, ${destroy} to remove.\n`);
}

export async function ipvsPlan(ctx: CommandContext): Promise<ExitCodeValue> {
  const desired = await desiredFromConfig(ctx, ctx.options.config!, true);
  const plan = await makePlan(ctx, desired);
  printPlan(ctx, plan);
  return ctx.options.detailedExitcode && plan.operations.length > 0 ? ExitCode.Changes : ExitCode.Ok;
}

async function applyTable(ctx: CommandContext, desired: IpvsTable, source: string, sha256?: string): Promise<ExitCodeValue> {
  const plan = await makePlan(ctx, desired);
  printPlan(ctx, plan);
  ctx.report.changed = false;
  if (plan.operations.length === 0) return ExitCode.Ok;
  const go = await confirm(ctx, '\nDo you want to apply these changes?');
  if (go === 'no-terminal') throw new StepFailure('refusing to change the host without a terminal to confirm on: pass --yes', ExitCode.Usage);
  if (!go) {
    say(ctx, 'Apply cancelled; nothing changed.\n');
    return ExitCode.Aborted;
  }
  const result = await ctx.reporter.step(`apply ${plan.operations.length} operation(s) (ipvsadm -R)`, () => applyIpvsPlan(ctx.exec, plan), (r) => (r.ok ? 'table matches the plan' : undefined));
  ctx.report.result = { ok: result.ok, error: result.error, restored: result.restored, restoreCommands: result.restoreOperations?.map((op) => describeOperation(op).command) };
  if (!result.ok) {
    ctx.reporter.warn(`the batch failed: ${result.error}`);
    if (result.restored) {
      say(ctx, `\nApply failed: ${result.error}\nRolled back with ${result.restoreOperations?.length ?? 0} operation(s); the table is as it was before.\n`);
      return ExitCode.Failed;
    }
    say(ctx, `\nApply failed: ${result.error}\nRolling back ALSO failed: the live table matches neither the plan nor the old table. Check it with ipvsadm -Ln.\n`);
    return ExitCode.RollbackFailed;
  }
  recordIpvsDeployment(ctx.options.stateDir, { appliedAt: new Date().toISOString(), source, ...(sha256 ? { sha256 } : {}), table: desired });
  ctx.report.changed = true;
  const { add, change, destroy } = plan.counts;
  if (!ctx.options.json) ctx.io.stdout.write(`\nApply complete: ${add} added, ${change} changed in place, ${destroy} removed.\n`);
  return ExitCode.Ok;
}

export async function ipvsApply(ctx: CommandContext): Promise<ExitCodeValue> {
  const file = resolve(ctx.options.config!);
  const desired = await desiredFromConfig(ctx, file, true);
  const sha256 = createHash('sha256').update(readFileSync(file)).digest('hex');
  return applyTable(ctx, desired, file, sha256);
}

export async function ipvsRollback(ctx: CommandContext): Promise<ExitCodeValue> {
  const { previous } = readIpvsDeployments(ctx.options.stateDir);
  if (!previous) throw new StepFailure(`no previous deployment recorded in ${ctx.options.stateDir}; nothing to roll back to`, ExitCode.Failed);
  ctx.reporter.note(`rolling back to the table applied at ${previous.appliedAt} from ${previous.source}`);
  return applyTable(ctx, previous.table, previous.source, previous.sha256);
}

export async function ipvsStatus(ctx: CommandContext): Promise<ExitCodeValue> {
  let desired: IpvsTable;
  if (ctx.options.config) desired = await desiredFromConfig(ctx, ctx.options.config);
  else {
    const { current } = readIpvsDeployments(ctx.options.stateDir);
    if (!current) throw new StepFailure(`no deployment recorded in ${ctx.options.stateDir}; name a config: cfgrun status --driver ipvs CONFIG`, ExitCode.Failed);
    ctx.reporter.note(`comparing with the deployment of ${current.appliedAt} from ${current.source}`);
    desired = current.table;
  }
  const plan = await makePlan(ctx, desired);
  ctx.report.inSync = plan.operations.length === 0;
  if (!ctx.options.json) {
    if (plan.operations.length === 0) ctx.io.stdout.write(`In sync: ${desired.services.length} service(s) as configured.\n`);
    else {
      ctx.io.stdout.write('Drift: the live table differs from the config. These commands would fix it:\n');
      printPlan(ctx, plan);
    }
  }
  return plan.operations.length === 0 ? ExitCode.Ok : ExitCode.Changes;
}
