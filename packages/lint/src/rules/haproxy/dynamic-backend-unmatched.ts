import { haproxyRule } from '../../engine/contexts.js';
import { backendReferences } from './backend-references.js';
import { isFragment, wordSpan } from './locate.js';

export default haproxyRule({
  id: 'haproxy/dynamic-backend-unmatched',
  meta: {
    type: 'problem',
    severity: 'warning',
    description: 'A use_backend whose run-time name (be_%[…]) can match no backend of the file',
  },
  messages: {
    unmatched:
      "use_backend builds its backend name at run time as '{{shape}}', but no backend or listen section has a name of that shape: the lookup always fails and {{fallback}}",
  },
  defaultOptions: {},
  check({ model, document, report }) {
    // The backends of a conf.d piece may live in the other files.
    if (isFragment(document.filePath)) return;
    const names = [...model.backends.keys()];
    const matches = new Map<string, boolean>();
    for (const { route, pattern, proxy } of backendReferences(model).dynamic) {
      // `${VAR}` names depend on the environment; only log-format expressions are judged.
      if (!route.dynamic || route.backendWord.text.includes('${') || route.setting.undecided || pattern.any) continue;
      let matched = matches.get(pattern.shape);
      if (matched === undefined) matches.set(pattern.shape, (matched = names.some((n) => pattern.regex.test(n))));
      if (matched) continue;
      const fallback = (proxy.defaultBackend ?? proxy.effective.defaultBackend)
        ? 'the request goes to default_backend (HAProxy stops at this line and skips the use_backend lines after it)'
        : proxy.kind === 'listen'
          ? "the request stays with the listen section's own servers"
          : 'with no default_backend the request gets a 503 error';
      report({
        messageId: 'unmatched',
        data: { shape: pattern.shape, fallback },
        at: wordSpan(route.setting.fileName, route.backendWord),
      });
    }
  },
});
