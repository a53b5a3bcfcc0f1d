import * as path from 'node:path';
import { CodeActionKind, type CodeAction, type Diagnostic as LspDiagnostic, type TextEdit } from 'vscode-languageserver';
import type { Finding, OffsetEdit } from '../analysis/full-check.js';
import type { ConfigDocument } from '../document/config-document.js';
import { guard } from '../guard.js';
import type { Feature } from './index.js';

const DIRECTIVE = /^(\s*)([#!])\s*cfglint-disable-next-line\s+([^-\n]*?)(\s+--.*)?\s*$/;

/** Syntax errors cannot be suppressed: the daemon refuses the file whatever the comment says. */
const suppressible = (code: string) => !code.startsWith('lex/') && !code.startsWith('parse/');

/**
 * The edit that suppresses `ruleId` on `line`: a `# cfglint-disable-next-line` comment
 * above it, indented like it, or the rule added to such a comment already there.
 */
export function suppressionEdit(doc: ConfigDocument, line: number, ruleId: string): TextEdit {
  const above = line > 0 ? doc.lineText(line - 1) : undefined;
  const m = above !== undefined ? DIRECTIVE.exec(above) : null;
  if (m && above !== undefined) {
    const ids = m[3].split(/[\s,]+/).filter(Boolean);
    if (!ids.includes(ruleId)) ids.push(ruleId);
    const text = `${m[1]}${m[2]} cfglint-disable-next-line ${ids.join(', ')}${m[4] ?? ''}`;
    return { range: { start: { line: line - 1, character: 0 }, end: { line: line - 1, character: above.length } }, newText: text };
  }
  const indent = /^\s*/.exec(doc.lineText(line))![0];
  return { range: { start: { line, character: 0 }, end: { line, character: 0 } }, newText: `${indent}# cfglint-disable-next-line ${ruleId}\n` };
}

function toTextEdits(doc: ConfigDocument, edits: OffsetEdit[]): TextEdit[] | undefined {
  const out: TextEdit[] = [];
  for (const e of edits) {
    if (path.resolve(e.fileName) !== doc.fileName) return undefined; // fixes in other files: not offered from here
    out.push({ range: { start: doc.positionAt(e.start), end: doc.positionAt(e.end) }, newText: e.text });
  }
  return out;
}

export const codeActionsFeature: Feature = {
  name: 'codeAction',
  register({ connection, documents, diagnostics, log }) {
    connection.onCodeAction(
      guard(log, 'codeAction', ({ textDocument, context }) => {
        const doc = documents.get(textDocument.uri);
        if (!doc) return null;
        const published = diagnostics.findingsOf(doc.uri);
        const fixesValid = diagnostics.fixesCurrent(doc);
        const actions: CodeAction[] = [];
        const suppressed = new Set<string>();
        for (const d of context.diagnostics as LspDiagnostic[]) {
          if (d.source !== 'cfglint' || typeof d.code !== 'string') continue;
          const index = (d.data as { index?: number } | undefined)?.index;
          const finding: Finding | undefined = index !== undefined ? published[index] : undefined;
          const same = finding && finding.code === d.code && finding.range.start.line === d.range.start.line && finding.range.start.character === d.range.start.character;
          if (same && fixesValid && finding.fix?.length) {
            const edits = toTextEdits(doc, finding.fix);
            if (edits) actions.push({ title: `Fix: ${finding.message}`, kind: CodeActionKind.QuickFix, diagnostics: [d], isPreferred: true, edit: { changes: { [doc.uri]: edits } } });
          }
          if (same && fixesValid) {
            for (const s of finding.suggestions ?? []) {
              const edits = toTextEdits(doc, s.edits);
              if (edits) actions.push({ title: s.description, kind: CodeActionKind.QuickFix, diagnostics: [d], edit: { changes: { [doc.uri]: edits } } });
            }
          }
          const key = `${d.code}@${d.range.start.line}`;
          if (suppressible(d.code) && !suppressed.has(key)) {
            suppressed.add(key);
            actions.push({
              title: `Disable ${d.code} for this line`,
              kind: CodeActionKind.QuickFix,
              diagnostics: [d],
              edit: { changes: { [doc.uri]: [suppressionEdit(doc, d.range.start.line, d.code)] } },
            });
          }
        }
        return actions;
      }),
    );
    return { codeActionProvider: { codeActionKinds: [CodeActionKind.QuickFix] } };
  },
};
