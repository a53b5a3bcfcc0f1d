import { lintTargets } from '../engine/lint-targets.js';
import { formatters } from '../formatters/index.js';
import { parseCliArgs } from './args.js';
import { discoverTargets } from './discover.js';
import { ExitCode } from './exit-codes.js';
import { HELP } from './help.js';
import { UsageError } from './usage-error.js';

export interface CliIo {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  cwd: string;
  isTty: boolean;
  version: string;
}

/** Runs cfglint with the given arguments and returns the exit status. Never throws. */
export async function runCli(argv: string[], io: CliIo): Promise<number> {
  try {
    const options = parseCliArgs(argv);
    if (options.help) {
      io.stdout(HELP);
      return ExitCode.Ok;
    }
    if (options.version) {
      io.stdout(`${io.version}\n`);
      return ExitCode.Ok;
    }
    if (options.paths.length === 0) throw new UsageError('no files or directories given');

    const { targets, problems } = discoverTargets(options.paths, options.language);
    for (const problem of problems) io.stderr(`cfglint: ${problem}\n`);
    if (targets.length === 0) {
      if (problems.length === 0) io.stderr('cfglint: nothing to lint\n');
      return ExitCode.Usage;
    }

    const { results, unreadable } = lintTargets(targets, { versions: options.versions });
    for (const problem of unreadable) io.stderr(`cfglint: ${problem}\n`);
    io.stdout(formatters[options.format](results, { cwd: io.cwd, color: options.color ?? io.isTty, rules: new Map(), version: io.version }));

    if (problems.length > 0 || unreadable.length > 0) return ExitCode.Usage;
    return results.some((r) => r.errorCount > 0) ? ExitCode.Findings : ExitCode.Ok;
  } catch (error) {
    if (error instanceof UsageError) {
      io.stderr(`cfglint: ${error.message}\nRun 'cfglint --help' for usage.\n`);
      return ExitCode.Usage;
    }
    const message = error instanceof Error ? error.message : String(error);
    io.stderr(`cfglint: internal error: ${message} (please report this with the file that caused it)\n`);
    if (process.env.CFGLINT_DEBUG && error instanceof Error) io.stderr(`${error.stack}\n`);
    return ExitCode.Usage;
  }
}
