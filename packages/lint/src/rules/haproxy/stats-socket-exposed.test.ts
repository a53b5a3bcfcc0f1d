import { testRule } from '../../testing/rule-tester.js';
import rule from './stats-socket-exposed.js';

const global = (lines: string) => `global\n${lines}defaults\n    mode http\n`;

testRule(rule, {
  valid: [
    { name: "Debian's stock socket", code: global('    stats socket /run/haproxy/admin.sock mode 660 level admin expose-fd listeners\n') },
    { name: "CentOS's stock socket (operator level, umask permissions)", code: global('    stats socket /var/lib/haproxy/stats\n') },
    { name: 'operator level on loopback TCP', code: global('    stats socket 127.0.0.1:9999\n') },
    { name: 'a socket from a VTest macro', code: global('    stats socket "${tmpdir}/h1/stats" level admin\n') },
    { name: 'group-writable with a group', code: global('    stats socket /run/haproxy.sock mode 0660 group haproxy level admin\n') },
  ],
  invalid: [
    {
      name: 'level admin on every address',
      code: global('    stats socket ipv4@0.0.0.0:9999 level admin\n'),
      errors: [
        {
          messageId: 'tcpAdmin',
          line: 2,
          column: 18,
          endColumn: 35,
          data: { address: 'ipv4@0.0.0.0:9999', who: '(any host that can route to it)' },
        },
      ],
    },
    {
      name: 'level admin on loopback is a warning; an operator socket on a public address too',
      code: global('    stats socket 127.0.0.1:9999 level admin\n    stats socket :9998\n'),
      errors: [
        { messageId: 'tcpAdmin', line: 2, column: 18, data: { address: '127.0.0.1:9999', who: '(any local user or container sharing the network)' } },
        {
          messageId: 'tcpOpen',
          line: 3,
          column: 18,
          data: { address: ':9998', level: 'operator', operator: ', and clears counters or changes settings operators may change' },
        },
      ],
    },
    {
      name: 'world-writable and mode-less admin sockets, an abstract one',
      code: global('    stats socket /run/haproxy/admin.sock mode 666 level admin\n    stats socket /run/haproxy/b.sock level admin\n    stats socket abns@haproxy-cli level admin\n'),
      errors: [
        { messageId: 'worldWritable', line: 2, column: 47, endColumn: 50, data: { mode: '666', level: 'admin', consequence: ': disable servers, change addresses, shut HAProxy down' } },
        { messageId: 'adminNoMode', line: 3, column: 5, endColumn: 49 },
        { messageId: 'abstract', line: 4, column: 18, data: { address: 'abns@haproxy-cli' } },
      ],
    },
  ],
});
