import * as path from 'node:path';
import { lilconfig, type Loader } from 'lilconfig';
import { parse as parseYaml } from 'yaml';
import { isUnsuppressible } from './builtin-checks/define.js';
import type { ConfiguredSeverity } from './rule.js';
import type { TargetVersions } from './types.js';

/** A host: the files that run on it and, optionally, its own addresses. */
export interface NodeConfig {
  files: string[];
  addresses?: string[];
  /** keepalived's config id on this host (selects `@host` conditional lines); default: the node name. */
  configId?: string;
}

export interface RuleSetting {
  severity: ConfiguredSeverity;
  options?: Record<string, unknown>;
}

/** The effective configuration, after defaults. Paths are absolute. */
export interface CfglintConfig {
  /** The file it was read from, if any. */
  configFile?: string;
  versions: TargetVersions;
  rules: Record<string, RuleSetting>;
  /** Glob patterns (relative to the config file's directory) of files never linted. */
  ignore: string[];
  nodes: Record<string, NodeConfig>;
  clusters: Record<string, string[]>;
  /** Whether keepalived is built with nftables (Debian/Ubuntu) rather than iptables. */
  keepalivedFirewall?: 'nftables' | 'iptables';
}

export const CONFIG_FILE_NAMES = [
  'cfglint.config.json',
  'cfglint.config.yaml',
  'cfglint.config.yml',
  'cfglint.config.js',
  'cfglint.config.mjs',
  'cfglint.config.cjs',
];

export class ConfigError extends Error {}

const yamlLoader: Loader = (_file, content) => parseYaml(content);

function explorer() {
  return lilconfig('cfglint', {
    searchPlaces: [...CONFIG_FILE_NAMES, 'package.json'],
    loaders: { '.yaml': yamlLoader, '.yml': yamlLoader },
  });
}

const SEVERITIES: Record<string, ConfiguredSeverity> = { off: 'off', warn: 'warning', warning: 'warning', error: 'error', 0: 'off', 1: 'warning', 2: 'error' };
const VERSION = /^\d+\.\d+(?:\.\d+)?$/;

