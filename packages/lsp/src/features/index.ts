import type { ClientCapabilities, Connection, ServerCapabilities } from 'vscode-languageserver';
import type { ConfigDocument } from '../document/config-document.js';
import type { Logger } from '../guard.js';
import type { DocumentStore } from '../workspace/document-store.js';
import type { Settings } from '../workspace/settings.js';
import type { DiagnosticsService } from './diagnostics.js';
import { codeActionsFeature } from './code-actions.js';
import { completionFeature } from './completion.js';
import { definitionFeature } from './definition.js';
import { documentSymbolsFeature } from './document-symbols.js';
import { foldingRangesFeature } from './folding-ranges.js';
import { formattingFeature } from './formatting.js';
import { hoverFeature } from './hover.js';
import { referencesFeature } from './references.js';
import { renameFeature } from './rename.js';
import { semanticTokensFeature } from './semantic-tokens.js';

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

export const FEATURES: Feature[] = [
  definitionFeature,
  referencesFeature,
  renameFeature,
  documentSymbolsFeature,
  foldingRangesFeature,
  semanticTokensFeature,
  formattingFeature,
  codeActionsFeature,
  completionFeature,
  hoverFeature,
];
