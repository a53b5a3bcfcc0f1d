import { compareVersions, type HaProxy } from '@cfglint/parser';
import { haproxyRule } from '../../engine/contexts.js';
import type { Edit } from '../../engine/span.js';
import { bodyIndent, lineEnd, wordSpan } from './locate.js';

/**
 * Moves the 1.5 header address into a `bind` line: `listen servers *:80` becomes
 * `listen servers` and an indented `bind *:80`. Both forms mean the same to HAProxy 1.5,
 * and only the second loads in 1.6 and later, so --fix applies it.
 */
function moveToBind(proxy: HaProxy, text: string): Edit[] | undefined {
  const args = proxy.node.args;
  const address = proxy.legacyAddress;
  // Other words after the address have no bind equivalent we could vouch for.
  if (!address || args.length !== 2 || args[1] !== address) return undefined;
  const name = args[0];
  const { end, eol } = lineEnd(text, address.end);
  const line = `${eol}${bodyIndent(text, proxy)}bind ${address.text}`;
  const fileName = proxy.fileName;
  if (text.slice(address.end, end).trim() === '') return [{ fileName, start: name.end, end, text: line }];
  // A trailing comment stays on the header line.
  return [
    { fileName, start: name.end, end: address.end, text: '' },
    { fileName, start: end, end, text: line },
  ];
}

export default haproxyRule({
  id: 'haproxy/legacy-listen-address',
  meta: {
    type: 'problem',
    severity: 'error',
    description: "The HAProxy 1.5 form 'listen NAME ADDR:PORT' (or 'frontend NAME ADDR:PORT'), which 1.6 and later refuse; --fix moves the address to a bind line",
    fixable: true,
    supersedes: ['schema/legacy-listen-address'],
  },
  messages: {
    removed:
      "the address on the '{{kind}} {{name}}' line is HAProxy 1.5 syntax: HAProxy {{version}} refuses to start (\"please use the 'bind' keyword\"); move it into the section as 'bind {{address}}'",
    old: "the address on the '{{kind}} {{name}}' line is HAProxy 1.5 syntax that HAProxy 1.6 and later refuse: upgrading breaks this file; 'bind {{address}}' inside the section works in every version",
  },
  defaultOptions: {},
  check({ model, document, versions, report }) {
    const removed = compareVersions(versions.haproxy, '1.6') >= 0;
    for (const proxy of model.proxies) {
      const address = proxy.legacyAddress;
      if (!address) continue;
      const text = document.source(proxy.fileName)?.text;
      report({
        messageId: removed ? 'removed' : 'old',
        data: { kind: proxy.kind, name: proxy.name, version: versions.haproxy, address: address.text },
        at: wordSpan(proxy.fileName, address),
        fix: text === undefined ? undefined : moveToBind(proxy, text),
        certainty: removed ? 'certain' : 'likely',
      });
    }
  },
});
