import { testRule } from '../../testing/rule-tester.js';
import rule from './leftover-persistence-timeout.js';

const vs = (lines: string) => `virtual_server 192.168.4.15 80 {
    delay_loop 6
${lines}    protocol TCP
    real_server 192.168.4.100 80 {
        weight 1
    }
}
`;

testRule(rule, {
  valid: [
    { name: 'round-robin without persistence', code: vs('    lb_algo rr\n    lb_kind DR\n') },
    { name: 'deliberate persistence with source hashing', code: vs('    lb_algo sh\n    persistence_timeout 300\n') },
    { name: 'persistence with wlc at a chosen value', code: vs('    lb_algo wlc\n    persistence_timeout 600\n') },
  ],
  invalid: [
    {
      name: 'the lab: rr with the stock persistence_timeout 50',
      code: vs('    lb_algo rr\n    lb_kind DR\n    persistence_timeout 50\n'),
      errors: [
        {
          messageId: 'leftover',
          line: 5,
          column: 5,
          endColumn: 27,
          data: { seconds: 50, algo: 'lb_algo rr', stock: ' (50 is the value of the stock sample configuration, a common leftover)' },
          suggestions: ['Remove persistence_timeout (clients are spread again; sessions kept on a real server are lost)'],
          suggestionOutputs: [vs('    lb_algo rr\n    lb_kind DR\n')],
        },
      ],
    },
    {
      name: 'wrr with another value',
      code: vs('    lb_algo wrr\n    persistence_timeout 120 # sticky\n'),
      errors: [{ messageId: 'leftover', line: 4, column: 5, data: { seconds: 120, algo: 'lb_algo wrr', stock: '' } }],
    },
  ],
});
