import { wordRange } from '@cfglint/parser';
import { keepalivedRule } from '../../engine/contexts.js';
import type { Related } from '../../engine/rule.js';
import { keywordSpan, statementSpan } from './locate.js';

const STRICT_DEMANDS =
  'strict mode also refuses authentication and unicast peers, and wants the MASTER to be the address owner (priority 255)';

export default keepalivedRule({
  id: 'keepalived/missing-vrrp-iptables',
  meta: {
    type: 'problem',
    severity: 'error',
    description: 'Strict VRRP without vrrp_iptables or accept: keepalived installs firewall rules that drop traffic to the VIPs',
  },
  messages: {
    dropped:
      "{{instance}} runs in strict mode without `accept`: keepalived adds firewall rules that drop every packet sent to its VIPs, so clients cannot reach them (add `accept` to the instance, or on iptables builds `vrrp_iptables` with no chains to global_defs); {{demands}}",
    nftablesIgnoresIptables:
      "{{instance}} runs in strict mode without `accept`, and vrrp_iptables does not help here: keepalived built with nftables (Debian, Ubuntu) refuses vrrp_iptables and installs nftables rules that drop every packet sent to the VIPs (add `accept` to the instance); {{demands}}",
  },
  defaultOptions: {},
  check({ model, nftables, report }) {
    const globals = model.globalDefs;
    const iptables = globals?.vrrpIptables;
    for (const instance of model.vrrpInstances) {
      const strict = instance.strictMode?.value ?? globals?.vrrpStrict?.value ?? false;
      if (!strict || instance.accept?.value) continue;
      const disablesRules = iptables !== undefined && (iptables.value?.length ?? 0) === 0;
      if (disablesRules && !nftables) continue;
      const related: Related[] = [];
      const strictSource = instance.strictMode ?? globals?.vrrpStrict;
      if (strictSource) related.push({ at: statementSpan(strictSource), message: 'strict mode is turned on here' });
      if (iptables) related.push({ at: statementSpan(iptables), message: 'refused by nftables builds: "iptables not supported, using nftables instead"' });
      const nameWord = instance.statement.args[0];
      report({
        messageId: iptables && nftables ? 'nftablesIgnoresIptables' : 'dropped',
        data: { instance: `vrrp_instance ${instance.name}`, demands: STRICT_DEMANDS },
        at: nameWord ? wordRange(instance.statement, nameWord) : keywordSpan(instance),
        related,
      });
    }
  },
});
