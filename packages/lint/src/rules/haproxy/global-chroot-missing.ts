import type { HaSetting } from '@cfglint/parser';
import { haproxyRule } from '../../engine/contexts.js';
import { fillMessage } from '../../engine/rule.js';
import { insertAfterHeader, settingSpan } from './locate.js';

export default haproxyRule({
  id: 'haproxy/global-chroot-missing',
  meta: {
    type: 'suggestion',
    severity: 'warning',
    description: "HAProxy starts as root to switch to an unprivileged user, but confines itself to no 'chroot' directory",
    hasSuggestions: true,
  },
  messages: {
    missing:
      "HAProxy switches to '{{user}}' but sets no 'chroot': after a compromise the process reads every file '{{user}}' can (keys, certificates, other services' files); 'chroot' to an empty directory confines it",
    add: "Add 'chroot {{dir}}' to global (the directory must exist and be empty; maps, Lua and certificates are loaded before the chroot)",
  },
  defaultOptions: {},
  check({ model, document, report, messages }) {
    if (model.global.chroot) return;
    // Only a process started as root can chroot; one that never switches users may not be root (containers).
    let switchTo: HaSetting | undefined;
    for (const s of model.global.settings) if ((s.keyword === 'user' || s.keyword === 'uid') && s.args[0]) switchTo = s;
    if (!switchTo || switchTo.values[0] === 'root' || switchTo.values[0] === '0') return;
    const section = model.global.sections[0];
    const text = section ? document.source(section.fileName)?.text : undefined;
    const dir = '/var/lib/haproxy';
    report({
      messageId: 'missing',
      data: { user: switchTo.values[0] },
      at: settingSpan(switchTo),
      suggestions: section && text !== undefined ? [{ description: fillMessage(messages.add, { dir }), edits: [insertAfterHeader(text, section, [`chroot ${dir}`])] }] : undefined,
    });
  },
});
