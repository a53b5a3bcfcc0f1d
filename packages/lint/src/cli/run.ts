import { writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { discoverTargets } from '@cfglint/parser';
import { ConfigError, loadConfig, type CfglintConfig } from '../engine/config.js';
import { applyFixes, MAX_FIX_PASSES } from '../engine/fix-loop.js';
import { lint, type LintOutcome } from '../engine/lint.js';
import { ruleSummaries } from '../engine/rule-summaries.js';
import type { LintResult } from '../engine/types.js';
import { formatters } from '../formatters/index.js';
import { rules } from '../rules/index.js';
import { parseCliArgs, type CliOptions } from './args.js';
import { ExitCode } from './exit-codes.js';
import { filterIgnored } from './ignore.js';
import { HELP } from './help.js';
import { listRules } from './list-rules.js';
import { printConfig } from './print-config.js';
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
    const summaries = ruleSummaries();
    if (options.listRules) {
      io.stdout(listRules(summaries));
      return ExitCode.Ok;
    }
    const config = await loadConfig({ file: options.config, searchFrom: io.cwd, knownRules: new Set(summaries.keys()) });
    if (options.printConfig !== undefined) {
      io.stdout(printConfig(options.printConfig, config, options.versions, summaries));
      return ExitCode.Ok;
    }
    if (options.paths.length === 0) throw new UsageError('no files or directories given');
    return lintAndReport(options, config, io, summaries);
  } catch (error) {
    if (error instanceof UsageError || error instanceof ConfigError) {
      io.stderr(`cfglint: ${error.message}\n${error instanceof UsageError ? "Run 'cfglint --help' for usage.\n" : ''}`);
      return ExitCode.Usage;
    }
    const message = error instanceof Error ? error.message : String(error);
    io.stderr(`cfglint: internal error: ${message} (please report this with the file that caused it)\n`);
    if (process.env.CFGLINT_DEBUG && error instanceof Error) io.stderr(`${error.stack}\n`);
    return ExitCode.Usage;
  }
}

function lintAndReport(options: CliOptions, config: CfglintConfig, io: CliIo, summaries: ReturnType<typeof ruleSummaries>): number {
  const discovered = discoverTargets(options.paths, options.language);
  for (const problem of discovered.problems) io.stderr(`cfglint: ${problem}\n`);
  const { targets, ignoredExplicitly } = filterIgnored(discovered.targets, options.paths, config);
  for (const file of ignoredExplicitly) io.stderr(`cfglint: ${file}: ignored by a pattern in ${config.configFile}\n`);
  if (targets.length === 0) {
    if (discovered.problems.length === 0 && ignoredExplicitly.length === 0) io.stderr('cfglint: nothing to lint\n');
    return discovered.problems.length > 0 || ignoredExplicitly.length === 0 ? ExitCode.Usage : ExitCode.Ok;
  }

  const run = () => lint(targets, { config, versions: options.versions, rules, inlineConfig: options.inlineConfig });
  let outcome: LintOutcome = run();
  if (options.fix) outcome = fixUntilStable(outcome, run);

  for (const problem of outcome.unreadable) io.stderr(`cfglint: ${problem}\n`);
  const results: LintResult[] = options.quiet ? outcome.results.map(errorsOnly) : outcome.results;
  io.stdout(formatters[options.format](results, { cwd: io.cwd, color: options.color ?? io.isTty, rules: summaries, version: io.version }));

  if (discovered.problems.length > 0 || outcome.unreadable.length > 0) return ExitCode.Usage;
  const errors = outcome.results.reduce((n, r) => n + r.errorCount, 0);
  const warnings = outcome.results.reduce((n, r) => n + r.warningCount, 0);
  if (errors > 0) return ExitCode.Findings;
  if (options.maxWarnings !== undefined && warnings > options.maxWarnings) {
    io.stderr(`cfglint: ${warnings} warnings, more than --max-warnings ${options.maxWarnings} allows\n`);
    return ExitCode.Findings;
  }
  return ExitCode.Ok;
}

/** Applies safe fixes, writes the files, lints again, until nothing more changes. */
function fixUntilStable(first: LintOutcome, run: () => LintOutcome): LintOutcome {
  let outcome = first;
  for (let pass = 0; pass < MAX_FIX_PASSES; pass++) {
    const textOf = (file: string) => outcome.documents.find((d) => d.files.includes(file))?.source(file)?.text;
    const changed = applyFixes(outcome.findings, textOf);
    if (changed.size === 0) break;
    for (const [file, text] of changed) writeFileSync(path.resolve(file), text);
    outcome = run();
  }
  return outcome;
}

function errorsOnly(result: LintResult): LintResult {
  const messages = result.messages.filter((m) => m.severity === 2);
  return { ...result, messages, warningCount: 0, fixableWarningCount: 0 };
}
