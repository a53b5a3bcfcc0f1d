import { writeFileSync } from 'node:fs';
import { discoverTargets, languageFromContent, languageFromName, readConfigText } from '@cfglint/parser';
import { formatText } from '../engine/format.js';
import type { FormatOptions } from '../engine/options.js';
import { FormatSyntaxError } from '../engine/syntax-error.js';
import { parseCliArgs } from './args.js';
import type { CliOptions } from './args.js';
import { ExitCode } from './exit-codes.js';
import { HELP } from './help.js';
import { PrettierSettings } from './prettier-config.js';
import { UsageError } from './usage-error.js';

export interface CliIo {
  stdout(text: string): void;
  stderr(text: string): void;
  /** All of standard input (for `-` / --stdin-filepath). */
  readStdin?: () => Promise<string>;
  version: string;
  /** Prettier's configuration reader; tests may replace it. */
  settings?: PrettierSettings;
}

/** Runs cfgfmt; returns the exit status. Never throws: every problem is one line on stderr. */
export async function runCli(argv: string[], io: CliIo): Promise<number> {
  let cli: CliOptions;
  try {
    cli = parseCliArgs(argv);
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    io.stderr(`cfgfmt: ${error.message}\nTry 'cfgfmt --help'.\n`);
    return ExitCode.Problem;
  }
  if (cli.help) {
    io.stdout(HELP);
    return ExitCode.Ok;
  }
  if (cli.version) {
    io.stdout(`${io.version}\n`);
    return ExitCode.Ok;
  }
  if (cli.stdin) return formatStdin(cli, io);
  if (cli.paths.length === 0) {
    io.stderr("cfgfmt: no files or directories given\nTry 'cfgfmt --help'.\n");
    return ExitCode.Problem;
  }

  const { targets, problems } = discoverTargets(cli.paths, cli.language);
  for (const problem of problems) io.stderr(`cfgfmt: ${problem}\n`);
  let failed = problems.length > 0;
  let changed = 0;
  const settings = cli.config ? (io.settings ?? new PrettierSettings()) : undefined;

  for (const target of targets) {
    const file = target.filePath;
    let text = target.text;
    if (text === undefined) {
      const read = readConfigText(file);
      if (!read.ok) {
        io.stderr(`cfgfmt: ${file}: ${read.reason}\n`);
        failed = true;
        continue;
      }
      text = read.text;
    }
    let options: FormatOptions = cli.format;
    let language = target.language;
    if (settings) {
      try {
        const found = await settings.settingsFor(file);
        options = { ...found.options, ...cli.format };
        // A parser chosen in the configuration wins over the name, as in Prettier, unless --language was given.
        if (found.language && !cli.language) language = found.language;
      } catch (error) {
        io.stderr(`cfgfmt: ${file}: cannot read Prettier configuration: ${oneLine(error)}\n`);
        failed = true;
        continue;
      }
    }

    let formatted: string;
    try {
      formatted = formatText(text, language, options, file);
    } catch (error) {
      if (error instanceof FormatSyntaxError) io.stderr(`${file}:${error.line}:${error.column}: error: ${error.reason} (${language} file left unchanged)\n`);
      else io.stderr(`cfgfmt: ${file}: internal error while formatting: ${oneLine(error)}\n`);
      failed = true;
      continue;
    }

    if (cli.mode === 'print') {
      io.stdout(formatted);
      continue;
    }
    if (formatted === text) continue;
    changed++;
    if (cli.mode === 'write') {
      try {
        writeFileSync(file, formatted);
      } catch (error) {
        io.stderr(`cfgfmt: ${file}: cannot write: ${(error as NodeJS.ErrnoException).code ?? oneLine(error)}\n`);
        failed = true;
        continue;
      }
    }
    io.stdout(`${file}\n`);
  }

  if (cli.mode === 'check' && changed > 0) {
    io.stderr(`${changed} file${changed === 1 ? '' : 's'} would be reformatted (run cfgfmt --write)\n`);
  }
  if (failed) return ExitCode.Problem;
  return cli.mode === 'check' && changed > 0 ? ExitCode.WouldChange : ExitCode.Ok;
}

/** Formats standard input to standard output; the file name only picks language and configuration. */
async function formatStdin(cli: CliOptions, io: CliIo): Promise<number> {
  const name = cli.stdinFilepath ?? '<stdin>';
  const text = io.readStdin ? await io.readStdin() : '';
  let options: FormatOptions = cli.format;
  let language = cli.language ?? (cli.stdinFilepath ? languageFromName(cli.stdinFilepath) : undefined);
  if (cli.config && cli.stdinFilepath) {
    try {
      const found = await (io.settings ?? new PrettierSettings()).settingsFor(cli.stdinFilepath);
      options = { ...found.options, ...cli.format };
      if (found.language && !cli.language) language = found.language;
    } catch (error) {
      io.stderr(`cfgfmt: ${name}: cannot read Prettier configuration: ${oneLine(error)}\n`);
      return ExitCode.Problem;
    }
  }
  language ??= languageFromContent(text);
  if (!language) {
    io.stderr(`cfgfmt: ${name}: cannot tell whether this is a keepalived or an haproxy configuration; pass --language keepalived|haproxy\n`);
    return ExitCode.Problem;
  }
  let formatted: string;
  try {
    formatted = formatText(text, language, options, name);
  } catch (error) {
    if (error instanceof FormatSyntaxError) io.stderr(`${name}:${error.line}:${error.column}: error: ${error.reason}\n`);
    else io.stderr(`cfgfmt: ${name}: internal error while formatting: ${oneLine(error)}\n`);
    return ExitCode.Problem;
  }
  if (cli.mode === 'check') {
    if (formatted === text) return ExitCode.Ok;
    io.stdout(`${name}\n`);
    return ExitCode.WouldChange;
  }
  io.stdout(formatted);
  return ExitCode.Ok;
}

function oneLine(error: unknown): string {
  return (error instanceof Error ? error.message : String(error)).split('\n')[0];
}
