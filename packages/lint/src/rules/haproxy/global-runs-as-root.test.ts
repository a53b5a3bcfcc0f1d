import { testRule } from '../../testing/rule-tester.js';
import rule from './global-runs-as-root.js';

testRule(rule, {
  valid: [
    { name: 'the lab: chroot and user haproxy', code: 'global\n    chroot /var/lib/haproxy\n    user haproxy\n    group haproxy\n    daemon\n' },
    { name: 'a container: no user, no chroot', code: 'global\n    log stdout local0\n' },
    { name: 'a later user wins', code: 'global\n    user root\n    user haproxy\n' },
    { name: 'a uid beside user root', code: 'global\n    user root\n    uid 99\n' },
  ],
  invalid: [
    {
      name: 'user root',
      code: 'global\n    chroot /var/lib/haproxy\n    user root\n    group haproxy\n',
      errors: [{ messageId: 'root', line: 3, column: 5, endColumn: 14, data: { line: 'user root' } }],
    },
    { name: 'uid 0', code: 'global\n    uid 0\n    gid 0\n', errors: [{ messageId: 'root', line: 2, column: 5, data: { line: 'uid 0' } }] },
    { name: 'user root after a uid', code: 'global\n    uid 99\n    user root\n', errors: [{ messageId: 'root', line: 3, column: 5, data: { line: 'user root' } }] },
    { name: 'a chroot and no user to switch to', code: 'global\n    chroot /var/lib/haproxy\n    daemon\n', errors: [{ messageId: 'chrootOnly', line: 2, column: 5, endColumn: 28 }] },
  ],
});
