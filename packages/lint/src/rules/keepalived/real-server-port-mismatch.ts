import { wordRange } from '@cfglint/parser';
import { keepalivedRule } from '../../engine/contexts.js';
import { fillMessage } from '../../engine/rule.js';
import { normalizeVersion } from './schema-lookup.js';
import { CHECKER_REPORTS_SINCE, targetAtLeast } from './target.js';

/** Forwarding methods that pass the packet on unchanged, so the destination port cannot differ. */
const KEEPS_PORT = new Set(['DR', 'TUN']);

export default keepalivedRule({
  id: 'keepalived/real-server-port-mismatch',
  meta: {
    type: 'problem',
    severity: 'error',
    description: 'A DR or TUN real server on another port than its virtual_server: IPVS cannot change ports there (for releases whose keepalived -t does not catch it)',
    hasSuggestions: true,
  },
  messages: {
    mismatch:
      'real_server {{address}} uses port {{rsPort}}, but {{method}} forwarding cannot change the port: IPVS delivers the connections to port {{vsPort}} of the real server while the health checks probe port {{rsPort}}, so a server can pass its checks and still refuse every client (keepalived {{version}} accepts this silently; from {{since}} on it resets the port and keepalived -t fails)',
    usePort: 'Use port {{vsPort}}, the port IPVS really delivers to (the health checks then probe it too)',
  },
  defaultOptions: {},
  check({ model, versions, report, messages }) {
    if (targetAtLeast(versions.keepalived, CHECKER_REPORTS_SINCE.realServerPort)) return; // the schema checker reports it
    for (const vs of model.virtualServers) {
      if (vs.target.kind !== 'address' || vs.target.port === undefined) continue;
      const vsPort = vs.target.port;
      for (const rs of vs.realServers) {
        const method = (rs.lvsMethod?.value ?? vs.lbKind?.value)?.method;
        const portWord = rs.statement.args[1];
        if (!method || !KEEPS_PORT.has(method) || rs.port === undefined || rs.port === vsPort || !portWord) continue;
        const at = wordRange(rs.statement, portWord);
        report({
          messageId: 'mismatch',
          data: { address: rs.address, rsPort: rs.port, method, vsPort, version: normalizeVersion(versions.keepalived), since: CHECKER_REPORTS_SINCE.realServerPort },
          at,
          suggestions: rs.statement.expansion ? undefined : [{ description: fillMessage(messages.usePort, { vsPort }), edits: [{ ...at, text: String(vsPort) }] }],
        });
      }
    }
  },
});
