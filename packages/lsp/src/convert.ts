import { pathToFileURL, fileURLToPath } from 'node:url';
import * as path from 'node:path';
import { DiagnosticSeverity, type Diagnostic as LspDiagnostic } from 'vscode-languageserver';
import type { Finding } from './analysis/full-check.js';

export function uriToPath(uri: string): string {
  if (uri.startsWith('file:')) {
    try {
      return fileURLToPath(uri);
    } catch {
      // fall through: a malformed file URI is treated as an opaque name
    }
  }
  return uri;
}

export function pathToUri(fileName: string): string {
  return path.isAbsolute(fileName) ? pathToFileURL(fileName).href : fileName;
}

const SEVERITY = { error: DiagnosticSeverity.Error, warning: DiagnosticSeverity.Warning, info: DiagnosticSeverity.Information } as const;

/** Our finding as an LSP diagnostic; `index` lets code actions find the finding again. */
export function toLspDiagnostic(finding: Finding, index: number): LspDiagnostic {
  const diagnostic: LspDiagnostic = {
    range: finding.range,
    severity: SEVERITY[finding.severity] ?? DiagnosticSeverity.Warning,
    code: finding.code,
    source: 'cfglint',
    message: finding.message,
    data: { index },
  };
  if (finding.related?.length) {
    diagnostic.relatedInformation = finding.related.map((r) => ({
      location: { uri: pathToUri(r.location.fileName), range: r.location.range },
      message: r.message,
    }));
  }
  return diagnostic;
}
