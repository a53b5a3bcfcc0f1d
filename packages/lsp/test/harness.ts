import { spawn, type ChildProcess } from 'node:child_process';
import { PassThrough } from 'node:stream';
import { pathToFileURL } from 'node:url';
import {
  createMessageConnection,
  StreamMessageReader,
  StreamMessageWriter,
  type MessageConnection,
} from 'vscode-jsonrpc/node';
import type { Diagnostic, InitializeResult, PublishDiagnosticsParams } from 'vscode-languageserver';
import { createConnection } from 'vscode-languageserver/node';
import { startServer } from '../src/server.js';

/**
 * A language client for tests: it speaks JSON-RPC to the server, either in process over
 * a pair of streams (the server's TypeScript sources) or to the bundled server started
 * as a child process over stdio. Tests only ever use the protocol.
 */
export interface TestClient {
  connection: MessageConnection;
  initializeResult: InitializeResult;
  /** Every publishDiagnostics received, oldest first. */
  published: PublishDiagnosticsParams[];
  /** Log lines the server sent (window/logMessage). */
  logs: string[];
  open(fileName: string, text: string, languageId?: string): Promise<string>;
  change(uri: string, version: number, changes: { range?: Range; text: string }[]): Promise<void>;
  close(uri: string): Promise<void>;
  /** Resolves with the first diagnostics for `uri` (published after the call) that satisfy `accept`. */
  diagnostics(uri: string, accept?: (d: Diagnostic[]) => boolean, timeoutMs?: number): Promise<Diagnostic[]>;
  request<R>(method: string, params: unknown): Promise<R>;
  notify(method: string, params: unknown): Promise<void>;
  /** Settings returned for workspace/configuration requests. */
  settings: Record<string, unknown>;
  shutdown(): Promise<void>;
}

export interface Range {
  start: { line: number; character: number };
  end: { line: number; character: number };
}

export interface ClientOptions {
  initializationOptions?: unknown;
  settings?: Record<string, unknown>;
  rootPath?: string;
  /** Pull settings with workspace/configuration (default true). */
  configuration?: boolean;
}

const languageOf = (fileName: string) => (/\.cfg$/.test(fileName) ? 'haproxy' : 'keepalived');

