import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { keepalivedCheck, keepalivedUnavailableReason } from '../../../../test-support/daemons.js';
import { checkKeepalived } from '../../src/keepalived/check/index.js';
import { loadKeepalived } from '../../src/keepalived/load.js';
import { messagesByLine } from './probe-config.js';

// Each case is checked by cfglint (target 2.2.7, default build) and by the installed
// keepalived 2.2.7; they must agree on pass/fail, and schema errors must sit on a line
// keepalived complains about.
const unavailable = keepalivedUnavailableReason();
const dir = mkdtempSync(join(tmpdir(), 'cfglint-ka-check-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const vrrp = (lines: string, edit: (t: string) => string = (t) => t) =>
  edit(`global_defs {
    enable_script_security
}
vrrp_instance VI_1 {
    state BACKUP
    interface eth0
    virtual_router_id 51
    priority 100
    advert_int 1
${lines}
    virtual_ipaddress {
        192.168.1.10/24
    }
}
`);

const lvs = (edit: (t: string) => string = (t) => t) =>
  edit(`virtual_server 10.0.0.10 80 {
    delay_loop 6
    lb_algo rr
    lb_kind DR
    protocol TCP
    real_server 10.0.0.11 80 {
        weight 1
        TCP_CHECK {
            connect_timeout 3
        }
    }
}
`);

const cases: [string, string][] = [
  ['valid vrrp', vrrp('')],
  ['valid lvs', lvs()],
  ['misspelt keyword', vrrp('    priorty 100')],
  ['misplaced keyword', vrrp('').replace('    enable_script_security', '    enable_script_security\n    virtual_router_id 5')],
  ['priority out of range', vrrp('    priority 300')],
  ['priority not a number', vrrp('    priority high')],
  ['too many decimals', vrrp('    advert_int 0.0000001')],
  ['lower-case state', vrrp('', (t) => t.replace('state BACKUP', 'state master'))],
  ['nb_get_retry in TCP_CHECK', lvs((t) => t.replace('connect_timeout 3', 'connect_timeout 3\n            nb_get_retry 3'))],
  ['removed keyword', vrrp('').replace('    enable_script_security', '    enable_script_security\n    lvs_id LVS1')],
  ['vrrp_iptables on nftables build', vrrp('').replace('    enable_script_security', '    enable_script_security\n    vrrp_iptables')],
  ['vrrp_garp_interval 0', vrrp('').replace('    enable_script_security', '    enable_script_security\n    vrrp_garp_interval 0')],
  ['track_interface on one line', vrrp('    track_interface eth1')],
  ['no virtual address', vrrp('', (t) => t.replace(/ {4}virtual_ipaddress \{\n.*\n {4}\}\n/, ''))],
  ['auth_pass too long', vrrp('    authentication {\n        auth_type PASS\n        auth_pass 123456789\n    }')],
  ['nopreempt with MASTER', vrrp('    nopreempt', (t) => t.replace('state BACKUP', 'state MASTER'))],
  ['undefined track_script', vrrp('    track_script {\n        chk_missing\n    }')],
  ['route without dev', vrrp('    virtual_routes {\n        10.9.0.0/16 via 192.168.1.1\n    }')],
  ['route with dev', vrrp('    virtual_routes {\n        10.9.0.0/16 via 192.168.1.1 dev eth0\n    }')],
  ['bad virtual address', vrrp('', (t) => t.replace('192.168.1.10/24', '192.168.1.300/24'))],
  ['lvs without protocol', lvs((t) => t.replace('    protocol TCP\n', ''))],
  ['lvs without lb_algo', lvs((t) => t.replace('    lb_algo rr\n', ''))],
  ['DR real server on another port', lvs((t) => t.replace('real_server 10.0.0.11 80', 'real_server 10.0.0.11 8080'))],
  ['NAT real server on another port', lvs((t) => t.replace('real_server 10.0.0.11 80', 'real_server 10.0.0.11 8080').replace('lb_kind DR', 'lb_kind NAT'))],
  ['quorum above weights', lvs((t) => t.replace('    lb_algo rr\n', '    lb_algo rr\n    quorum 5\n'))],
  ['invalid virtual_server address', lvs((t) => t.replace('10.0.0.10 80', 'vip.example 80'))],
  ['connect_ip not an address', lvs((t) => t.replace('connect_timeout 3', 'connect_timeout 3\n            connect_ip 10.0.0.300'))],
  ['real_server not an address', lvs((t) => t.replace('real_server 10.0.0.11 80', 'real_server rs1.example 80'))],
  ['sorry_server not an address', lvs((t) => t.replace('    protocol TCP\n', '    protocol TCP\n    sorry_server backup.example 80\n'))],
  ['unicast_src_ip not an address', vrrp('    unicast_src_ip 10.0.0.$ME\n    unicast_peer {\n        192.168.1.2\n    }')],
  ['unicast peer not an address', vrrp('    unicast_src_ip 192.168.1.1\n    unicast_peer {\n        peer-b\n    }')],
  ['valid unicast', vrrp('    unicast_src_ip 192.168.1.1\n    unicast_peer {\n        192.168.1.2\n    }')],
  ['unicast_src_ip without peers', vrrp('    unicast_src_ip 192.168.1.1')],
  ['interface name too long', vrrp('', (t) => t.replace('interface eth0', 'interface a-very-long-interface'))],
  ['comment ending in backslash', vrrp('    # see below \\')],
  ['byte order mark', '\ufeff' + vrrp('')],
  ['line of 1024 bytes', vrrp(`    # ${'y'.repeat(1018)}`)],
  ['line of 1023 bytes', vrrp(`    # ${'y'.repeat(1017)}`)],
];

describe.skipIf(unavailable)(`checker verdicts against the installed keepalived 2.2.7 (${unavailable ?? 'real daemon'})`, () => {
  it.each(cases)('%s', async (name, text) => {
    const file = join(dir, `${name.replace(/\W+/g, '-')}.conf`);
    writeFileSync(file, text);
    const errors = checkKeepalived(loadKeepalived(file), { version: '2.2.7' }).filter((d) => d.severity === 'error');
    const daemon = await keepalivedCheck(file, { interfaces: ['eth0', 'eth1'] });
    expect(daemon.code === 0, `keepalived: ${daemon.output}\ncfglint: ${errors.map((e) => e.message).join('\n')}`).toBe(errors.length === 0);
    const lines = messagesByLine(daemon.output);
    for (const e of errors.filter((d) => d.code.startsWith('schema/'))) {
      const line = e.range.start.line + 1;
      // keepalived's child processes read a copy of the configuration in which the
      // parent has already split an over-long line, so they count it one line later.
      const near = lines.has(line) || (e.code === 'schema/line-too-long' && lines.has(line + 1));
      expect(near, `${e.code} at line ${line}; keepalived: ${daemon.output}`).toBe(true);
    }
  });
});
