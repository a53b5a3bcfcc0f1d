import * as path from 'node:path';
import {
  DidChangeConfigurationNotification,
  DidChangeWatchedFilesNotification,
  FileChangeType,
  TextDocumentSyncKind,
  type Connection,
  type InitializeResult,
  type ServerCapabilities,
} from 'vscode-languageserver';
import { createChecker, type Checker } from './analysis/checker.js';
import { uriToPath } from './convert.js';
import type { ConfigDocument } from './document/config-document.js';
import { DiagnosticsService } from './features/diagnostics.js';
import { FEATURES, type ServerContext } from './features/index.js';
import { guardNotification } from './guard.js';
import { DocumentStore } from './workspace/document-store.js';
import { PeerFinder } from './workspace/peers.js';
import {
  DEFAULT_SETTINGS,
  effectiveSettings,
  lintConfigFor,
  loadProjectConfig,
  parseSettings,
  type ProjectConfig,
  type Settings,
} from './workspace/settings.js';

export interface ServerOptions {
  /** The bundled check worker; without one, full checks run on the main thread. */
  workerFile?: string;
  /** Where log lines go besides the client's log (tests, benchmarks). */
  onLog?: (message: string) => void;
}

export const SERVER_NAME = 'cfglint-language-server';
declare const CFGLINT_VERSION: string | undefined;
export const SERVER_VERSION = typeof CFGLINT_VERSION === 'string' ? CFGLINT_VERSION : '0.1.0';

const WATCHED = [
  '**/{keepalived.conf,*.keepalived.conf,haproxy.cfg,*.haproxy.cfg}',
  '**/keepalived/**/*.conf',
  '**/haproxy/**/*.cfg',
  '**/cfglint.config.{json,yaml,yml,js,mjs,cjs}',
];

/**
 * Wires the language server onto a connection (stdio, IPC, or a stream pair in tests).
 * Nothing here is global: two servers can share a process.
 */
export function startServer(connection: Connection, options: ServerOptions = {}): { dispose(): Promise<void> } {
  const log = (message: string) => {
    options.onLog?.(message);
    try {
      connection.console.log(message);
    } catch {
      // the connection may be gone while shutting down
    }
  };
  const documents = new DocumentStore();
  const peers = new PeerFinder();
  const checker: Checker = createChecker(options.workerFile);
  let editorSettings: Settings = DEFAULT_SETTINGS;
  let supportsConfiguration = false;
  const projects = new Map<string, ProjectConfig>();
  const loadingProjects = new Set<string>();

  const projectFor = (doc: ConfigDocument): ProjectConfig | undefined => {
    if (!path.isAbsolute(doc.fileName)) return undefined;
    const dir = path.dirname(doc.fileName);
    const known = projects.get(dir);
    if (known || loadingProjects.has(dir) || !editorSettings.useConfigFile) return known;
    loadingProjects.add(dir);
    void loadProjectConfig(dir).then((config) => {
      loadingProjects.delete(dir);
      projects.set(dir, config);
      if (config.error) void Promise.resolve(connection.window.showWarningMessage(`cfglint: ${config.error}`)).catch(() => undefined);
      if (config.config.configFile || config.error) diagnostics.recheckAll();
    });
    return undefined;
  };
  const settingsFor = (doc: ConfigDocument): Settings => effectiveSettings(editorSettings, projectFor(doc));
  const nodesFor = (doc: ConfigDocument): Record<string, string[]> => {
    const project = editorSettings.useConfigFile ? projectFor(doc) : undefined;
    return Object.fromEntries(Object.entries(project?.config.nodes ?? {}).map(([name, node]) => [name, node.files]));
  };
  const diagnostics = new DiagnosticsService({
    connection,
    documents,
    checker,
    peers,
    settingsFor,
    lintConfigFor: (doc) => lintConfigFor(editorSettings, projectFor(doc)),
    nodesFor,
    log,
  });
  const context: ServerContext = { connection, documents, diagnostics, settingsFor, log };

  connection.onInitialize((params): InitializeResult => {
    const caps = params.capabilities;
    supportsConfiguration = caps.workspace?.configuration === true;
    editorSettings = parseSettings(params.initializationOptions);
    const capabilities: ServerCapabilities = {
      textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental },
    };
    for (const feature of FEATURES) Object.assign(capabilities, feature.register(context, caps));
    return { capabilities, serverInfo: { name: SERVER_NAME, version: SERVER_VERSION } };
  });

  connection.onInitialized(
    guardNotification(log, 'initialized', async () => {
      if (supportsConfiguration) {
        await connection.client.register(DidChangeConfigurationNotification.type, { section: 'cfglint' }).catch(() => undefined);
        await refreshSettings();
        // documents opened while the settings were on their way were checked with the defaults
        diagnostics.recheckAll();
      }
      await connection.client.register(DidChangeWatchedFilesNotification.type, { watchers: WATCHED.map((globPattern) => ({ globPattern })) }).catch(() => undefined);
    }),
  );

  const refreshSettings = async () => {
    if (!supportsConfiguration) return;
    const [raw] = await connection.workspace.getConfiguration([{ section: 'cfglint' }]);
    editorSettings = parseSettings(raw);
  };

  connection.onDidChangeConfiguration(
    guardNotification(log, 'didChangeConfiguration', async (params) => {
      if (supportsConfiguration) await refreshSettings();
      else editorSettings = parseSettings(params.settings);
      projects.clear();
      diagnostics.recheckAll();
    }),
  );

  connection.onDidChangeWatchedFiles(
    guardNotification(log, 'didChangeWatchedFiles', (params) => {
      let configChanged = false;
      for (const change of params.changes) {
        const fileName = uriToPath(change.uri);
        if (/^cfglint\.config\./.test(path.basename(fileName))) {
          configChanged = true;
          continue;
        }
        if (change.type !== FileChangeType.Changed) peers.invalidate();
        diagnostics.fileChanged(fileName);
      }
      if (configChanged) {
        projects.clear();
        diagnostics.recheckAll();
      }
    }),
  );

  connection.onDidOpenTextDocument(
    guardNotification(log, 'didOpen', ({ textDocument: t }) => {
      const doc = documents.open(t.uri, t.languageId, t.version, t.text);
      if (!doc) return;
      diagnostics.opened(doc);
      diagnostics.fileChanged(doc.fileName);
    }),
  );

  connection.onDidChangeTextDocument(
    guardNotification(log, 'didChange', ({ textDocument, contentChanges }) => {
      const doc = documents.change(textDocument.uri, textDocument.version ?? 0, contentChanges);
      if (!doc) return;
      diagnostics.changed(doc, contentChanges);
      diagnostics.fileChanged(doc.fileName, { whileTyping: true });
    }),
  );

  connection.onDidCloseTextDocument(
    guardNotification(log, 'didClose', ({ textDocument }) => {
      const doc = documents.close(textDocument.uri);
      diagnostics.closed(textDocument.uri);
      if (doc) diagnostics.fileChanged(doc.fileName);
    }),
  );

  connection.onShutdown(async () => {
    await checker.dispose();
  });

  connection.listen();
  return { dispose: () => checker.dispose() };
}
