import type { Located } from './facts.js';

/**
 * INTERIM: the addresses an haproxy.cfg listens on (`bind` lines and the 1.x
 * `listen NAME ADDR:PORT` form), read line by line until the @cfglint/parser haproxy model
 * is available. The only place cfgrun reads haproxy.cfg.
 */
export interface HaproxyBind extends Located {
  /** '' for a wildcard (`*`, `0.0.0.0`, `::` or nothing). */
  address: string;
  port: number;
  /** The proxy section. */
  section: string;
}

const SECTIONS = /^(global|defaults|frontend|backend|listen|peers|resolvers|userlist|program|cache|ring|mailers|http-errors)\b/;

export function haproxyBinds(file: string, text: string): HaproxyBind[] {
  const out: HaproxyBind[] = [];
  let section = '';
  let listens = false;
  const add = (spec: string, line: number) => {
    for (const part of spec.split(',')) {
      const b = parseBindAddress(part);
      if (b) for (let port = b.first; port <= b.last && port - b.first < 1024; port++) out.push({ file, line, address: b.address, port, section });
    }
  };
  text.split('\n').forEach((raw, i) => {
    const line = raw.replace(/(^|\s)#.*$/, '').trim();
    if (!line) return;
    const words = line.split(/\s+/);
    if (SECTIONS.test(raw)) {
      section = `${words[0]} ${words[1] ?? ''}`.trim();
      listens = words[0] === 'frontend' || words[0] === 'listen';
      if (listens && words[2]) add(words[2], i + 1);
      return;
    }
    if (listens && words[0] === 'bind' && words[1]) add(words[1], i + 1);
  });
  return out;
}

/** `*:80`, `:80`, `0.0.0.0:1080`, `[::]:443`, `ipv4@1.2.3.4:80`, `1.2.3.4:8000-8010`; undefined for sockets. */
export function parseBindAddress(spec: string): { address: string; first: number; last: number } | undefined {
  let s = spec.replace(/^(ipv4|ipv6|tcp4?|tcp6|quic4|quic6)@/, '');
  if (/^(unix|abns|fd|sockpair|udp\d?|uxst|uxdg)@/.test(s) || s.startsWith('/')) return undefined;
  const m = /^(.*):(\d+)(?:-(\d+))?$/.exec(s);
  if (!m) return undefined;
  s = m[1].replace(/^\[(.*)\]$/, '$1');
  const wildcard = s === '' || s === '*' || s === '0.0.0.0' || s === '::';
  return { address: wildcard ? '' : s, first: Number(m[2]), last: Number(m[3] ?? m[2]) };
}
