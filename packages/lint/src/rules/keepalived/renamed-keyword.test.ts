import { testRule } from '../../testing/rule-tester.js';
import rule from './renamed-keyword.js';

/** A DR service whose checker's retry line is line 13 (keyword at column 13). */
const service = (checker: string, retry: string) => `virtual_server 192.168.4.15 80 {
    lb_algo rr
    lb_kind DR
    protocol TCP
    real_server 192.168.4.100 80 {
        weight 1
        ${checker} {
${checker === 'HTTP_GET' ? '            url {\n                path /\n                status_code 200\n            }\n' : '            connect_port 80\n            bindto 192.168.4.5\n            bind_port 0\n            fwmark 0\n'}            connect_timeout 3
            ${retry} 3
            delay_before_retry 3
        }
    }
}
`;

const trackFile = (keyword: string) => `${keyword} flag {
    file /run/keepalived.flag
    weight -10
}
`;

testRule(rule, {
  valid: [
    { name: 'retry in TCP_CHECK', code: service('TCP_CHECK', 'retry') },
    { name: 'retry in HTTP_GET', code: service('HTTP_GET', 'retry') },
    { name: 'nb_get_retry is the right name before 1.3.7, when retry did not exist', code: service('HTTP_GET', 'nb_get_retry'), versions: { keepalived: '1.3.5' } },
    { name: 'vrrp_track_file before its rename (2.0.x)', code: trackFile('vrrp_track_file'), versions: { keepalived: '2.0.20' } },
    { name: 'an unknown keyword that is no rename', code: service('TCP_CHECK', 'retries') },
  ],
  invalid: [
    {
      name: 'nb_get_retry in HTTP_GET: keepalived -t fails, the fix renames it',
      code: service('HTTP_GET', 'nb_get_retry'),
      errors: [
        {
          messageId: 'deprecated',
          line: 13,
          column: 13,
          endColumn: 25,
          data: { old: 'nb_get_retry', new: 'retry', since: '1.3.7', effect: 'keepalived 2.3.4 reports it as a configuration error (keepalived -t fails) but still applies it' },
        },
      ],
      output: { 'host1/keepalived.conf': service('HTTP_GET', 'retry') },
    },
    {
      name: 'vrrp_track_file, still accepted by 2.2.7 (a warning), renamed by the fix',
      code: trackFile('vrrp_track_file'),
      versions: { keepalived: '2.2.7' },
      errors: [{ messageId: 'deprecated', line: 1, column: 1, data: { old: 'vrrp_track_file', new: 'track_file', since: '2.1.0', effect: 'keepalived 2.2.7 still accepts it' } }],
      output: { 'host1/keepalived.conf': trackFile('track_file') },
    },
    {
      name: 'the lab: nb_get_retry in TCP_CHECK never worked, so only a suggestion',
      code: service('TCP_CHECK', 'nb_get_retry'),
      errors: [
        {
          messageId: 'elsewhere',
          line: 13,
          column: 13,
          data: { old: 'nb_get_retry', new: 'retry', version: '2.3.4', test: 'keepalived -t fails', where: 'in TCP_CHECK', context: 'TCP_CHECK' },
          suggestions: ["Rename to 'retry' (the value starts to take effect: keepalived ignored this line until now)"],
          suggestionOutputs: [service('TCP_CHECK', 'retry')],
        },
      ],
    },
    {
      name: 'before 2.0.7 no configuration test fails, and the message says so',
      code: 'global_defs {\n    lvs_id LVS1\n}\n',
      versions: { keepalived: '1.3.5' },
      errors: [{ messageId: 'removed', line: 2, column: 5, data: { old: 'lvs_id', new: 'router_id', removed: '1.1.8', version: '1.3.5', test: 'before 2.0.7 no configuration test fails on it' } }],
    },
    {
      name: 'lvs_id, gone since 1.1.8: a suggestion to use router_id',
      code: 'global_defs {\n    lvs_id LVS1\n}\n',
      errors: [
        {
          messageId: 'removed',
          line: 2,
          column: 5,
          endColumn: 11,
          data: { old: 'lvs_id', new: 'router_id', removed: '1.1.8', version: '2.3.4', test: 'keepalived -t fails' },
          suggestionOutputs: ['global_defs {\n    router_id LVS1\n}\n'],
        },
      ],
    },
    {
      name: 'a keyword from a definition used twice: reported once, at the definition, without a fix',
      code: `$RETRY=nb_get_retry 3\n${service('HTTP_GET', '$RETRY').replace('$RETRY 3', '$RETRY')}${service('HTTP_GET', '$RETRY').replace('$RETRY 3', '$RETRY').replace('192.168.4.15 80', '192.168.4.15 81')}`,
      errors: [{ messageId: 'deprecated', line: 1, column: 8, endColumn: 20 }],
      output: {
        'host1/keepalived.conf': `$RETRY=nb_get_retry 3\n${service('HTTP_GET', '$RETRY').replace('$RETRY 3', '$RETRY')}${service('HTTP_GET', '$RETRY').replace('$RETRY 3', '$RETRY').replace('192.168.4.15 80', '192.168.4.15 81')}`,
      },
    },
  ],
});
