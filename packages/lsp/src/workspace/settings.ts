import { EMPTY_CONFIG, loadConfig, ruleSummaries, type CfglintConfig } from '@cfglint/lint';

/** What the server needs to know from the editor and the project. */
export interface Settings {
  versions: { haproxy?: string; keepalived?: string };
  /** Rule id → severity; 'off' drops the rule's findings. */
  rules: Record<string, 'off' | 'warning' | 'error'>;
  /** Whether to read the project's cfglint.config.* file. */
  useConfigFile: boolean;
  /** Milliseconds of quiet after a change before the full check; 0 means at once. */
  diagnosticsDelay: number;
}

export const DEFAULT_SETTINGS: Settings = { versions: {}, rules: {}, useConfigFile: true, diagnosticsDelay: 0 };

const VERSION = /^\d+\.\d+(?:\.\d+)?$/;
const SEVERITY: Record<string, 'off' | 'warning' | 'error'> = { off: 'off', warn: 'warning', warning: 'warning', error: 'error', '0': 'off', '1': 'warning', '2': 'error' };

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/**
 * Reads the editor's `cfglint` settings (workspace/configuration or initializationOptions).
 * Anything malformed is ignored, never fatal: a bad setting must not stop the server.
 */
export function parseSettings(raw: unknown): Settings {
  const out: Settings = { versions: {}, rules: {}, useConfigFile: true, diagnosticsDelay: 0 };
  if (!isObject(raw)) return out;
  const source = isObject(raw.cfglint) ? raw.cfglint : raw;
  for (const daemon of ['haproxy', 'keepalived'] as const) {
    const v = source[`${daemon}Version`] ?? (isObject(source.versions) ? source.versions[daemon] : undefined);
    if (typeof v === 'string' && VERSION.test(v)) out.versions[daemon] = v;
  }
  if (isObject(source.rules)) {
    for (const [id, value] of Object.entries(source.rules)) {
      const sev = SEVERITY[String(Array.isArray(value) ? value[0] : value)];
      if (sev) out.rules[id] = sev;
    }
  }
  if (typeof source.useConfigFile === 'boolean') out.useConfigFile = source.useConfigFile;
  if (typeof source.diagnosticsDelay === 'number' && source.diagnosticsDelay >= 0) out.diagnosticsDelay = Math.min(source.diagnosticsDelay, 5000);
  return out;
}

/** The project's cfglint config file, as the CLI reads it. */
export interface ProjectConfig {
  config: CfglintConfig;
  /** Why the config could not be used, shown to the user once. */
  error?: string;
}

/** Finds and reads the nearest cfglint config from `dir` upwards, as the CLI does. */
export async function loadProjectConfig(dir: string): Promise<ProjectConfig> {
  try {
    return { config: await loadConfig({ searchFrom: dir, knownRules: new Set(ruleSummaries().keys()) }) };
  } catch (error) {
    return { config: EMPTY_CONFIG, error: (error as Error).message.split('\n')[0] };
  }
}

/** Editor settings win over the project's config file, which wins over the defaults. */
export function effectiveSettings(editor: Settings, project: ProjectConfig | undefined): Settings {
  if (!project || !editor.useConfigFile) return editor;
  const fromFile: Settings['rules'] = {};
  for (const [id, setting] of Object.entries(project.config.rules)) fromFile[id] = setting.severity;
  return {
    ...editor,
    versions: { ...project.config.versions, ...editor.versions },
    rules: { ...fromFile, ...editor.rules },
  };
}

/** The lint configuration for a check: the project's file (nodes, clusters, options) with the editor's severities. */
export function lintConfigFor(editor: Settings, project: ProjectConfig | undefined): CfglintConfig {
  const base = project && editor.useConfigFile ? project.config : EMPTY_CONFIG;
  const rules = { ...base.rules };
  for (const [id, severity] of Object.entries(editor.rules)) rules[id] = { ...rules[id], severity };
  return { ...base, rules };
}
