import type { KeepalivedFacts } from '../../config/facts.js';
import { ExitCode, type ExitCodeValue } from '../exit-codes.js';
import { say, type CommandContext } from '../context.js';
import { readAndLint } from './gate-config.js';
import { runPreflight } from './host-preflight.js';

export async function preflightCommand(ctx: CommandContext): Promise<ExitCodeValue> {
  const facts: KeepalivedFacts = ctx.options.config
    ? await readAndLint(ctx, ctx.options.config)
    : { virtualServers: [], groups: new Map(), vrrpInstances: [], interfaces: [], problems: [] };
  const findings = await runPreflight(ctx, facts, false);
  const errors = findings.filter((f) => f.level === 'error').length;
  say(ctx, errors === 0 ? '\nPreflight passed: this host can run the config.\n' : `\nPreflight failed: ${errors} problem(s) to fix on this host (see above).\n`);
  return errors === 0 ? ExitCode.Ok : ExitCode.Rejected;
}
