import { createMemoryFileSystem } from '@cfglint/parser';
import { expect, it } from 'vitest';
import { EMPTY_CONFIG } from './config.js';
import { groupHaproxyFragments } from './fragments.js';
import { lint } from './lint.js';

const files = {
  '/site/lb1/haproxy.cfg': 'defaults\n    mode http\n    timeout connect 5s\n    timeout client 30s\n    timeout server 30s\nfrontend www\n    bind :80\n    default_backend app\n',
  '/site/lb1/conf.d/20-app.cfg': 'backend app\n    server a 10.0.0.1:80\n',
  '/site/lb1/conf.d/10-api.cfg': 'backend api\n    server b 10.0.0.2:80\n',
  '/site/lb2/haproxy.cfg': 'frontend other\n    bind :80\n',
};

it('loads a host haproxy.cfg and its conf.d fragments as one target, fragments in name order', () => {
  const targets = Object.keys(files).map((filePath) => ({ filePath, language: 'haproxy' as const }));
  expect(groupHaproxyFragments(targets, EMPTY_CONFIG)).toEqual([
    { filePath: '/site/lb1/haproxy.cfg', language: 'haproxy', alsoLoad: ['/site/lb1/conf.d/10-api.cfg', '/site/lb1/conf.d/20-app.cfg'] },
    { filePath: '/site/lb2/haproxy.cfg', language: 'haproxy' },
  ]);
});

it('so a backend defined in a fragment serves the main file', () => {
  const targets = Object.keys(files).map((filePath) => ({ filePath, language: 'haproxy' as const }));
  const outcome = lint(targets, { fs: createMemoryFileSystem(files), versions: { haproxy: '2.6' } });
  const lb1 = outcome.results.filter((r) => r.filePath.startsWith('/site/lb1/'));
  expect(lb1.map((r) => r.filePath).sort()).toEqual(['/site/lb1/conf.d/10-api.cfg', '/site/lb1/conf.d/20-app.cfg', '/site/lb1/haproxy.cfg']);
  expect(lb1.flatMap((r) => r.messages.map((m) => m.ruleId))).not.toContain('reference/undefined-backend');
  // Alone, the main file names a backend it does not define.
  const alone = lint([targets[0]], { fs: createMemoryFileSystem({ '/site/lb1/haproxy.cfg': files['/site/lb1/haproxy.cfg'] }), versions: { haproxy: '2.6' } });
  expect(alone.results[0].messages.map((m) => m.ruleId)).toContain('reference/undefined-backend');
});
