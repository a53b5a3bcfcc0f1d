import { wordRange, type KaEffectiveStatement, type KaElement } from '@cfglint/parser';
import { keepalivedRule } from '../../engine/contexts.js';
import type { Edit, Span } from '../../engine/span.js';
import { canonicalIp } from '../../engine/ip.js';
import { deleteLineEdit, keywordSpan, statementSpan, valueSpan } from './locate.js';

// Fingerprints of the sample keepalived.conf that distributions install as
// /etc/keepalived/keepalived.conf (keepalived's etc/keepalived/keepalived.conf). Exact
// address and port pairs, so that a network that really uses 10.10.10.0/24 is not flagged.
const SAMPLE_VIRTUAL_SERVERS = new Set(['192.168.200.100 443', '10.10.10.2 1358', '10.10.10.3 1358']);
const SAMPLE_REAL_SERVERS = new Set(['192.168.201.100 443', '192.168.200.2 1358', '192.168.200.3 1358', '192.168.200.4 1358', '192.168.200.5 1358']);
const SAMPLE_VIPS = new Set(['192.168.200.16', '192.168.200.17', '192.168.200.18']);
const SAMPLE_SMTP_SERVER = '192.168.200.1';
/** The sample's mail domain (acassen@, failover@, sysadmin@, Alexandre.Cassen@): `.loc` is no real top-level domain. */
const SAMPLE_MAIL_DOMAIN = '@firewall.loc';

const isSampleMail = (address: string) => address.toLowerCase().endsWith(SAMPLE_MAIL_DOMAIN);
const asElement = (s: KaEffectiveStatement): KaElement => ({ statement: s, fileName: s.fileName, node: s.node });

export default keepalivedRule({
  id: 'keepalived/stock-sample-leftover',
  meta: {
    type: 'problem',
    severity: 'warning',
    description: 'Parts of the stock sample keepalived.conf left in place: example virtual servers, VIPs, mail addresses and relay',
    hasSuggestions: true,
  },
  messages: {
    virtualServer:
      '{{label}} is a block of the stock sample configuration: keepalived sets up this IPVS service on the director and keeps health-checking the sample\'s back ends ({{servers}}), which do not exist here, logging their failures; delete the block',
    vip: "{{vip}} is a VIP of the stock sample configuration: while MASTER this node adds the example address {{vip}} and answers ARP for it, taking it from any machine on the network that really uses it; put your own VIP here",
    mail:
      "global_defs still carries the stock sample's alert mail settings ({{what}}), made-up addresses at the non-existent firewall.loc domain and the sample's relay: alert mails (sent when smtp_alert is on) reach nobody, so nobody learns of a failover; put your own addresses and relay here",
    removeBlock: 'Remove the sample virtual_server block',
    removeMail: 'Remove the sample mail settings (no alert mails are sent until you configure your own)',
  },
  defaultOptions: {},
  check({ model, document, report, messages }) {
    const text = (fileName: string) => document.source(fileName)?.text;
    const suggest = (description: string, edits: (Edit | undefined)[]) =>
      edits.length && edits.every((e) => e !== undefined) ? [{ description, edits: edits as Edit[] }] : undefined;

    for (const vs of model.virtualServers) {
      const target = vs.target;
      if (target.kind !== 'address') continue;
      const endpoint = `${canonicalIp(target.address) ?? target.address} ${target.port ?? ''}`;
      const servers = vs.realServers.map((rs) => `${canonicalIp(rs.address) ?? rs.address} ${rs.port ?? target.port ?? ''}`);
      const sample = SAMPLE_VIRTUAL_SERVERS.has(endpoint) || (servers.length > 0 && servers.every((s) => SAMPLE_REAL_SERVERS.has(s)));
      if (!sample) continue;
      const first = vs.statement.args[0];
      report({
        messageId: 'virtualServer',
        data: { label: `virtual_server ${vs.statement.args.map((a) => a.value).join(' ')}`, servers: servers.map((e) => e.replace(' ', ':')).join(', ') || 'none' },
        at: first ? wordRange(vs.statement, first) : keywordSpan(vs),
        suggestions: suggest(messages.removeBlock, [deleteLineEdit(vs, text(vs.fileName))]),
      });
    }

    for (const instance of model.vrrpInstances) {
      const entry = instance.virtualIpAddresses.find((ip) => SAMPLE_VIPS.has(canonicalIp(ip.address) ?? ''));
      if (entry) report({ messageId: 'vip', data: { vip: entry.address }, at: wordRange(entry.statement, entry.statement.keyword) });
    }

    // The sample's alert mail settings: one finding for all of them, one suggestion removing them.
    const globals = model.globalDefs;
    if (!globals) return;
    const found: { at: Span; what: string }[] = [];
    const edits: (Edit | undefined)[] = [];
    for (const list of globals.settings.get('notification_email') ?? []) {
      const entries = list.body ?? [];
      const sample = entries.filter((e) => isSampleMail(e.keyword.value));
      for (const e of sample) found.push({ at: wordRange(e, e.keyword), what: e.keyword.value });
      // Removing every entry would leave an empty list, which keepalived rejects: remove the block then.
      if (sample.length && sample.length === entries.length) edits.push(deleteLineEdit(asElement(list), text(list.fileName)));
      else for (const e of sample) edits.push(deleteLineEdit(asElement(e), text(e.fileName)));
    }
    const from = globals.notificationEmailFrom;
    if (from?.value && isSampleMail(from.value)) {
      found.push({ at: valueSpan(from), what: `notification_email_from ${from.value}` });
      edits.push(deleteLineEdit(from, text(from.fileName)));
    }
    const smtp = globals.smtpServer;
    if (smtp?.value && canonicalIp(smtp.value.host) === SAMPLE_SMTP_SERVER) {
      found.push({ at: statementSpan(smtp), what: `smtp_server ${smtp.value.host}` });
      edits.push(deleteLineEdit(smtp, text(smtp.fileName)));
    }
    if (found.length === 0) return;
    report({
      messageId: 'mail',
      data: { what: found.map((f) => f.what).join(', ') },
      at: found[0].at,
      related: found.slice(1).map((f) => ({ at: f.at, message: `${f.what}: from the stock sample` })),
      suggestions: suggest(messages.removeMail, edits),
    });
  },
});
