import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { keepalivedFactsFromText } from '../config/load-keepalived-facts.js';
import { desiredTable, expandRange } from './desired.js';
import { renderSave } from './render.js';

const labFile = fileURLToPath(new URL('../../../../fixtures/seed/proxy/keepalived.conf', import.meta.url));
const desired = (text: string) => desiredTable(keepalivedFactsFromText('test.conf', text));

describe('desiredTable', () => {
  it("maps the lab's LVS-DR director to the table ipvsadm -Sn would show", () => {
    const { table, problems } = desiredTable(keepalivedFactsFromText(labFile, readFileSync(labFile, 'utf8')));
    expect(problems).toEqual([]);
    expect(renderSave(table)).toBe(
      '-A -t 192.168.4.15:80 -s rr -p 50\n-a -t 192.168.4.15:80 -r 192.168.4.100:80 -g -w 1\n-a -t 192.168.4.15:80 -r 192.168.4.200:80 -g -w 1\n',
    );
  });

  it('uses keepalived defaults: wlc, NAT, TCP, weight 1, 360 s persistence without a value', () => {
    const { table } = desired('virtual_server 10.0.0.1 443 {\n persistence_timeout\n real_server 10.0.0.2 8443 {\n }\n}\n');
    expect(renderSave(table)).toBe('-A -t 10.0.0.1:443 -s wlc -p 360\n-a -t 10.0.0.1:443 -r 10.0.0.2:8443 -m -w 1\n');
  });

  it('maps thresholds, per-server methods, flags, UDP ops, fwmark and GUE tunnels', () => {
    const { table, problems } = desired(`virtual_server fwmark 7 {
  lvs_sched sh
  sh-port
  sh-fallback
  lvs_method TUN type gue port 6080
  persistence_timeout 30
  persistence_granularity 255.255.255.0
  real_server 10.0.0.2 {
    weight 5
    uthreshold 100
    lthreshold 10
  }
  real_server 10.0.0.3 0 {
    lvs_method DR
  }
}
virtual_server 10.0.0.1 53 {
  protocol UDP
  ops
  lb_algo rr
  lb_kind NAT
  real_server 10.0.0.4 53 {
  }
}
`);
    expect(problems).toEqual([]);
    expect(renderSave(table)).toBe(
      '-A -f 7 -s sh -p 30 -M 255.255.255.0 -b sh-fallback,sh-port\n' +
        '-a -f 7 -r 10.0.0.2:0 -i -w 5 -x 100 -y 10 --tun-type gue --tun-port 6080 --tun-nocsum\n' +
        '-a -f 7 -r 10.0.0.3:0 -g -w 1\n' +
        '-A -u 10.0.0.1:53 -s rr -o\n' +
        '-a -u 10.0.0.1:53 -r 10.0.0.4:53 -m -w 1\n',
    );
  });

  it('expands virtual_server_group entries into one service each', () => {
    const { table, problems } = desired(`virtual_server_group web {
  192.168.200.1-3 80
  10.1.0.8/31 8080
  fwmark 9
}
virtual_server group web {
  lvs_sched rr
  lvs_method DR
  real_server 192.168.201.1 {
  }
}
`);
    expect(problems).toEqual([]);
    expect(table.services.map((s) => renderSave({ services: [{ ...s, destinations: [] }] }).trim())).toEqual([
      '-A -t 192.168.200.1:80 -s rr',
      '-A -t 192.168.200.2:80 -s rr',
      '-A -t 192.168.200.3:80 -s rr',
      '-A -t 10.1.0.8:8080 -s rr',
      '-A -t 10.1.0.9:8080 -s rr',
      '-A -f 9 -s rr',
    ]);
    expect(table.services[1].destinations[0].port).toBe(80);
    expect(table.services[3].destinations[0].port).toBe(8080);
  });

  it('reports bad values at their line and keeps going', () => {
    const { table, problems } = desired(`virtual_server 10.0.0.1 80 {
  lb_algo roundrobin
}
virtual_server 10.0.0.1 81 {
  real_server 10.0.0.2 80 {
    weight heavy
  }
}
virtual_server 10.0.0.1 82 {
  real_server 10.0.0.3 80 {
  }
}
virtual_server 10.0.0.1 82 {
}
virtual_server group nope {
}
`);
    expect(problems.map((p) => [p.line, p.message])).toEqual([
      [1, expect.stringContaining("lvs_sched 'roundrobin' is not a scheduler")],
      [5, "weight 'heavy' is not a whole number from 0 to 65535"],
      [13, 'TCP 10.0.0.1:82 is already defined at line 9; IPVS holds one service per address'],
      [15, "virtual_server_group 'nope' is not defined"],
    ]);
    expect(table.services).toHaveLength(1);
  });

  it('refuses a port-less service that is not persistent, and mixed families without tunnels', () => {
    expect(desired('virtual_server 10.0.0.1 {\n}\n').problems[0].message).toContain('must be persistent');
    expect(desired('virtual_server 10.0.0.1 80 {\n real_server 2001:db8::2 80 {\n }\n}\n').problems[0].message).toContain('address family');
  });
});

describe('expandRange', () => {
  it('expands the three range forms and IPv6', () => {
    expect(expandRange('192.168.200.250-192.168.201.1')).toEqual(['192.168.200.250', '192.168.200.251', '192.168.200.252', '192.168.200.253', '192.168.200.254', '192.168.200.255', '192.168.201.0', '192.168.201.1']);
    expect(expandRange('2001:db8::e-10')).toEqual(['2001:db8::e', '2001:db8::f', '2001:db8::10']);
    expect(() => expandRange('10.0.0.0/8')).toThrow(/at most 4096/);
    expect(() => expandRange('10.0.0.5-2')).toThrow(/not below its start/);
  });
});