function fail(where: string, what: string): never {
  throw new ConfigError(`${where}: ${what}`);
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const isStringArray = (v: unknown): v is string[] => Array.isArray(v) && v.every((s) => typeof s === 'string');

function parseSeverity(where: string, value: unknown): ConfiguredSeverity {
  const severity = SEVERITIES[String(value)];
  if (!severity) fail(where, `expected off, warn or error, got ${JSON.stringify(value)}`);
  return severity;
}

/** Checks a raw configuration object and resolves its paths against `baseDir`. */
export function validateConfig(raw: unknown, source: string, baseDir: string, knownRules: ReadonlySet<string>): CfglintConfig {
  if (!isObject(raw)) fail(source, 'the configuration must be an object');
  const known = ['versions', 'rules', 'ignore', 'nodes', 'clusters', 'keepalivedFirewall'];
  for (const key of Object.keys(raw)) if (!known.includes(key)) fail(source, `unknown setting '${key}' (known: ${known.join(', ')})`);

  const versions: TargetVersions = {};
  if (raw.versions !== undefined) {
    if (!isObject(raw.versions)) fail(`${source}: versions`, 'expected { haproxy, keepalived }');
    for (const [daemon, value] of Object.entries(raw.versions)) {
      if (daemon !== 'haproxy' && daemon !== 'keepalived') fail(`${source}: versions`, `unknown daemon '${daemon}'`);
      if (typeof value !== 'string' || !VERSION.test(value)) fail(`${source}: versions.${daemon}`, `expected a version such as "2.6", got ${JSON.stringify(value)}`);
      versions[daemon] = value;
    }
  }

  const rules: Record<string, RuleSetting> = {};
  if (raw.rules !== undefined) {
    if (!isObject(raw.rules)) fail(`${source}: rules`, 'expected an object of rule ids');
    for (const [id, value] of Object.entries(raw.rules)) {
      const where = `${source}: rules.${id}`;
      if (!knownRules.has(id)) fail(where, 'unknown rule (see cfglint --list-rules)');
      if (Array.isArray(value)) {
        if (value.length < 1 || value.length > 2 || (value[1] !== undefined && !isObject(value[1]))) fail(where, 'expected [severity, {options}]');
        rules[id] = { severity: parseSeverity(where, value[0]), options: value[1] as Record<string, unknown> | undefined };
      } else {
        rules[id] = { severity: parseSeverity(where, value) };
      }
      if (rules[id].severity === 'off' && isUnsuppressible(id)) {
        fail(where, 'cannot be turned off: a file that does not read or parse cannot be vouched for (warn is allowed)');
      }
    }
  }

  let ignore: string[] = [];
  if (raw.ignore !== undefined) {
    if (!isStringArray(raw.ignore)) fail(`${source}: ignore`, 'expected a list of glob patterns');
    ignore = raw.ignore;
  }

  const nodes: Record<string, NodeConfig> = {};
  if (raw.nodes !== undefined) {
    if (!isObject(raw.nodes)) fail(`${source}: nodes`, 'expected an object of node names');
    for (const [name, value] of Object.entries(raw.nodes)) {
      const where = `${source}: nodes.${name}`;
      if (!isObject(value)) fail(where, 'expected { files, addresses?, configId? }');
      if (!isStringArray(value.files) || value.files.length === 0) fail(`${where}.files`, 'expected a non-empty list of paths');
      if (value.addresses !== undefined && !isStringArray(value.addresses)) fail(`${where}.addresses`, 'expected a list of IP addresses');
      if (value.configId !== undefined && typeof value.configId !== 'string') fail(`${where}.configId`, 'expected a string');
      nodes[name] = {
        files: value.files.map((f) => path.resolve(baseDir, f)),
        addresses: value.addresses as string[] | undefined,
        configId: value.configId as string | undefined,
      };
    }
  }

  const clusters: Record<string, string[]> = {};
  if (raw.clusters !== undefined) {
    if (!isObject(raw.clusters)) fail(`${source}: clusters`, 'expected an object of cluster names');
    for (const [name, value] of Object.entries(raw.clusters)) {
      const where = `${source}: clusters.${name}`;
      if (!isStringArray(value) || value.length === 0) fail(where, 'expected a non-empty list of node names');
      for (const node of value) if (!nodes[node]) fail(where, `unknown node '${node}' (declare it under nodes)`);
      clusters[name] = value;
    }
  }

  let keepalivedFirewall: CfglintConfig['keepalivedFirewall'];
  if (raw.keepalivedFirewall !== undefined) {
    if (raw.keepalivedFirewall !== 'nftables' && raw.keepalivedFirewall !== 'iptables') fail(`${source}: keepalivedFirewall`, 'expected "nftables" or "iptables"');
    keepalivedFirewall = raw.keepalivedFirewall;
  }

  return { configFile: source, versions, rules, ignore, nodes, clusters, keepalivedFirewall };
}

export const EMPTY_CONFIG: CfglintConfig = { versions: {}, rules: {}, ignore: [], nodes: {}, clusters: {} };

/**
 * Loads the configuration: the file given, or the nearest cfglint.config.* (or
 * package.json "cfglint" key) from `searchFrom` upwards; none found gives the defaults.
 */
export async function loadConfig(options: { file?: string; searchFrom: string; knownRules: ReadonlySet<string> }): Promise<CfglintConfig> {
  let found: { config: unknown; filepath: string } | null;
  try {
    found = options.file ? await explorer().load(path.resolve(options.file)) : await explorer().search(options.searchFrom);
  } catch (error) {
    const where = options.file ?? 'configuration';
    const reason = (error as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file' : (error as Error).message.split('\n')[0];
    throw new ConfigError(`${where}: ${reason}`);
  }
  if (!found) return { ...EMPTY_CONFIG };
  const raw = (found.config as { default?: unknown } | null)?.default ?? found.config;
  return validateConfig(raw, found.filepath, path.dirname(found.filepath), options.knownRules);
}
