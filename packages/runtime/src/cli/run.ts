import { nodeExecutor, type Executor } from '../exec/executor.js';
import { acquireLock, LockHeldError } from '../fs/lock.js';
import { parseCliArgs, UsageError, type CliOptions } from './args.js';
import { ipvsApply, ipvsPlan, ipvsRollback, ipvsStatus } from './commands/ipvs.js';
import { keepalivedApply, keepalivedPlan, keepalivedRollback, keepalivedStatus } from './commands/keepalived.js';
import { preflightCommand } from './commands/preflight.js';
import type { CommandContext } from './context.js';
import { ExitCode, type ExitCodeValue } from './exit-codes.js';
import { HELP } from './help.js';
import type { CliIo } from './io.js';
import { Reporter, StepFailure } from './reporter.js';

import pkg from '../../package.json' with { type: 'json' };

const HANDLERS = {
  ipvs: { plan: ipvsPlan, apply: ipvsApply, status: ipvsStatus, rollback: ipvsRollback },
  keepalived: { plan: keepalivedPlan, apply: keepalivedApply, status: keepalivedStatus, rollback: keepalivedRollback },
} as const;

/** Runs cfgrun with the given arguments; returns the exit status. */
export async function runCli(argv: string[], io: CliIo, exec: Executor = nodeExecutor): Promise<ExitCodeValue> {
  let options: CliOptions;
  try {
    options = parseCliArgs(argv);
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    io.stderr.write(`cfgrun: ${error.message}\nRun 'cfgrun --help' for usage.\n`);
    return ExitCode.Usage;
  }
  if (options.version) {
    io.stdout.write(`${pkg.version}\n`);
    return ExitCode.Ok;
  }
  if (options.help || !options.command) {
    (options.help ? io.stdout : io.stderr).write(HELP);
    return options.help ? ExitCode.Ok : ExitCode.Usage;
  }
  const reporter = new Reporter(io, options.color);
  const ctx: CommandContext = { options, io, reporter, exec, report: { command: options.command, driver: options.driver } };
  let code: ExitCodeValue;
  let release: (() => void) | undefined;
  try {
    if (options.command === 'apply' || options.command === 'rollback') release = acquireLock(options.lockFile);
    code = options.command === 'preflight' ? await preflightCommand(ctx) : await HANDLERS[options.driver][options.command](ctx);
  } catch (error) {
    if (error instanceof LockHeldError) {
      code = ExitCode.Locked;
      ctx.report.error = error.message;
      io.stderr.write(`cfgrun: ${error.message}\n`);
    } else if (error instanceof StepFailure) {
      code = error.exitCode as ExitCodeValue;
      ctx.report.error = error.message;
      if (!options.json) io.stdout.write(`\n${reporter.colors.red('Error:')} ${error.message}\n`);
    } else {
      code = ExitCode.Failed;
      const message = (error as Error).message ?? String(error);
      ctx.report.error = message;
      io.stderr.write(`cfgrun: ${message}\n`);
    }
  } finally {
    release?.();
  }
  if (options.json) {
    io.stdout.write(JSON.stringify({ ...ctx.report, exitCode: code, steps: reporter.steps }, null, 2) + '\n');
  }
  return code;
}
