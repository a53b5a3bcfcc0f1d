import type { HaproxyBind } from '../config/haproxy-binds.js';
import type { KeepalivedFacts } from '../config/facts.js';
import type { HostFacts } from './host.js';

export interface PreflightFinding {
  level: 'error' | 'warning';
  check: string;
  message: string;
  fix: string;
  file?: string;
  line?: number;
}

/** keepalived's config against this host: interfaces and tools. Pure. */
export function checkKeepalivedOnHost(facts: KeepalivedFacts, host: HostFacts, driver: 'keepalived' | 'ipvs'): PreflightFinding[] {
  const out: PreflightFinding[] = [];
  if (driver === 'keepalived') {
    if (!host.tools.keepalived) out.push({ level: 'error', check: 'keepalived-installed', message: 'keepalived is not installed on this host', fix: 'apt-get install keepalived (or dnf install keepalived)' });
    const seen = new Set<string>();
    for (const use of facts.interfaces) {
      if (host.interfaces.includes(use.name) || seen.has(use.name)) continue;
      seen.add(use.name);
      out.push({
        level: 'error',
        check: 'interface-exists',
        message: `interface ${use.name} (${use.context}) does not exist on this host; it has ${host.interfaces.join(', ') || 'none'}`,
        fix: `interface names differ between machines: look them up here with 'ip -br link' and change the config`,
        file: use.file,
        line: use.line,
      });
    }
  }
  if (facts.virtualServers.length > 0 || driver === 'ipvs') {
    if (!host.tools.ipvsadm) out.push({ level: driver === 'ipvs' ? 'error' : 'warning', check: 'ipvsadm-installed', message: 'ipvsadm is not installed: the IPVS table cannot be read or changed from here', fix: 'apt-get install ipvsadm' });
    else if (host.ipvs && !host.ipvs.ok) out.push({ level: 'error', check: 'ipvs-kernel', message: `the kernel has no IPVS: ${host.ipvs.detail}`, fix: 'modprobe ip_vs (and the scheduler modules, e.g. ip_vs_rr); on a container host, load them on the host' });
  }
  return out;
}

/**
 * HAProxy's listening addresses against this host: another process on the port (the lab:
 * nothing else may use port 80), and a VIP that is not here without ip_nonlocal_bind.
 */
export function checkHaproxyOnHost(binds: HaproxyBind[], host: HostFacts, vips: Set<string>): PreflightFinding[] {
  const out: PreflightFinding[] = [];
  const reported = new Set<string>();
  for (const b of binds) {
    const where = b.address ? `${b.address.includes(':') ? `[${b.address}]` : b.address}:${b.port}` : `*:${b.port}`;
    const holder = host.listening.find((l) => l.port === b.port && (l.address === '' || b.address === '' || l.address === b.address) && l.process !== 'haproxy');
    if (holder && !reported.has(where)) {
      reported.add(where);
      out.push({
        level: 'error',
        check: 'port-free',
        message: `${b.section} binds ${where}, but ${holder.process ?? 'another process'} already listens on ${holder.address || '*'}:${holder.port}`,
        fix: `stop or move that service (ss -ltnp 'sport = :${b.port}' shows it), or bind HAProxy elsewhere`,
        file: b.file,
        line: b.line,
      });
    }
    if (b.address && !host.addresses.has(b.address)) {
      const v6 = b.address.includes(':');
      if (!(v6 ? host.nonlocalBind.v6 : host.nonlocalBind.v4)) {
        const key = `nonlocal ${b.address}`;
        if (reported.has(key)) continue;
        reported.add(key);
        const sysctl = v6 ? 'net.ipv6.ip_nonlocal_bind' : 'net.ipv4.ip_nonlocal_bind';
        out.push({
          level: 'error',
          check: 'nonlocal-bind',
          message: `${b.section} binds ${where}, which is not on this host${vips.has(b.address) ? ' (a VRRP VIP: it is only here while this node is MASTER)' : ''}, and ${sysctl} is 0: HAProxy will fail to start`,
          fix: `sysctl -w ${sysctl}=1 and persist it in /etc/sysctl.d/, or bind to *:${b.port}`,
          file: b.file,
          line: b.line,
        });
      }
    }
  }
  return out;
}
