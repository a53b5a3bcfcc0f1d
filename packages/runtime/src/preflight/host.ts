import { existsSync, readFileSync } from 'node:fs';
import type { Executor } from '../exec/executor.js';

/** What preflight needs to know about this host, gathered with ip, ss and /proc. */
export interface HostFacts {
  interfaces: string[];
  /** Address → interface. */
  addresses: Map<string, string>;
  listening: Array<{ address: string; port: number; process?: string }>;
  nonlocalBind: { v4: boolean; v6: boolean };
  tools: { keepalived: boolean; ipvsadm: boolean; ip: boolean };
  /** Whether the kernel answers for IPVS (module loaded or loadable), when ipvsadm exists. */
  ipvs?: { ok: boolean; detail: string };
}

const sysctl = (name: string) => {
  try {
    return readFileSync(`/proc/sys/${name.replace(/\./g, '/')}`, 'utf8').trim() === '1';
  } catch {
    return false;
  }
};

export async function gatherHostFacts(exec: Executor, options: { ipvs: boolean }): Promise<HostFacts> {
  const links = await exec.run('ip', ['-j', 'addr', 'show']);
  const interfaces: string[] = [];
  const addresses = new Map<string, string>();
  if (links.code === 0) {
    for (const link of JSON.parse(links.stdout) as Array<{ ifname: string; addr_info?: Array<{ local: string }> }>) {
      interfaces.push(link.ifname);
      for (const a of link.addr_info ?? []) addresses.set(a.local, link.ifname);
    }
  }
  const ss = await exec.run('ss', ['-H', '-l', '-t', '-n', '-p']);
  const listening = ss.code === 0 ? parseSs(ss.stdout) : [];
  const has = async (cmd: string, args: string[]) => (await exec.run(cmd, args)).code !== 127;
  const tools = { keepalived: await has('keepalived', ['--version']), ipvsadm: await has('ipvsadm', ['--version']), ip: links.code !== 127 };
  const facts: HostFacts = { interfaces, addresses, listening, nonlocalBind: { v4: sysctl('net.ipv4.ip_nonlocal_bind'), v6: sysctl('net.ipv6.ip_nonlocal_bind') }, tools };
  if (options.ipvs && tools.ipvsadm) {
    const r = await exec.run('ipvsadm', ['-Ln']);
    facts.ipvs = r.code === 0 ? { ok: true, detail: existsSync('/proc/net/ip_vs') ? 'ip_vs loaded' : 'ok' } : { ok: false, detail: (r.stderr || r.stdout).trim().split('\n')[0] };
  }
  return facts;
}

/** `ss -Hltnp` lines: `LISTEN 0 511 0.0.0.0:80 0.0.0.0:* users:(("httpd",pid=1,fd=4))`. */
export function parseSs(text: string): HostFacts['listening'] {
  const out: HostFacts['listening'] = [];
  for (const line of text.split('\n')) {
    const cols = line.trim().split(/\s+/);
    if (cols.length < 4) continue;
    const m = /^(.*):(\d+)$/.exec(cols[3]);
    if (!m) continue;
    let address = m[1].replace(/^\[(.*)\]$/, '$1').replace(/%.*$/, '');
    if (address === '*' || address === '0.0.0.0' || address === '::') address = '';
    const proc = /users:\(\("([^"]+)"/.exec(line);
    out.push({ address, port: Number(m[2]), ...(proc ? { process: proc[1] } : {}) });
  }
  return out;
}
