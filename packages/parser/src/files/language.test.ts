import { describe, expect, it } from 'vitest';
import { languageFromContent, languageFromName } from './language.js';

describe('languageFromName', () => {
  it.each([
    ['/etc/keepalived/keepalived.conf', 'keepalived'],
    ['KEEPALIVED.CONF', 'keepalived'],
    ['web1/keepalived.conf', 'keepalived'],
    ['site-a.keepalived.conf', 'keepalived'],
    ['/etc/keepalived/conf.d/vrrp.conf', 'keepalived'],
    ['/etc/haproxy/haproxy.cfg', 'haproxy'],
    ['edge.haproxy.cfg', 'haproxy'],
    ['/etc/haproxy/conf.d/10-frontends.cfg', 'haproxy'],
  ])('%s is %s', (name, language) => {
    expect(languageFromName(name)).toBe(language);
  });

  it.each(['/etc/nginx/nginx.conf', 'setup.cfg', '/etc/keepalived/notes.txt', '/etc/haproxy/errors/503.http', 'haproxy.conf', '/etc/haproxy/site.conf', 'myhaproxy.cfg'])(
    'claims nothing for %s',
    (name) => {
      expect(languageFromName(name)).toBeUndefined();
    },
  );
});

describe('languageFromContent', () => {
  it('recognises keepalived blocks', () => {
    expect(languageFromContent('! comment\nvrrp_instance VI_1 {\n  state MASTER\n}\n')).toBe('keepalived');
  });
  it('recognises haproxy sections', () => {
    expect(languageFromContent('global\n  daemon\nfrontend www\n  bind :80\n')).toBe('haproxy');
  });
  it('says nothing for other text', () => {
    expect(languageFromContent('[section]\nkey = value\n')).toBeUndefined();
    expect(languageFromContent('server {\n  listen 80;\n}\n')).toBeUndefined();
  });
});
