import type { HaProxy } from '@cfglint/parser';
import { haproxyRule } from '../../engine/contexts.js';
import { isDisabled, proxyLabel, sectionNameSpan, wordSpan } from './locate.js';

export default haproxyRule({
  id: 'haproxy/frontend-bind-missing',
  meta: {
    type: 'problem',
    severity: 'warning',
    description: 'A frontend or listen section without any bind line: it never receives a connection',
  },
  messages: {
    frontend: "{{where}} has no 'bind' line: it listens nowhere, so no connection ever reaches {{what}} (HAProxy warns \"has no 'bind' directive\")",
    listenAsBackend:
      "listen '{{name}}' has no 'bind' line: it accepts no connection of its own and only serves as the backend that use_backend/default_backend name; declare it as 'backend {{name}}' to say so (HAProxy warns \"has no 'bind' directive\")",
  },
  defaultOptions: {},
  check({ model, report }) {
    // listen sections that some frontend routes to, by name.
    const routedTo = new Map<string, { fileName: string; start: number; end: number }>();
    for (const p of model.proxies) {
      for (const u of p.useBackends) if (!u.dynamic) routedTo.set(u.backend, wordSpan(u.setting.fileName, u.backendWord));
      const d = p.capabilities.frontend ? (p.defaultBackend ?? p.effective.defaultBackend) : undefined;
      if (d && !d.dynamic) routedTo.set(d.backend, wordSpan(d.setting.fileName, d.backendWord));
    }
    for (const proxy of model.proxies) {
      if (!proxy.capabilities.frontend || proxy.binds.length > 0 || proxy.undecided || isDisabled(proxy)) continue;
      const route = proxy.kind === 'listen' ? routedTo.get(proxy.name) : undefined;
      if (route) {
        report({
          messageId: 'listenAsBackend',
          data: { name: proxy.name },
          at: sectionNameSpan(proxy),
          related: [{ at: route, message: `traffic reaches listen '${proxy.name}' from here` }],
        });
        continue;
      }
      report({ messageId: 'frontend', data: { where: proxyLabel(proxy), what: unreached(proxy) }, at: sectionNameSpan(proxy) });
    }
  },
});

/** What the missing bind leaves unreached: its rules, and its backends or servers. */
function unreached(proxy: HaProxy): string {
  if (proxy.servers.length > 0) return 'its servers';
  const routes = proxy.useBackends.length > 0 || proxy.defaultBackend || proxy.effective.defaultBackend;
  return routes ? 'its rules or the backends it routes to' : 'its rules';
}
