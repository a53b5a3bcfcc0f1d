import { describe, expect, it } from 'vitest';
import { IpvsParseError, mergeThresholds, parseIpvsSave } from './parse-save.js';
import { renderSave } from './render.js';

// Captured from ipvsadm v1.31 on a user-mode Linux 6.1 kernel.
const SAVE = `-A -t 192.168.4.15:0 -s rr -p 30
-a -t 192.168.4.15:0 -r 192.168.4.100:0 -g -w 1
-A -t 192.168.4.15:80 -s rr -p 50 -M 255.255.255.0
-a -t 192.168.4.15:80 -r 192.168.4.100:80 -g -w 1
-a -t 192.168.4.15:80 -r 192.168.4.200:8080 -m -w 0
-A -u 192.168.4.15:53 -s sh -o -b sh-port
-a -u 192.168.4.15:53 -r 192.168.4.100:53 -i -w 3 --tun-type gue --tun-port 6080 --tun-nocsum
-A --sctp-service 192.168.4.15:9 -s rr
-A -t [2001:db8::15]:443 -s rr -p 20 -M 64
-a -t [2001:db8::15]:443 -r [2001:db8::100]:443 -m -w 1
-A -f 7 -s wrr -p 360
-a -f 7 -r 192.168.4.100:0 -g -w 1
`;

const THRESHOLDS = `IP Virtual Server version 1.2.1 (size=4096)
Prot LocalAddress:Port            Uthreshold Lthreshold ActiveConn InActConn 
  -> RemoteAddress:Port
TCP  192.168.4.15:80 rr persistent 50 mask 255.255.255.0
  -> 192.168.4.100:80             100        10         0          0         
  -> 192.168.4.200:8080           0          0          0          0         
TCP  [2001:db8::15]:443 rr persistent 20 mask 64
  -> [2001:db8::100]:443          5          0          0          0         
FWM  7 wrr persistent 360
  -> 192.168.4.100:0              0          3          0          0         
`;

describe('parseIpvsSave', () => {
  it('reads every service kind, persistence, flags and forwarding methods', () => {
    const table = parseIpvsSave(SAVE);
    expect(table.services).toHaveLength(6);
    const http = table.services[1];
    expect(http.key).toEqual({ kind: 'address', protocol: 'tcp', address: '192.168.4.15', port: 80 });
    expect(http.persistence).toEqual({ timeout: 50, netmask: '255.255.255.0' });
    expect(http.destinations.map((d) => [d.address, d.port, d.method, d.weight])).toEqual([
      ['192.168.4.100', 80, 'route', 1],
      ['192.168.4.200', 8080, 'masq', 0],
    ]);
    const dns = table.services[2];
    expect(dns).toMatchObject({ scheduler: 'sh', onePacket: true, schedulerFlags: ['sh-port'] });
    expect(dns.destinations[0].tunnel).toEqual({ type: 'gue', port: 6080, checksum: 'nocsum' });
    expect(table.services[3].key).toEqual({ kind: 'address', protocol: 'sctp', address: '192.168.4.15', port: 9 });
    expect(table.services[4].key).toMatchObject({ address: '2001:db8::15', port: 443 });
    expect(table.services[5]).toMatchObject({ key: { kind: 'fwmark', fwmark: 7, family: 4 }, persistence: { timeout: 360 } });
  });

  it('reads an empty table', () => {
    expect(parseIpvsSave('')).toEqual({ services: [] });
  });

  it('refuses what it does not understand instead of guessing', () => {
    expect(() => parseIpvsSave('-A -t 192.168.4.15:80 -s rr --frobnicate\n')).toThrow(IpvsParseError);
    expect(() => parseIpvsSave('-a -t 192.168.4.15:80 -r 192.168.4.100:80 -g -w 1\n')).toThrow(/unknown service/);
    expect(() => parseIpvsSave('-A -t host.example:http -s rr\n')).toThrow(/bad service address/);
  });

  it('round-trips through the save renderer', () => {
    const table = parseIpvsSave(SAVE);
    expect(parseIpvsSave(renderSave(table))).toEqual(parseIpvsSave(renderSave(parseIpvsSave(renderSave(table)))));
    expect(renderSave(table)).toContain('-A -t 192.168.4.15:80 -s rr -p 50 -M 255.255.255.0\n');
  });
});

describe('mergeThresholds', () => {
  it('adds thresholds from the --thresholds listing by service and destination', () => {
    const table = mergeThresholds(parseIpvsSave(SAVE), THRESHOLDS);
    const [rs1, rs2] = table.services[1].destinations;
    expect([rs1.upperThreshold, rs1.lowerThreshold, rs2.upperThreshold]).toEqual([100, 10, 0]);
    expect(table.services[4].destinations[0].upperThreshold).toBe(5);
    expect(table.services[5].destinations[0].lowerThreshold).toBe(3);
  });
});
