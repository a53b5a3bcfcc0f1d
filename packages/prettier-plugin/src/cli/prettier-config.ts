import { readdirSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import type { EndOfLine, FormatOptions, Language } from '../engine/options.js';

/** Files whose presence means Prettier would read configuration for a file below them. */
const CONFIG_FILES = new Set([
  '.prettierrc',
  '.prettierrc.json',
  '.prettierrc.yaml',
  '.prettierrc.yml',
  '.prettierrc.json5',
  '.prettierrc.js',
  '.prettierrc.mjs',
  '.prettierrc.cjs',
  '.prettierrc.ts',
  '.prettierrc.mts',
  '.prettierrc.cts',
  '.prettierrc.toml',
  'prettier.config.js',
  'prettier.config.mjs',
  'prettier.config.cjs',
  'prettier.config.ts',
  'prettier.config.mts',
  'prettier.config.cts',
  'package.yaml',
  '.editorconfig',
]);

export interface FileSettings {
  options: FormatOptions;
  /** A `parser` of ours named by the configuration (e.g. in an `overrides` entry). */
  language?: Language;
}

interface PrettierApi {
  resolveConfig(filePath: string, options: { editorconfig: boolean }): Promise<Record<string, unknown> | null>;
}

/**
 * Reads Prettier's configuration for a file the way `prettier FILE` does, so that
 * cfgfmt writes what Prettier prints. Prettier itself is loaded only when a
 * configuration file exists above the file: without one, the defaults apply and
 * cfgfmt starts without paying for Prettier.
 */
export class PrettierSettings {
  private readonly hasConfig = new Map<string, boolean>();
  private prettier: Promise<PrettierApi> | undefined;

  constructor(private readonly load: () => Promise<PrettierApi> = () => loadPrettier()) {}

  async settingsFor(filePath: string): Promise<FileSettings> {
    if (!this.configAbove(path.dirname(path.resolve(filePath)))) return { options: {} };
    this.prettier ??= this.load();
    const resolved = (await (await this.prettier).resolveConfig(path.resolve(filePath), { editorconfig: true })) ?? {};
    const options: FormatOptions = {};
    if (typeof resolved.tabWidth === 'number') options.tabWidth = resolved.tabWidth;
    if (typeof resolved.useTabs === 'boolean') options.useTabs = resolved.useTabs;
    if (typeof resolved.endOfLine === 'string') options.endOfLine = resolved.endOfLine as EndOfLine;
    if (typeof resolved.haproxyAlignServers === 'boolean') options.haproxyAlignServers = resolved.haproxyAlignServers;
    const parser = resolved.parser;
    const language = parser === 'keepalived' || parser === 'haproxy' ? parser : undefined;
    return { options, language };
  }

  private configAbove(dir: string): boolean {
    const known = this.hasConfig.get(dir);
    if (known !== undefined) return known;
    let found = false;
    let names: string[] = [];
    try {
      names = readdirSync(dir);
    } catch {
      names = [];
    }
    for (const name of names) {
      if (CONFIG_FILES.has(name) || (name === 'package.json' && packageHasPrettierKey(path.join(dir, name)))) {
        found = true;
        break;
      }
    }
    if (!found) {
      const parent = path.dirname(dir);
      found = parent !== dir && this.configAbove(parent);
    }
    this.hasConfig.set(dir, found);
    return found;
  }
}

function packageHasPrettierKey(file: string): boolean {
  try {
    const json = JSON.parse(readFileSync(file, 'utf8')) as Record<string, unknown>;
    return json !== null && typeof json === 'object' && 'prettier' in json;
  } catch {
    return false;
  }
}

async function loadPrettier(specifier = 'prettier'): Promise<PrettierApi> {
  // A specifier held in a variable keeps the bundler from inlining Prettier into cfgfmt.
  return (await import(specifier)) as PrettierApi;
}
