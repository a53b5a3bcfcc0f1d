import { guard } from '../guard.js';
import { occurrences, siteAt } from '../analysis/names.js';
import type { Feature } from './index.js';

export const referencesFeature: Feature = {
  name: 'references',
  register({ connection, documents, log }) {
    connection.onReferences(
      guard(log, 'references', ({ textDocument, position, context }) => {
        const doc = documents.get(textDocument.uri);
        if (!doc) return null;
        const at = siteAt(doc, doc.offsetAt(position));
        if (!at) return null;
        return occurrences(doc, at.site)
          .filter((o) => context.includeDeclaration || !o.definition)
          .map((o) => ({ uri: doc.uri, range: o.range }));
      }),
    );
    return { referencesProvider: true };
  },
};
