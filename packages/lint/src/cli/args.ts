import { parseArgs } from 'node:util';
import { HAPROXY_VERSIONS, KEEPALIVED_RELEASES, compareVersions } from '@cfglint/parser';
import { LANGUAGES, type Language, type TargetVersions } from '../engine/types.js';
import { formatters } from '../formatters/index.js';
import { UsageError } from './usage-error.js';

export interface CliOptions {
  paths: string[];
  format: string;
  language?: Language;
  versions: TargetVersions;
  config?: string;
  inlineConfig: boolean;
  fix: boolean;
  maxWarnings?: number;
  quiet: boolean;
  listRules: boolean;
  printConfig?: string;
  color?: boolean;
  help: boolean;
  version: boolean;
}

const VERSION_PATTERN = /^\d+\.\d+(?:\.\d+)?$/;

/** A version flag's value, checked against the releases the schema covers. */
function checkVersion(flag: string, value: string | undefined, known: readonly string[]): string | undefined {
  if (value === undefined) return undefined;
  if (!VERSION_PATTERN.test(value)) throw new UsageError(`${flag} expects a version such as ${known[known.length - 1]}, got '${value}'`);
  const oldest = known[0];
  const newest = known[known.length - 1];
  const major = (v: string) => v.split('.').slice(0, 2).join('.');
  if (compareVersions(major(value), major(oldest)) < 0 || compareVersions(major(value), major(newest)) > 0) {
    throw new UsageError(`${flag} ${value} is outside the versions cfglint knows (${oldest} to ${newest})`);
  }
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
        config: { type: 'string', short: 'c' },
        'no-inline-config': { type: 'boolean', default: false },
        fix: { type: 'boolean', default: false },
        'max-warnings': { type: 'string' },
        quiet: { type: 'boolean', short: 'q', default: false },
        'list-rules': { type: 'boolean', default: false },
        'print-config': { type: 'string' },
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
  let maxWarnings: number | undefined;
  if (values['max-warnings'] !== undefined) {
    maxWarnings = Number(values['max-warnings']);
    if (!/^\d+$/.test(values['max-warnings'])) throw new UsageError(`--max-warnings expects a whole number, got '${values['max-warnings']}'`);
  }
  return {
    paths: positionals,
    format,
    language: language as Language | undefined,
    versions: {
      haproxy: checkVersion('--haproxy-version', values['haproxy-version'], HAPROXY_VERSIONS),
      keepalived: checkVersion('--keepalived-version', values['keepalived-version'], KEEPALIVED_RELEASES),
    },
    config: values.config,
    inlineConfig: !values['no-inline-config'],
    fix: values.fix ?? false,
    maxWarnings,
    quiet: values.quiet ?? false,
    listRules: values['list-rules'] ?? false,
    printConfig: values['print-config'],
    color: values['no-color'] ? false : values.color,
    help: values.help ?? false,
    version: values.version ?? false,
  };
}
