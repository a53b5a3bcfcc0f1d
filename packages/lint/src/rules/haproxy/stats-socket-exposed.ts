import type { HaStatsSocket } from '@cfglint/parser';
import { haproxyRule } from '../../engine/contexts.js';
import { hasVariable, settingSpan, wordSpan } from './locate.js';

const isLoopback = (host: string | undefined) => !!host && (host.startsWith('127.') || host === '::1' || host === 'localhost');

const isAdmin = (s: HaStatsSocket) => s.level === 'admin';

export default haproxyRule({
  id: 'haproxy/stats-socket-exposed',
  meta: {
    type: 'problem',
    severity: 'error',
    description: "A 'stats socket' (the runtime API) reachable by more than its administrators: level admin on TCP, or a UNIX socket without a restrictive mode",
  },
  messages: {
    tcpAdmin:
      "the runtime API listens on TCP {{address}} with level admin: it has no authentication, so anyone who can connect {{who}} can disable servers, change weights and addresses, or shut HAProxy down; use a UNIX socket with 'mode 600' (or 660 and a group)",
    tcpOpen:
      "the runtime API listens on TCP {{address}} (level {{level}}) without authentication: anyone who can connect reads sessions, client addresses and server states{{operator}}; prefer a UNIX socket with 'mode 600', or bind it to 127.0.0.1",
    worldWritable:
      "'mode {{mode}}' lets every local user write to the {{level}}-level runtime API socket, that is, run its commands{{consequence}}; use 'mode 600' (or 660 with 'group')",
    adminNoMode:
      "the level admin runtime API socket has no 'mode': its permissions come from HAProxy's umask when it starts (0 under some init systems makes it writable by every local user); add 'mode 600' (or 660 with 'group')",
    abstract:
      "the runtime API on abstract socket {{address}} has level admin: abstract sockets have no file permissions, so every process in the host's network namespace, whatever its user, can take full control of HAProxy",
  },
  defaultOptions: {},
  check({ model, report }) {
    for (const socket of model.global.statsSockets) {
      const a = socket.address;
      const addressWord = socket.addressWord;
      if (!a || !addressWord || hasVariable(addressWord) || a.hasVariable || a.error) continue;
      const at = wordSpan(socket.setting.fileName, addressWord);
      const admin = isAdmin(socket);
      const level = socket.level;
      if (a.family === 'ipv4' || a.family === 'ipv6' || a.family === 'hostname') {
        const local = !a.wildcard && isLoopback(a.host);
        if (admin) {
          report({
            messageId: 'tcpAdmin',
            data: { address: a.raw, who: local ? '(any local user or container sharing the network)' : '(any host that can route to it)' },
            at,
            certainty: local ? 'likely' : 'certain',
          });
        } else if (!local) {
          report({
            messageId: 'tcpOpen',
            data: { address: a.raw, level, operator: level === 'user' ? '' : ', and clears counters or changes settings operators may change' },
            at,
            certainty: 'likely',
          });
        }
        continue;
      }
      if (a.family === 'abns') {
        if (admin) report({ messageId: 'abstract', data: { address: a.raw }, at, certainty: 'likely' });
        continue;
      }
      if (a.family !== 'unix') continue;
      const modeOption = socket.options.find((o) => o.name === 'mode');
      if (!modeOption?.value) {
        if (admin) report({ messageId: 'adminNoMode', at: settingSpan(socket.setting), certainty: 'likely' });
        continue;
      }
      if (modeOption.valueWord && hasVariable(modeOption.valueWord)) continue;
      const mode = /^[0-7]{3,4}$/.test(modeOption.value) ? parseInt(modeOption.value, 8) : undefined;
      if (mode === undefined || (mode & 0o002) === 0) continue;
      report({
        messageId: 'worldWritable',
        data: { mode: modeOption.value, level, consequence: admin ? ': disable servers, change addresses, shut HAProxy down' : '' },
        at: wordSpan(socket.setting.fileName, modeOption.valueWord ?? modeOption.word),
        certainty: admin ? 'certain' : 'likely',
      });
    }
  },
});
