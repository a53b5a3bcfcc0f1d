import type { HaBind, HaProxy, HaRule, HaSetting } from '@cfglint/parser';
import { haproxyRule } from '../../engine/contexts.js';
import { isDisabled, keywordSpan, proxyLabel, sectionNameSpan } from './locate.js';

/** Listens only where local processes reach it: loopback addresses, UNIX and abstract sockets, inherited fds. */
function isLocal(bind: HaBind): boolean {
  return bind.addresses.every((a) => {
    if (a.hasVariable || a.error) return false;
    if (a.family === 'unix' || a.family === 'abns' || a.family === 'fd' || a.family === 'sockpair') return true;
    if (a.family === 'ipv4') return !a.wildcard && (a.host ?? '').startsWith('127.');
    if (a.family === 'ipv6') return !a.wildcard && (a.host === '::1' || a.host === '0:0:0:0:0:0:0:1');
    return false;
  });
}

const usesHttpAuth = (r: HaRule) => r.action === 'auth' || r.condition?.words.some((w) => w.value.includes('http_auth')) === true;
const restricts = (r: HaRule) => r.condition !== undefined && ['deny', 'reject', 'tarpit', 'silent-drop', 'allow'].includes(r.action);

export default haproxyRule({
  id: 'haproxy/stats-auth-missing',
  meta: {
    type: 'problem',
    severity: 'error',
    description: "A stats page without authentication, above all one with 'stats admin'",
  },
  messages: {
    admin:
      "{{where}} turns on 'stats admin' without any authentication: anyone who {{reach}} can put servers into maintenance, drain them or change their weight from the stats page",
    open: "{{where}} serves the stats page without authentication: anyone who {{reach}} reads every backend, server address, health state and traffic figure; add 'stats auth USER:PASSWORD' or restrict it with 'stats http-request'",
  },
  defaultOptions: {},
  check({ model, report }) {
    for (const proxy of model.proxies) {
      const stats = proxy.effective.stats;
      if (!stats.enabled || proxy.effective.mode !== 'http' || proxy.undecided || isDisabled(proxy)) continue;
      const rules = [...proxy.effective.inheritedRules, ...proxy.rules].filter((r) => r.keyword === 'http-request');
      const authenticated = stats.auth.length > 0 || stats.httpRequests.some(usesHttpAuth) || rules.some(usesHttpAuth);
      if (authenticated) continue;
      const local = proxy.binds.length > 0 && proxy.binds.every(isLocal);
      const restricted = local || stats.httpRequests.length > 0 || rules.some(restricts);
      const reach = proxy.binds.length > 0 ? 'can connect to it' : 'gets a request routed to it';
      const admin = stats.admin.find((a) => !a.setting.undecided);
      if (admin) {
        const unconditional = !admin.condition || (admin.condition.words.length === 1 && admin.condition.words[0].value === (admin.condition.kind === 'if' ? 'TRUE' : 'FALSE'));
        report({
          messageId: 'admin',
          data: { where: proxyLabel(proxy), reach },
          at: keywordSpan(admin.setting),
          certainty: unconditional && !restricted ? 'certain' : 'likely',
        });
        continue;
      }
      if (restricted) continue;
      report({ messageId: 'open', data: { where: proxyLabel(proxy), reach }, at: statsLine(proxy), certainty: 'likely' });
    }
  },
});

/** Where the page is turned on: the proxy's first stats line, else its name (the page comes from defaults). */
function statsLine(proxy: HaProxy) {
  const own: HaSetting | undefined = proxy.stats.settings[0];
  return own ? keywordSpan(own) : sectionNameSpan(proxy);
}
