import { testRule } from '../../testing/rule-tester.js';
import rule from './global-chroot-missing.js';

testRule(rule, {
  valid: [
    { name: 'the lab: chroot and user haproxy', code: 'global\n    chroot /var/lib/haproxy\n    user haproxy\n' },
    { name: 'a container: no user to switch to', code: 'global\n    log stdout local0\n' },
    { name: 'a fragment without global', code: 'backend app\n    server a 10.0.0.1:80\n' },
    { name: 'user root (haproxy/global-runs-as-root)', code: 'global\n    user root\n' },
  ],
  invalid: [
    {
      name: 'user haproxy without chroot',
      code: 'global # process settings\n    log 127.0.0.1 local2\n    user haproxy\n    group haproxy\n',
      errors: [
        {
          messageId: 'missing',
          line: 3,
          column: 5,
          endColumn: 17,
          data: { user: 'haproxy' },
          suggestions: ["Add 'chroot /var/lib/haproxy' to global (the directory must exist and be empty; maps, Lua and certificates are loaded before the chroot)"],
          suggestionOutputs: ['global # process settings\n    chroot /var/lib/haproxy\n    log 127.0.0.1 local2\n    user haproxy\n    group haproxy\n'],
        },
      ],
    },
    { name: 'a uid without chroot', code: 'global\n    uid 99\n', errors: [{ messageId: 'missing', line: 2, column: 5, data: { user: '99' } }] },
  ],
});
