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

/** The project config, reduced to what the server uses. */
export interface ProjectConfig {
  configFile?: string;
  versions: { haproxy?: string; keepalived?: string };
  rules: Record<string, 'off' | 'warning' | 'error'>;
  /** Node name → absolute file paths, when the config names the cluster's hosts. */
  nodes: Record<string, string[]>;
  /** Why the config could not be used, shown to the user once. */
  error?: string;
}

type LoadConfig = (options: { searchFrom: string; knownRules: ReadonlySet<string> }) => Promise<{
  configFile?: string;
  versions: { haproxy?: string; keepalived?: string };
  rules: Record<string, { severity: 'off' | 'warning' | 'error' }>;
  nodes: Record<string, { files: string[] }>;
}>;

/** Any rule id is accepted here: the CLI reports unknown ids, the editor should keep working. */
const ANY_RULE: ReadonlySet<string> = { has: () => true } as unknown as ReadonlySet<string>;

/** Finds and reads the nearest cfglint config from `dir` upwards (through @cfglint/lint's loader). */
export async function loadProjectConfig(dir: string): Promise<ProjectConfig> {
  let loadConfig: LoadConfig | undefined;
  try {
    // Loaded on first use: the config loader (and its YAML parser) costs nothing until a project needs it.
    const lint = (await import('@cfglint/lint')) as Record<string, unknown>;
    loadConfig = lint.loadConfig as LoadConfig | undefined;
  } catch {
    loadConfig = undefined;
  }
  if (!loadConfig) return { versions: {}, rules: {}, nodes: {} };
  try {
    const config = await loadConfig({ searchFrom: dir, knownRules: ANY_RULE });
    const rules: ProjectConfig['rules'] = {};
    for (const [id, setting] of Object.entries(config.rules)) rules[id] = setting.severity;
    const nodes: ProjectConfig['nodes'] = {};
    for (const [name, node] of Object.entries(config.nodes)) nodes[name] = node.files;
    return { configFile: config.configFile, versions: config.versions, rules, nodes };
  } catch (error) {
    return { versions: {}, rules: {}, nodes: {}, error: (error as Error).message.split('\n')[0] };
  }
}

/** Editor settings win over the project's config file, which wins over the defaults. */
export function effectiveSettings(editor: Settings, project: ProjectConfig | undefined): Settings {
  if (!project || !editor.useConfigFile) return editor;
  return {
    ...editor,
    versions: { ...project.versions, ...editor.versions },
    rules: { ...project.rules, ...editor.rules },
  };
}
