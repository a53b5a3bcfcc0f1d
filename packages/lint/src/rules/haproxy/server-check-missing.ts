import type { HaServer } from '@cfglint/parser';
import { haproxyRule } from '../../engine/contexts.js';
import { fillMessage } from '../../engine/rule.js';
import { proxyLabel, wordSpan } from './locate.js';

/** Watched by HAProxy: its own health check, another server's (track), or an agent. */
function isWatched(server: HaServer): boolean {
  if (server.check || server.track) return true;
  return server.options.some((o) => o.name === 'agent-check');
}

export default haproxyRule({
  id: 'haproxy/server-check-missing',
  meta: {
    type: 'problem',
    severity: 'warning',
    description: "A server without 'check' beside servers of the same backend that have it",
    hasSuggestions: true,
  },
  messages: {
    missing:
      "server '{{name}}' has no 'check' while '{{sibling}}' in {{where}} has one: HAProxy never marks '{{name}}' down, so when it fails it keeps getting its share of requests, and they fail",
    add: "Add 'check' to server '{{name}}'",
  },
  defaultOptions: {},
  check({ model, document, report, messages }) {
    for (const proxy of model.proxies) {
      if (proxy.servers.length < 2 || proxy.undecided) continue;
      const watched = proxy.servers.find((s) => !s.setting.undecided && isWatched(s));
      if (!watched) continue;
      for (const server of proxy.servers) {
        // A backup server is often a deliberate last resort (a sorry page) left unchecked.
        if (server === watched || server.disabled || server.backup || server.setting.undecided || isWatched(server)) continue;
        const text = document.source(server.setting.fileName)?.text;
        // `check` goes right after the address.
        const after = server.addressWord ?? server.nameWord;
        const edit = text === undefined ? undefined : { fileName: server.setting.fileName, start: after.end, end: after.end, text: ' check' };
        report({
          messageId: 'missing',
          data: { name: server.name, sibling: watched.name, where: proxyLabel(proxy) },
          at: wordSpan(server.setting.fileName, server.nameWord),
          related: [{ at: wordSpan(watched.setting.fileName, watched.nameWord), message: `'${watched.name}' is health-checked` }],
          suggestions: edit ? [{ description: fillMessage(messages.add, { name: server.name }), edits: [edit] }] : undefined,
        });
      }
    }
  },
});
