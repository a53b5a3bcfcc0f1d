import type { ClientCapabilities, Connection, ServerCapabilities } from 'vscode-languageserver';
import type { ConfigDocument } from '../document/config-document.js';
import type { Logger } from '../guard.js';
import type { DocumentStore } from '../workspace/document-store.js';
import type { Settings } from '../workspace/settings.js';
import type { DiagnosticsService } from './diagnostics.js';

/** What a feature may use. */
export interface ServerContext {
  connection: Connection;
  documents: DocumentStore;
  diagnostics: DiagnosticsService;
  settingsFor(doc: ConfigDocument): Settings;
  log: Logger;
}

/** One LSP feature: registers its handlers and returns the capabilities it adds. */
export interface Feature {
  name: string;
  register(context: ServerContext, client: ClientCapabilities): ServerCapabilities;
}

export const FEATURES: Feature[] = [];
