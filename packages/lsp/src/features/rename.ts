import { ResponseError, ErrorCodes } from 'vscode-languageserver';
import { guard } from '../guard.js';
import { occurrences, siteAt } from '../analysis/names.js';
import type { Feature } from './index.js';

/** What a new name may look like: one unquoted word the daemons accept as a name. */
const VALID_NAME = /^[A-Za-z0-9_.:-]+$/;

export const renameFeature: Feature = {
  name: 'rename',
  register({ connection, documents, log }) {
    connection.onPrepareRename(
      guard(log, 'prepareRename', ({ textDocument, position }) => {
        const doc = documents.get(textDocument.uri);
        const at = doc && siteAt(doc, doc.offsetAt(position));
        if (!at) return null;
        return { range: at.range, placeholder: at.site.name };
      }),
    );
    connection.onRenameRequest(
      guard(log, 'rename', ({ textDocument, position, newName }) => {
        const doc = documents.get(textDocument.uri);
        const at = doc && siteAt(doc, doc.offsetAt(position));
        if (!doc || !at) return null;
        if (!VALID_NAME.test(newName)) {
          throw new ResponseError(ErrorCodes.InvalidParams, `'${newName}' is not a valid name: use letters, digits, '_', '.', ':' or '-'`);
        }
        const edits = occurrences(doc, at.site).map((o) => ({ range: o.range, newText: newName }));
        return { changes: { [doc.uri]: edits } };
      }),
    );
    return { renameProvider: { prepareProvider: true } };
  },
};
