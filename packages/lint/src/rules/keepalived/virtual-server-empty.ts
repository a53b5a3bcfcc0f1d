import { wordRange } from '@cfglint/parser';
import { keepalivedRule } from '../../engine/contexts.js';
import { keywordSpan } from './locate.js';
import { normalizeVersion } from './schema-lookup.js';
import { CHECKER_REPORTS_SINCE, targetAtLeast } from './target.js';

export default keepalivedRule({
  id: 'keepalived/virtual-server-empty',
  meta: {
    type: 'problem',
    severity: 'error',
    description: 'A virtual_server without real servers or sorry server (for releases whose keepalived -t does not catch it)',
  },
  messages: {
    empty:
      '{{label}} has no real_server and no sorry_server: nothing serves it, so every connection to it fails (keepalived {{version}} accepts this silently; from {{since}} on keepalived drops the virtual server and keepalived -t fails)',
  },
  defaultOptions: {},
  check({ model, versions, report }) {
    if (targetAtLeast(versions.keepalived, CHECKER_REPORTS_SINCE.emptyVirtualServer)) return; // the schema checker reports it
    for (const vs of model.virtualServers) {
      if (vs.realServers.length > 0 || vs.sorryServer) continue;
      const first = vs.statement.args[0];
      report({
        messageId: 'empty',
        data: { label: `virtual_server ${vs.statement.args.map((a) => a.value).join(' ')}`, version: normalizeVersion(versions.keepalived), since: CHECKER_REPORTS_SINCE.emptyVirtualServer },
        at: first ? wordRange(vs.statement, first) : keywordSpan(vs),
      });
    }
  },
});
