import { existsSync } from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { createConnection, ProposedFeatures } from 'vscode-languageserver/node';
import { SERVER_NAME, SERVER_VERSION, startServer } from './server.js';

const USAGE = `Usage: ${SERVER_NAME} --stdio | --node-ipc | --socket=PORT | --pipe=NAME

The cfglint language server for keepalived.conf and haproxy.cfg. Editors start it and
talk the Language Server Protocol over the chosen transport.
  --stdio        standard input and output (Neovim, Helix, Emacs/eglot, most editors)
  --node-ipc     Node IPC channel (VS Code's default for Node servers)
  --version      print the version
`;

const args = process.argv.slice(2);
if (args.includes('--version') || args.includes('-v')) {
  process.stdout.write(`${SERVER_VERSION}\n`);
  process.exit(0);
}
if (args.includes('--help') || args.includes('-h') || !args.some((a) => /^--(stdio|node-ipc|socket|pipe|clientProcessId)/.test(a))) {
  (args.includes('--help') || args.includes('-h') ? process.stdout : process.stderr).write(USAGE);
  process.exit(args.includes('--help') || args.includes('-h') ? 0 : 2);
}

// The check worker sits beside this bundle (server.js → check-worker.js).
const here = fileURLToPath(import.meta.url);
const workerFile = path.join(path.dirname(here), `check-worker${path.extname(here)}`);

const connection = createConnection(ProposedFeatures.all);
// Never die on a stray error: log it and keep serving.
process.on('uncaughtException', (error) => connection.console.error(`uncaught: ${error.stack ?? error.message}`));
process.on('unhandledRejection', (reason) => connection.console.error(`unhandled rejection: ${String(reason)}`));
startServer(connection, { workerFile: existsSync(workerFile) ? workerFile : undefined });
