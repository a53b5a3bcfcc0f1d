// Deterministic generator of large configurations for benchmarks:
//   haproxy.cfg   ≈ 62k lines: 2,000 frontends, 4,000 backends, 40,000 servers
//   keepalived.conf ≈ 91k lines: 200 VRRP instances, 1,000 virtual servers × 10 real servers with TCP_CHECK
// Both pass the real daemons' checks (haproxy -c; keepalived -t with an eth0 present).
import { mkdirSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';

const ip = (a, n) => `${a}.${(n >> 8) & 255}.${n & 255}`;

export function generateHaproxy({ frontends = 2000, backends = 4000, serversPerBackend = 10 } = {}) {
  const out = [];
  out.push('global', '    log 127.0.0.1:514 local0', '    maxconn 100000', '    user haproxy', '    group haproxy', '    chroot /var/lib/haproxy', '    daemon', '');
  out.push('defaults', '    log global', '    mode http', '    timeout connect 5s', '    timeout client 30s', '    timeout server 30s', '    option httplog', '');
  for (let f = 0; f < frontends; f++) {
    const b1 = (2 * f) % backends;
    const b2 = (2 * f + 1) % backends;
    out.push(
      `frontend fe_${f}`,
      `    bind 127.0.0.1:${10000 + f}`,
      `    acl is_api_${f} path_beg /api`,
      `    use_backend be_${b1} if is_api_${f}`,
      `    default_backend be_${b2}`,
      '',
    );
  }
  for (let b = 0; b < backends; b++) {
    out.push(`backend be_${b}`, '    balance roundrobin');
    for (let s = 0; s < serversPerBackend; s++) {
      const n = b * serversPerBackend + s;
      out.push(`    server srv_${b}_${s} ${ip('10', n)}:8080 check inter 2s rise 2 fall 3 weight ${1 + (n % 10)}`);
    }
    out.push('');
  }
  return out.join('\n');
}

export function generateKeepalived({ instances = 200, virtualServers = 1000, realServers = 10 } = {}) {
  const out = [];
  out.push('global_defs {', '    router_id bench', '}', '');
  for (let i = 0; i < instances; i++) {
    out.push(
      `vrrp_instance VI_${i} {`,
      '    state BACKUP',
      '    interface eth0',
      `    virtual_router_id ${1 + (i % 255)}`,
      `    priority ${100 + (i % 50)}`,
      '    advert_int 1',
      '    authentication {',
      '        auth_type PASS',
      `        auth_pass p${i % 10000}`,
      '    }',
      '    virtual_ipaddress {',
      `        ${ip('172.16', i)}/32 dev eth0`,
      '    }',
      '}',
      '',
    );
  }
  for (let v = 0; v < virtualServers; v++) {
    out.push(
      `virtual_server ${ip('172.17', v)} 80 {`,
      '    delay_loop 6',
      '    lb_algo wrr',
      '    lb_kind DR',
      '    protocol TCP',
      '',
    );
    for (let r = 0; r < realServers; r++) {
      const n = v * realServers + r;
      out.push(
        `    real_server ${ip('10.20', n)} 80 {`,
        `        weight ${1 + (n % 5)}`,
        '        TCP_CHECK {',
        '            connect_timeout 3',
        '            retry 3',
        '            delay_before_retry 3',
        '        }',
        '    }',
      );
    }
    out.push('}', '');
  }
  return out.join('\n');
}

/** Writes both files below `dir` (default .bench/) and returns their paths. */
export function writeLargeConfigs(dir = '.bench') {
  mkdirSync(path.join(dir, 'large', 'haproxy'), { recursive: true });
  mkdirSync(path.join(dir, 'large', 'keepalived'), { recursive: true });
  const haproxy = path.join(dir, 'large', 'haproxy', 'haproxy.cfg');
  const keepalived = path.join(dir, 'large', 'keepalived', 'keepalived.conf');
  writeFileSync(haproxy, generateHaproxy());
  writeFileSync(keepalived, generateKeepalived());
  return { haproxy, keepalived };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const files = writeLargeConfigs(process.argv[2]);
  console.log(`${files.haproxy}\n${files.keepalived}`);
}
