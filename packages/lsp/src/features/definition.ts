import { guard } from '../guard.js';
import { occurrences, siteAt } from '../analysis/names.js';
import type { Feature } from './index.js';

/** Go to definition: backends, ACLs, servers, userlists, resolvers, peers, vrrp_script, instances, groups, $VARIABLES. */
export const definitionFeature: Feature = {
  name: 'definition',
  register({ connection, documents, log }) {
    connection.onDefinition(
      guard(log, 'definition', ({ textDocument, position }) => {
        const doc = documents.get(textDocument.uri);
        if (!doc) return null;
        const at = siteAt(doc, doc.offsetAt(position));
        if (!at) return null;
        const defs = occurrences(doc, at.site).filter((o) => o.definition);
        return defs.map((d) => ({ uri: doc.uri, range: d.range }));
      }),
    );
    return { definitionProvider: true };
  },
};
