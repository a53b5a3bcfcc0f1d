import type { HaRule } from '@cfglint/parser';
import { haproxyRule } from '../../engine/contexts.js';
import { isDisabled, proxyLabel, sectionNameSpan } from './locate.js';

/** Actions that answer or end a request without a backend (`attach-srv` hands the connection to a reverse-HTTP server). */
const ANSWERS = new Set(['redirect', 'return', 'deny', 'tarpit', 'auth', 'use-service', 'reject', 'silent-drop', 'attach-srv']);

/** A rule that may answer by itself: a final action, a redirect, or a Lua action (which can reply). */
const answers = (r: HaRule) => r.keyword === 'redirect' || ANSWERS.has(r.action) || r.action.startsWith('lua.');

export default haproxyRule({
  id: 'haproxy/frontend-backend-missing',
  meta: {
    type: 'problem',
    severity: 'error',
    description: 'A frontend with no use_backend, no default_backend and no rule that answers by itself: every request fails',
  },
  messages: {
    http: "{{where}} routes nowhere: it has no use_backend or default_backend (nor one from defaults) and no rule that answers by itself, so HAProxy answers every request with 503 \"No server is available\"",
    tcp: '{{where}} routes nowhere: it has no use_backend or default_backend (nor one from defaults) and no rule that handles the connection, so HAProxy closes every connection it accepts',
  },
  defaultOptions: {},
  check({ model, report }) {
    for (const proxy of model.proxies) {
      // Without a bind nothing arrives at all (haproxy/frontend-bind-missing says so).
      if (proxy.kind !== 'frontend' || proxy.binds.length === 0 || proxy.undecided || isDisabled(proxy)) continue;
      if (proxy.useBackends.length > 0 || proxy.defaultBackend || proxy.effective.defaultBackend) continue;
      if (proxy.effective.stats.enabled) continue;
      if (proxy.rules.some(answers) || proxy.effective.inheritedRules.some(answers)) continue;
      if (proxy.settings.some((s) => s.keyword === 'monitor-uri' || s.keyword === 'monitor fail')) continue;
      const mode = proxy.effective.mode;
      if (mode !== 'http' && mode !== 'tcp') continue;
      report({ messageId: mode, data: { where: proxyLabel(proxy) }, at: sectionNameSpan(proxy) });
    }
  },
});
