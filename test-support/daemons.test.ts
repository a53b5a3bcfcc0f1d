import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { haproxyCheck, haproxyUnavailableReason, interfacesIn, keepalivedCheck, keepalivedUnavailableReason } from './daemons.js';

const dir = mkdtempSync(join(tmpdir(), 'cfglint-daemons-'));
const write = (name: string, text: string) => {
  const file = join(dir, name);
  writeFileSync(file, text);
  return file;
};

const vrrp = (iface: string, extra = '') =>
  `vrrp_instance VI_1 {\n  state MASTER\n  interface ${iface}\n  virtual_router_id 51\n  priority 100\n${extra}  virtual_ipaddress {\n    192.0.2.80 dev ${iface}\n  }\n}\n`;

describe('interfacesIn', () => {
  it('finds interface, dev and track_interface names, not comments', () => {
    const text = `${vrrp('ens33')}# interface commented0\nvrrp_instance B {\n interface eth1\n track_interface {\n  eth2 weight 10\n  eth3\n }\n}\n`;
    expect(interfacesIn(text).sort()).toEqual(['ens33', 'eth1', 'eth2', 'eth3']);
  });
});

describe.skipIf(keepalivedUnavailableReason())('keepalivedCheck (real keepalived -t in a network namespace)', () => {
  it('accepts a config whose interfaces exist in the namespace', async () => {
    const result = await keepalivedCheck(write('ok.conf', vrrp('ens33')));
    expect(result).toEqual({ code: 0, output: '' });
  });
  it('reports an unknown keyword with a non-zero exit', async () => {
    const result = await keepalivedCheck(write('bad.conf', vrrp('ens33', '  nb_get_retry 3\n')));
    expect(result.code).not.toBe(0);
    expect(result.output).toContain("Unknown keyword 'nb_get_retry'");
  });
});

describe.skipIf(haproxyUnavailableReason())('haproxyCheck (real haproxy -c)', () => {
  it('accepts a minimal valid config and rejects the 1.5 listen form', async () => {
    const good = await haproxyCheck(write('ok.cfg', 'defaults\n  mode http\n  timeout client 1s\n  timeout server 1s\n  timeout connect 1s\nlisten web\n  bind 127.0.0.1:18080\n  server a 127.0.0.1:80\n'));
    expect(good.code).toBe(0);
    const legacy = await haproxyCheck(write('legacy.cfg', 'listen web *:18081\n  server a 127.0.0.1:80\n'));
    expect(legacy.code).not.toBe(0);
    expect(legacy.output).toContain("please use the 'bind' keyword");
  });
});
