import { ExitCode, type ExitCodeValue } from '../exit-codes.js';
import type { CommandContext } from '../context.js';
import { StepFailure } from '../reporter.js';

export async function preflightCommand(_ctx: CommandContext): Promise<ExitCodeValue> {
  throw new StepFailure('not yet', ExitCode.Failed);
}
