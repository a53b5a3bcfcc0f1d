import { haproxyRule } from '../../engine/contexts.js';
import { backendReferences } from './backend-references.js';
import { hasVariable, isDisabled, isFragment, sectionNameSpan } from './locate.js';

export default haproxyRule({
  id: 'haproxy/backend-unused',
  meta: {
    type: 'suggestion',
    severity: 'warning',
    description: 'A backend that no use_backend or default_backend routes to and nothing else names: it receives no traffic',
  },
  messages: {
    unused:
      "backend '{{name}}' is never used: no use_backend or default_backend routes to it and no other line names it, so its servers receive no traffic (a renamed backend or a forgotten use_backend?)",
    unusedTable: "backend '{{name}}' only holds a stick table, and no line tracks into it or reads it ('table {{name}}', sc_*/table_* fetches): the table stays empty",
  },
  defaultOptions: {},
  check({ model, document, report }) {
    // Frontends of other files may route here: a conf.d piece, or a file without any frontend.
    if (isFragment(document.filePath)) return;
    if (!model.proxies.some((p) => p.capabilities.frontend && !p.undecided && !isDisabled(p))) return;
    const refs = backendReferences(model);
    if (refs.patterns.some((p) => p.any)) return;
    // SPOE agents are named in the SPOE file, which this file does not include.
    const spoe = model.proxies.some((p) => p.settings.some((s) => s.keyword === 'filter' && s.values[0] === 'spoe'));
    for (const backend of model.proxies) {
      if (backend.kind !== 'backend' || backend.undecided || hasVariable(backend.nameWord) || isDisabled(backend)) continue;
      const name = backend.name;
      if (refs.routed.has(name) || refs.patterns.some((p) => p.regex.test(name)) || refs.mentioned().has(name)) continue;
      if (spoe && backend.effective.mode === 'tcp') continue;
      const table = backend.servers.length === 0 && backend.settings.some((s) => s.keyword === 'stick-table');
      report({ messageId: table ? 'unusedTable' : 'unused', data: { name }, at: sectionNameSpan(backend) });
    }
  },
});
