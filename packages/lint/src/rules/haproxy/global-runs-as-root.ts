import type { HaSetting } from '@cfglint/parser';
import { haproxyRule } from '../../engine/contexts.js';
import { hasVariable, settingSpan } from './locate.js';

export default haproxyRule({
  id: 'haproxy/global-runs-as-root',
  meta: {
    type: 'problem',
    severity: 'error',
    description: "HAProxy keeps root privileges after start-up ('user root', 'uid 0', or a chroot without a user to switch to)",
  },
  messages: {
    root: "'{{line}}' keeps HAProxy running as root after it has bound its ports: a flaw in request handling then gives an attacker the whole machine; use an unprivileged user ('user haproxy')",
    chrootOnly:
      "'chroot' needs HAProxy to start as root, and with no 'user' or 'uid' it never switches away: the process that parses every request stays root; add 'user haproxy' and 'group haproxy'",
  },
  defaultOptions: {},
  check({ model, report }) {
    const { user, uid, chroot } = model.global;
    // `user` and `uid` both set the uid HAProxy switches to; the last line wins.
    let last: HaSetting | undefined;
    for (const s of model.global.settings) if ((s.keyword === 'user' || s.keyword === 'uid') && s.args[0]) last = s;
    if (last && !hasVariable(last.args[0]) && (last.keyword === 'user' ? last.values[0] === 'root' : last.values[0] === '0')) {
      report({ messageId: 'root', data: { line: `${last.keyword} ${last.values[0]}` }, at: settingSpan(last) });
      return;
    }
    if (chroot && !user && !uid) report({ messageId: 'chrootOnly', at: settingSpan(chroot.setting), certainty: 'likely' });
  },
});
