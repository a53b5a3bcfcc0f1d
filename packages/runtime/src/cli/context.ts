import type { Executor } from '../exec/executor.js';
import type { CliOptions } from './args.js';
import type { CliIo } from './io.js';
import type { Reporter } from './reporter.js';

export interface CommandContext {
  options: CliOptions;
  io: CliIo;
  reporter: Reporter;
  exec: Executor;
  /** Filled by commands for --json. */
  report: Record<string, unknown>;
}

/** Asks on a terminal; without one, --yes is required. Returns whether to go on. */
export async function confirm(ctx: CommandContext, question: string): Promise<boolean | 'no-terminal'> {
  if (ctx.options.yes) return true;
  if (!ctx.io.stdinIsTty || ctx.options.json) return 'no-terminal';
  const answer = await ctx.io.readLine(`${question} Only 'yes' will be accepted: `);
  return answer.trim() === 'yes';
}

/** Human output on stdout; silent under --json (the JSON document is the output then). */
export function say(ctx: CommandContext, text: string): void {
  if (!ctx.options.json) ctx.io.stdout.write(text);
}