async function wire(connection: MessageConnection, options: ClientOptions, onShutdown: () => Promise<void>): Promise<TestClient> {
  const published: PublishDiagnosticsParams[] = [];
  const logs: string[] = [];
  const waiters: { uri: string; accept: (d: Diagnostic[]) => boolean; resolve: (d: Diagnostic[]) => void }[] = [];
  const client = { settings: options.settings ?? {} } as TestClient;

  connection.onNotification('textDocument/publishDiagnostics', (params: PublishDiagnosticsParams) => {
    published.push(params);
    for (let i = waiters.length - 1; i >= 0; i--) {
      const w = waiters[i];
      if (w.uri === params.uri && w.accept(params.diagnostics)) {
        waiters.splice(i, 1);
        w.resolve(params.diagnostics);
      }
    }
  });
  connection.onNotification('window/logMessage', (p: { message: string }) => {
    logs.push(p.message);
  });
  connection.onNotification('window/showMessage', (p: { message: string }) => {
    logs.push(p.message);
  });
  connection.onRequest('workspace/configuration', (p: { items: { section?: string }[] }) => p.items.map(() => client.settings));
  connection.onRequest('client/registerCapability', () => null);
  connection.onRequest('window/showMessageRequest', (p: { message: string }) => {
    logs.push(p.message);
    return null;
  });
  connection.onRequest('window/workDoneProgress/create', () => null);
  connection.listen();

  const rootUri = options.rootPath ? pathToFileURL(options.rootPath).href : null;
  const initializeResult = (await connection.sendRequest('initialize', {
    processId: process.pid,
    rootUri,
    workspaceFolders: rootUri ? [{ uri: rootUri, name: 'root' }] : null,
    initializationOptions: options.initializationOptions,
    capabilities: {
      workspace: { configuration: options.configuration ?? true, didChangeWatchedFiles: { dynamicRegistration: true }, didChangeConfiguration: { dynamicRegistration: true } },
      textDocument: {
        publishDiagnostics: { relatedInformation: true, versionSupport: true },
        completion: { completionItem: { snippetSupport: true, documentationFormat: ['markdown', 'plaintext'] } },
        hover: { contentFormat: ['markdown', 'plaintext'] },
        documentSymbol: { hierarchicalDocumentSymbolSupport: true },
        rename: { prepareSupport: true },
        codeAction: { codeActionLiteralSupport: { codeActionKind: { valueSet: ['quickfix'] } } },
      },
    },
  })) as InitializeResult;
  await connection.sendNotification('initialized', {});

  const versions = new Map<string, number>();
  Object.assign(client, {
    connection,
    initializeResult,
    published,
    logs,
    async open(fileName: string, text: string, languageId = languageOf(fileName)) {
      const uri = pathToFileURL(fileName).href;
      versions.set(uri, 1);
      await connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId, version: 1, text } });
      return uri;
    },
    async change(uri: string, version: number, changes: { range?: Range; text: string }[]) {
      await connection.sendNotification('textDocument/didChange', { textDocument: { uri, version }, contentChanges: changes });
    },
    async close(uri: string) {
      await connection.sendNotification('textDocument/didClose', { textDocument: { uri } });
    },
    diagnostics(uri: string, accept: (d: Diagnostic[]) => boolean = () => true, timeoutMs = 10_000) {
      return new Promise<Diagnostic[]>((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`no matching diagnostics for ${uri} within ${timeoutMs} ms; last: ${JSON.stringify(published.filter((p) => p.uri === uri).at(-1)?.diagnostics.map((d) => d.message))}`)), timeoutMs);
        waiters.push({ uri, accept, resolve: (d) => (clearTimeout(timer), resolve(d)) });
      });
    },
    request: <R>(method: string, params: unknown) => connection.sendRequest(method, params) as Promise<R>,
    notify: (method: string, params: unknown) => connection.sendNotification(method, params),
    async shutdown() {
      try {
        await connection.sendRequest('shutdown');
        await connection.sendNotification('exit');
      } finally {
        connection.dispose();
        await onShutdown();
      }
    },
  });
  return client;
}

/** The server from its sources, in this process, over a pair of streams. */
export async function startInProcess(options: ClientOptions = {}): Promise<TestClient> {
  const toServer = new PassThrough();
  const toClient = new PassThrough();
  const serverConnection = createConnection(new StreamMessageReader(toServer), new StreamMessageWriter(toClient));
  const server = startServer(serverConnection);
  const clientConnection = createMessageConnection(new StreamMessageReader(toClient), new StreamMessageWriter(toServer));
  return wire(clientConnection, options, async () => {
    serverConnection.dispose();
    await server.dispose();
  });
}

/** The bundled server as editors run it: `node <bundle> --stdio`. */
export async function startProcess(bundle: string, options: ClientOptions = {}): Promise<TestClient & { child: ChildProcess; stderr: () => string }> {
  const child = spawn(process.execPath, [bundle, '--stdio'], { stdio: ['pipe', 'pipe', 'pipe'] });
  let stderr = '';
  child.stderr!.on('data', (d) => (stderr += d));
  const connection = createMessageConnection(new StreamMessageReader(child.stdout!), new StreamMessageWriter(child.stdin!));
  const client = await wire(connection, options, async () => {
    if (child.exitCode === null) {
      await new Promise<void>((resolve) => {
        const timer = setTimeout(() => {
          child.kill('SIGKILL');
          resolve();
        }, 3000);
        child.once('exit', () => (clearTimeout(timer), resolve()));
      });
    }
  });
  return Object.assign(client, { child, stderr: () => stderr });
}

/**
 * Splits `<|>` cursor markers out of a text: returns the clean text and the cursor
 * positions, in order.
 */
export function cursors(marked: string): { text: string; positions: { line: number; character: number }[] } {
  const positions: { line: number; character: number }[] = [];
  let text = '';
  let line = 0;
  let character = 0;
  for (let i = 0; i < marked.length; i++) {
    if (marked.startsWith('<|>', i)) {
      positions.push({ line, character });
      i += 2;
      continue;
    }
    const c = marked[i];
    text += c;
    if (c === '\n') {
      line++;
      character = 0;
    } else character++;
  }
  return { text, positions };
}
