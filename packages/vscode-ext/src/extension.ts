import * as path from 'node:path';
import { commands, window, workspace, type ExtensionContext } from 'vscode';
import { LanguageClient, TransportKind, type LanguageClientOptions, type ServerOptions } from 'vscode-languageclient/node';

/*
 * A thin client: every feature lives in the language server (packages/lsp), which other
 * editors use too. The bundled server runs in a Node child process over IPC.
 */

let client: LanguageClient | undefined;

function serverOptions(context: ExtensionContext): ServerOptions {
  const custom = workspace.getConfiguration('cfglint').get<string | null>('server.path');
  const module = custom ? path.resolve(custom) : context.asAbsolutePath(path.join('dist', 'server.cjs'));
  return {
    run: { module, transport: TransportKind.ipc },
    debug: { module, transport: TransportKind.ipc, options: { execArgv: ['--nolazy', '--inspect=6009'] } },
  };
}

function clientOptions(): LanguageClientOptions {
  return {
    documentSelector: [
      { scheme: 'file', language: 'keepalived' },
      { scheme: 'file', language: 'haproxy' },
      { scheme: 'untitled', language: 'keepalived' },
      { scheme: 'untitled', language: 'haproxy' },
    ],
    // The server registers its own file watchers (peers' configs, the project's cfglint config).
  };
}

async function start(context: ExtensionContext): Promise<void> {
  client = new LanguageClient('cfglint', 'cfglint', serverOptions(context), clientOptions());
  await client.start();
}

export async function activate(context: ExtensionContext): Promise<void> {
  context.subscriptions.push(
    commands.registerCommand('cfglint.restartServer', async () => {
      if (client) {
        await client.stop();
        client = undefined;
      }
      await start(context);
      window.setStatusBarMessage('cfglint: language server restarted', 3000);
    }),
    commands.registerCommand('cfglint.showOutput', () => client?.outputChannel.show()),
  );
  await start(context);
}

export async function deactivate(): Promise<void> {
  await client?.stop();
}
