import type { HaProxyLike, HaStatsAuth } from '@cfglint/parser';
import { haproxyRule } from '../../engine/contexts.js';
import { hasVariable, wordSpan } from './locate.js';

/** Passwords tried first by anyone guessing (vendor defaults, tutorials, top of leaked lists). */
const GUESSABLE = new Set([
  'admin', 'administrator', 'password', 'passw0rd', 'p@ssw0rd', 'password1', 'haproxy', 'haproxy123', 'stats', 'statistics',
  'secret', 'changeme', 'default', 'root', 'toor', 'test', 'guest', 'user', 'pass', 'letmein', 'qwerty', 'monitor',
  'admin123', 'abc123', '1234', '12345', '123456', '1234567', '12345678', '123456789', '111111', '000000',
]);

/** Shorter passwords fall to online guessing: the stats page does not slow down or lock out. */
const MIN_LENGTH = 8;

/** Text left where a real password was meant to go (`YOURPASSWORDHERE`, `<password>`, `xxxx`). */
const PLACEHOLDER = /^(?:<[^>]*>|\{[^}]*\}|x{3,}|\*{3,}|(?:your|my|the|new)?[-_]?(?:password|passwd|pass|pwd|secret)[-_]?(?:here)?)$/i;

type Weakness = 'empty' | 'sameAsUser' | 'guessable' | 'placeholder' | 'short';

function weakness(auth: HaStatsAuth): Weakness | undefined {
  const password = auth.password;
  if (password === '') return 'empty';
  if (password.toLowerCase() === auth.user.toLowerCase()) return 'sameAsUser';
  if (GUESSABLE.has(password.toLowerCase())) return 'guessable';
  if (PLACEHOLDER.test(password)) return 'placeholder';
  if (password.length < MIN_LENGTH) return 'short';
  return undefined;
}

/** What a guesser gets: read access, or the admin actions too. */
function exposure(section: HaProxyLike): string {
  return section.stats.admin.length > 0 || section.effective.stats.admin.length > 0
    ? "and, with 'stats admin', can put servers into maintenance or drain them"
    : 'and reads every backend, server address and health state, and the traffic figures';
}

export default haproxyRule({
  id: 'haproxy/stats-auth-weak',
  meta: {
    type: 'problem',
    severity: 'error',
    description: "A stats page protected by default or weak credentials ('stats auth admin:admin', user = password, short passwords)",
  },
  messages: {
    guessable: "'stats auth {{user}}:…' uses '{{password}}', among the first passwords anyone tries: whoever reaches the stats page logs in {{exposure}}",
    sameAsUser: "'stats auth {{user}}:…' uses the user name as password: whoever reaches the stats page logs in on the first guess {{exposure}}",
    placeholder: "'stats auth {{user}}:{{password}}' still holds a placeholder where a password was meant to go: whoever reaches the stats page and has seen the same template logs in {{exposure}}",
    empty: "'stats auth {{user}}:' has an empty password: whoever reaches the stats page logs in with the user name alone {{exposure}}",
    short:
      "'stats auth {{user}}:…' has a {{length}}-character password: the stats page never slows down or locks out guessing, so short passwords fall to a simple online attack; use {{min}} characters or more",
  },
  defaultOptions: {},
  check({ model, report }) {
    const sections: HaProxyLike[] = [...model.defaults, ...model.proxies];
    for (const section of sections) {
      for (const auth of section.stats.auth) {
        if (!auth.word || hasVariable(auth.word)) continue;
        const weak = weakness(auth);
        if (!weak) continue;
        report({
          messageId: weak,
          data: { user: auth.user, password: auth.password, length: auth.password.length, min: MIN_LENGTH, exposure: exposure(section) },
          at: wordSpan(auth.setting.fileName, auth.word),
          certainty: weak === 'short' ? 'likely' : 'certain',
        });
      }
    }
  },
});
