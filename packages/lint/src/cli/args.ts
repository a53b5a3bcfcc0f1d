import { parseArgs } from 'node:util';
import { LANGUAGES, type Language, type TargetVersions } from '../engine/types.js';
import { formatters } from '../formatters/index.js';
import { UsageError } from './usage-error.js';

export interface CliOptions {
  paths: string[];
  format: string;
  language?: Language;
  versions: TargetVersions;
  color?: boolean;
  help: boolean;
  version: boolean;
}

const VERSION_PATTERN = /^\d+\.\d+(?:\.\d+)?$/;

function checkVersion(flag: string, value: string | undefined): string | undefined {
  if (value === undefined) return undefined;
  if (!VERSION_PATTERN.test(value)) throw new UsageError(`${flag} expects a version such as 2.6 or 2.2.7, got '${value}'`);
  return value;
}

export function parseCliArgs(argv: string[]): CliOptions {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      strict: true,
      options: {
        format: { type: 'string', short: 'f', default: 'stylish' },
        language: { type: 'string' },
        'haproxy-version': { type: 'string' },
        'keepalived-version': { type: 'string' },
        color: { type: 'boolean' },
        'no-color': { type: 'boolean' },
        help: { type: 'boolean', short: 'h', default: false },
        version: { type: 'boolean', short: 'v', default: false },
      },
    });
  } catch (error) {
    throw new UsageError((error as Error).message.replace(/\. To specify a positional argument.*$/s, ''));
  }
  const { values, positionals } = parsed;
  const format = values.format ?? 'stylish';
  if (!formatters[format]) throw new UsageError(`unknown --format '${format}'; choose one of ${Object.keys(formatters).join(', ')}`);
  const language = values.language;
  if (language !== undefined && !LANGUAGES.includes(language as Language)) {
    throw new UsageError(`unknown --language '${language}'; choose keepalived or haproxy`);
  }
  return {
    paths: positionals,
    format,
    language: language as Language | undefined,
    versions: {
      haproxy: checkVersion('--haproxy-version', values['haproxy-version']),
      keepalived: checkVersion('--keepalived-version', values['keepalived-version']),
    },
    color: values['no-color'] ? false : values.color,
    help: values.help ?? false,
    version: values.version ?? false,
  };
}
