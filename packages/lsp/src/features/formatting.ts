import { FormatSyntaxError, formatRange, formatText, type FormatOptions } from '@cfglint/prettier-plugin';
import type { FormattingOptions, TextEdit } from 'vscode-languageserver';
import type { ConfigDocument } from '../document/config-document.js';
import { guard } from '../guard.js';
import type { Feature } from './index.js';

const optionsFrom = (o: FormattingOptions): FormatOptions => ({ tabWidth: o.tabSize, useTabs: !o.insertSpaces });

/** The formatter refuses files with syntax errors (it never rewrites what it cannot read). */
const isSyntaxError = (error: unknown) => error instanceof FormatSyntaxError;

/**
 * One edit covering only the lines that differ, so the cursor and undo history of
 * untouched lines stay where they were.
 */
export function minimalEdit(doc: ConfigDocument, formatted: string): TextEdit[] {
  const before = doc.text;
  if (before === formatted) return [];
  let start = 0;
  const max = Math.min(before.length, formatted.length);
  while (start < max && before.charCodeAt(start) === formatted.charCodeAt(start)) start++;
  // back to a line start so the edit is whole lines
  while (start > 0 && before.charCodeAt(start - 1) !== 10) start--;
  let endB = before.length;
  let endF = formatted.length;
  while (endB > start && endF > start && before.charCodeAt(endB - 1) === formatted.charCodeAt(endF - 1)) {
    endB--;
    endF--;
  }
  while (endB < before.length && before.charCodeAt(endB - 1) !== 10 && endF < formatted.length) {
    endB++;
    endF++;
  }
  return [{ range: { start: doc.positionAt(start), end: doc.positionAt(endB) }, newText: formatted.slice(start, endF) }];
}

export const formattingFeature: Feature = {
  name: 'formatting',
  register({ connection, documents, log }) {
    connection.onDocumentFormatting(
      guard(log, 'formatting', ({ textDocument, options }) => {
        const doc = documents.get(textDocument.uri);
        if (!doc) return null;
        try {
          return minimalEdit(doc, formatText(doc.text, doc.language, optionsFrom(options), doc.fileName));
        } catch (error) {
          if (isSyntaxError(error)) return [];
          throw error;
        }
      }),
    );
    connection.onDocumentRangeFormatting(
      guard(log, 'rangeFormatting', ({ textDocument, range, options }) => {
        const doc = documents.get(textDocument.uri);
        if (!doc) return null;
        try {
          const edit = formatRange(doc.text, doc.language, range, optionsFrom(options), doc.fileName);
          return edit ? [edit] : [];
        } catch (error) {
          if (isSyntaxError(error)) return [];
          throw error;
        }
      }),
    );
    return { documentFormattingProvider: true, documentRangeFormattingProvider: true };
  },
};
