import { wordRange, type KaRealServer } from '@cfglint/parser';
import { keepalivedRule } from '../../engine/contexts.js';
import { canonicalIp } from '../../engine/ip.js';
import { keywordSpan } from './locate.js';
import { normalizeVersion } from './schema-lookup.js';
import { CHECKER_REPORTS_SINCE, targetAtLeast } from './target.js';

const addressSpan = (rs: KaRealServer) => (rs.statement.args[0] ? wordRange(rs.statement, rs.statement.args[0]) : keywordSpan(rs));

export default keepalivedRule({
  id: 'keepalived/real-server-duplicate',
  meta: {
    type: 'problem',
    severity: 'error',
    description: 'One real server (address and port) listed twice in a virtual_server (for releases whose keepalived -t does not catch it)',
  },
  messages: {
    duplicate:
      'real_server {{address}} port {{port}} is already listed in {{label}}: IPVS holds one destination for both blocks, so their health checks and weights fight over it and the server flaps in and out whenever one check fails and the other passes (keepalived {{version}} accepts this silently; from {{since}} on it drops the second and keepalived -t fails)',
  },
  defaultOptions: {},
  check({ model, versions, report }) {
    if (targetAtLeast(versions.keepalived, CHECKER_REPORTS_SINCE.duplicateRealServer)) return; // the schema checker reports it
    for (const vs of model.virtualServers) {
      const vsPort = vs.target.kind === 'address' ? vs.target.port : undefined;
      const seen = new Map<string, KaRealServer>();
      for (const rs of vs.realServers) {
        const address = canonicalIp(rs.address) ?? rs.address;
        const port = rs.port ?? vsPort ?? 0;
        const key = `${address} ${port}`;
        const first = seen.get(key);
        if (!first) {
          seen.set(key, rs);
          continue;
        }
        report({
          messageId: 'duplicate',
          data: { address: rs.address, port, label: `virtual_server ${vs.statement.args.map((a) => a.value).join(' ')}`, version: normalizeVersion(versions.keepalived), since: CHECKER_REPORTS_SINCE.duplicateRealServer },
          at: addressSpan(rs),
          related: [{ at: addressSpan(first), message: `real_server ${first.address} ${port} is first listed here` }],
        });
      }
    }
  },
});
