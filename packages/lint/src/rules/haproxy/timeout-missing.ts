import { parseDuration, type HaProxy } from '@cfglint/parser';
import { haproxyRule } from '../../engine/contexts.js';
import { fillMessage } from '../../engine/rule.js';
import { hasVariable, insertAfterHeader, isDisabled, isFragment, proxyLabel, sectionNameSpan } from './locate.js';

/** What each missing timeout lets hang, in HAProxy's words for `timeout X`. */
const CONSEQUENCE: Record<string, string> = {
  client: 'idle or vanished clients hold their connections forever, until maxconn is reached and new clients wait',
  connect: 'a connection attempt to a dead server waits as long as the kernel retries (minutes) instead of failing over',
  server: 'a server that stops answering holds the request and its connection forever',
};

/** Values the suggestion proposes; the docs say to pick values for the traffic. */
const PROPOSED: Record<string, string> = { connect: '5s', client: '30s', server: '30s' };

/** Whether the proxy has `timeout NAME` set to something other than zero. */
function isSet(proxy: HaProxy, name: string): boolean {
  const setting = proxy.effective.timeouts.get(name);
  if (!setting) return false;
  const word = setting.args[0];
  if (!word) return false;
  if (hasVariable(word)) return true;
  return parseDuration(setting.values[0]) !== 0;
}

/** The timeouts HAProxy's "missing timeouts" check wants and this proxy lacks (its cfgparse.c condition). */
export function missingTimeouts(proxy: HaProxy): string[] {
  const mode = proxy.effective.mode;
  if (mode !== 'tcp' && mode !== 'http') return [];
  const missing: string[] = [];
  if (proxy.capabilities.frontend && !isSet(proxy, 'client')) missing.push('client');
  if (proxy.capabilities.backend && proxy.servers.length > 0) {
    if (!isSet(proxy, 'connect')) missing.push('connect');
    // In TCP mode a tunnel timeout stands in for the server timeout.
    if (!isSet(proxy, 'server') && (mode === 'http' || !isSet(proxy, 'tunnel'))) missing.push('server');
  }
  return missing;
}

const list = (names: string[]) => names.map((n) => `'timeout ${n}'`).join(names.length === 2 ? ' and ' : ', ').replace(/, ([^,]*)$/, ', and $1');

export default haproxyRule({
  id: 'haproxy/timeout-missing',
  meta: {
    type: 'problem',
    severity: 'warning',
    description: "A proxy without the client, connect or server timeout its role needs (HAProxy warns and never times out)",
    hasSuggestions: true,
  },
  messages: {
    missing: '{{where}} has no {{timeouts}} (neither its own nor from defaults): HAProxy warns "missing timeouts" and then never times these out: {{consequences}}',
    add: 'Add {{lines}} to {{where}} (choose values that suit your traffic)',
  },
  defaultOptions: {},
  check({ model, document, report, messages }) {
    const fragment = isFragment(document.filePath);
    for (const proxy of model.proxies) {
      if (proxy.undecided || isDisabled(proxy)) continue;
      // In a conf.d piece without defaults, the timeouts may come from an earlier file's defaults.
      if (fragment && !proxy.inheritsFrom) continue;
      const missing = missingTimeouts(proxy);
      if (missing.length === 0) continue;
      const where = proxyLabel(proxy);
      const text = document.source(proxy.fileName)?.text;
      const lines = missing.map((n) => `timeout ${n} ${PROPOSED[n]}`);
      const defaults = proxy.inheritsFrom;
      report({
        messageId: 'missing',
        data: { where, timeouts: list(missing), consequences: missing.map((n) => CONSEQUENCE[n]).join('; ') },
        at: sectionNameSpan(proxy),
        related: defaults
          ? [{ at: sectionNameSpan(defaults), message: `the defaults section ${where} inherits from sets no ${list(missing)}` }]
          : undefined,
        suggestions:
          text === undefined
            ? undefined
            : [
                {
                  description: fillMessage(messages.add, { lines: lines.map((l) => `'${l}'`).join(', '), where }),
                  edits: [insertAfterHeader(text, proxy, lines)],
                },
              ],
      });
    }
  },
});
