import { parseArgs } from 'node:util';
import { LANGUAGES } from '../engine/options.js';
import type { EndOfLine, FormatOptions, Language } from '../engine/options.js';
import { UsageError } from './usage-error.js';

export type Mode = 'print' | 'check' | 'write';

export interface CliOptions {
  mode: Mode;
  paths: string[];
  language?: Language;
  /** Options given on the command line; they override any Prettier configuration. */
  format: FormatOptions;
  /** Read Prettier configuration files (.prettierrc, .editorconfig…) as Prettier does. */
  config: boolean;
  /** Format standard input (path `-`, or this name, which picks language and configuration). */
  stdin: boolean;
  stdinFilepath?: string;
  help: boolean;
  version: boolean;
}

// No `cr`: neither daemon reads a file whose lines end in a lone carriage return.
const END_OF_LINE: readonly EndOfLine[] = ['auto', 'lf', 'crlf'];

export function parseCliArgs(argv: string[]): CliOptions {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      strict: true,
      options: {
        check: { type: 'boolean', short: 'c' },
        write: { type: 'boolean', short: 'w' },
        language: { type: 'string' },
        'tab-width': { type: 'string' },
        'use-tabs': { type: 'boolean' },
        'end-of-line': { type: 'string' },
        'haproxy-align-servers': { type: 'boolean' },
        'no-config': { type: 'boolean' },
        'stdin-filepath': { type: 'string' },
        help: { type: 'boolean', short: 'h' },
        version: { type: 'boolean', short: 'v' },
      },
    });
  } catch (error) {
    throw new UsageError((error as Error).message.replace(/\. To specify a positional argument.*$/s, ''));
  }
  const { values, positionals } = parsed;
  if (values.check && values.write) throw new UsageError('--check and --write cannot be used together');
  const language = values.language;
  if (language !== undefined && !LANGUAGES.includes(language as Language)) {
    throw new UsageError(`unknown --language '${language}'; choose keepalived or haproxy`);
  }
  const format: FormatOptions = {};
  const tabWidth = values['tab-width'];
  if (tabWidth !== undefined) {
    if (!/^\d{1,2}$/.test(tabWidth)) throw new UsageError(`--tab-width expects a number of spaces such as 4, got '${tabWidth}'`);
    format.tabWidth = Number(tabWidth);
  }
  if (values['use-tabs']) format.useTabs = true;
  const eol = values['end-of-line'];
  if (eol !== undefined) {
    if (!END_OF_LINE.includes(eol as EndOfLine)) throw new UsageError(`unknown --end-of-line '${eol}'; choose auto, lf or crlf`);
    format.endOfLine = eol as EndOfLine;
  }
  if (values['haproxy-align-servers']) format.haproxyAlignServers = true;
  const stdinFilepath = values['stdin-filepath'];
  const stdin = stdinFilepath !== undefined || (positionals.length === 1 && positionals[0] === '-');
  if (stdin && values.write) throw new UsageError('--write cannot be used with standard input');
  if (stdin && positionals.some((p) => p !== '-')) throw new UsageError('give either files or standard input, not both');
  return {
    mode: values.check ? 'check' : values.write ? 'write' : 'print',
    paths: positionals,
    language: language as Language | undefined,
    format,
    config: !values['no-config'],
    stdin,
    stdinFilepath,
    help: values.help ?? false,
    version: values.version ?? false,
  };
}
