import { ExitCode, type ExitCodeValue } from '../exit-codes.js';
import type { CommandContext } from '../context.js';
import { StepFailure } from '../reporter.js';

const todo = async (_ctx: CommandContext): Promise<ExitCodeValue> => {
  throw new StepFailure('not yet', ExitCode.Failed);
};
export const keepalivedPlan = todo;
export const keepalivedApply = todo;
export const keepalivedStatus = todo;
export const keepalivedRollback = todo;
