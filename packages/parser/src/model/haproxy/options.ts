import type { Word } from '../../ast/common.js';
import type { Env } from './values.js';
import { wordValue } from './values.js';
import type { HaLineOption } from './types.js';

/** Bind options and whether each takes a value (HAProxy 1.5 … 3.x; `haproxy -dKcfg` of 2.6 plus later ones). */
export const BIND_OPTIONS: ReadonlyMap<string, number> = arities(
  'accept-netscaler-cip:1 accept-proxy:0 backlog:1 defer-accept:0 expose-fd:1 gid:1 group:1 id:1 interface:1 level:1 maxconn:1 mode:1 mss:1 name:1 namespace:1 nice:1 process:1 proto:1 severity-output:1 shards:1 tcp-ut:1 tfo:0 thread:1 transparent:0 uid:1 user:1 v4v6:0 v6only:0 ' +
    'ssl:0 allow-0rtt:0 alpn:1 ca-file:1 ca-ignore-err:1 ca-sign-file:1 ca-sign-pass:1 ca-verify-file:1 ciphers:1 ciphersuites:1 crl-file:1 crt:1 crt-ignore-err:1 crt-list:1 curves:1 ecdhe:1 force-sslv3:0 force-tlsv10:0 force-tlsv11:0 force-tlsv12:0 force-tlsv13:0 generate-certificates:0 no-ca-names:0 no-sslv3:0 no-tls-tickets:0 no-tlsv10:0 no-tlsv11:0 no-tlsv12:0 no-tlsv13:0 npn:1 prefer-client-ciphers:0 ssl-max-ver:1 ssl-min-ver:1 strict-sni:0 tls-ticket-keys:1 verify:1 ' +
    'quic-cc-algo:1 quic-force-retry:0 quic-socket:1 guid-prefix:1 default-crt:1 ktls:1 idle-ping:1 nbconn:1 tcp-md5sig:1 no-alpn:0 ocsp-update:1 sigalgs:1 client-sigalgs:1 no-strict-sni:0',
);

/** Server and default-server options and whether each takes a value. */
export const SERVER_OPTIONS: ReadonlyMap<string, number> = arities(
  'addr:1 agent-addr:1 agent-check:0 agent-inter:1 agent-port:1 agent-send:1 allow-0rtt:0 alpn:1 backup:0 ca-file:1 check:0 check-alpn:1 check-proto:1 check-send-proxy:0 check-sni:1 check-ssl:0 check-via-socks4:0 ciphers:1 ciphersuites:1 cookie:1 crl-file:1 crt:1 disabled:0 downinter:1 enabled:0 error-limit:1 fall:1 fastinter:1 force-sslv3:0 force-tlsv10:0 force-tlsv11:0 force-tlsv12:0 force-tlsv13:0 id:1 init-addr:1 inter:1 log-proto:1 max-reuse:1 maxconn:1 maxqueue:1 minconn:1 namespace:1 no-agent-check:0 no-backup:0 no-check:0 no-check-send-proxy:0 no-check-ssl:0 no-send-proxy:0 no-send-proxy-v2:0 no-send-proxy-v2-ssl:0 no-send-proxy-v2-ssl-cn:0 no-ssl:0 no-ssl-reuse:0 no-sslv3:0 no-tfo:0 no-tls-tickets:0 no-tlsv10:0 no-tlsv11:0 no-tlsv12:0 no-tlsv13:0 non-stick:0 npn:1 observe:1 on-error:1 on-marked-down:1 on-marked-up:1 pool-low-conn:1 pool-max-conn:1 pool-purge-delay:1 port:1 proto:1 proxy-v2-options:1 redir:1 resolve-net:1 resolve-opts:1 resolve-prefer:1 resolvers:1 rise:1 send-proxy:0 send-proxy-v2:0 send-proxy-v2-ssl:0 send-proxy-v2-ssl-cn:0 slowstart:1 sni:1 socks4:1 source:1 usesrc:1 interface:1 ssl:0 ssl-max-ver:1 ssl-min-ver:1 ssl-reuse:0 stick:0 tcp-ut:1 tfo:0 tls-tickets:0 track:1 verify:1 verifyhost:1 weight:1 ws:1 ' +
    'check-reuse-pool:0 pool-conn-name:1 check-pool-conn-name:1 set-proxy-v2-tlv-fmt:1 init-state:1 hash-key:1 strict-maxconn:0 shard:1 sigalgs:1 client-sigalgs:1 curves:1 renegotiate:0 no-renegotiate:0 guid:1 tcp-md5sig:1 idle-ping:1 ktls:1 log-bufsize:1 no-alpn:0',
);

function arities(spec: string): ReadonlyMap<string, number> {
  const map = new Map<string, number>();
  for (const item of spec.split(' ')) {
    const [name, arity] = item.split(':');
    map.set(name, Number(arity));
  }
  return map;
}

/**
 * Calls `visit` for each `name [value]` option of `words[from…]` without building
 * objects. Unknown names are taken as flags, so one does not shift the options after it.
 */
export function forEachOption(
  words: readonly Word[],
  from: number,
  table: ReadonlyMap<string, number>,
  env: Env,
  visit: (name: string, value: string | undefined) => void,
): void {
  let i = from;
  while (i < words.length) {
    const name = wordValue(words[i], env);
    if (table.get(name) === 1 && i + 1 < words.length) {
      visit(name, wordValue(words[i + 1], env));
      i += 2;
    } else {
      visit(name, undefined);
      i += 1;
    }
  }
}

/**
 * Reads `name [value]` options from `words[from…]`. Unknown names are taken as flags
 * (and marked), so one unknown option does not shift the ones after it.
 */
export function parseLineOptions(words: readonly Word[], from: number, table: ReadonlyMap<string, number>, env: Env): HaLineOption[] {
  const out: HaLineOption[] = [];
  let i = from;
  while (i < words.length) {
    const word = words[i];
    const name = wordValue(word, env);
    const arity = table.get(name);
    const option: HaLineOption = { name, word };
    if (arity === undefined) option.unknown = true;
    if (arity === 1 && i + 1 < words.length) {
      option.valueWord = words[i + 1];
      option.value = wordValue(words[i + 1], env);
      i += 2;
    } else i += 1;
    out.push(option);
  }
  return out;
}

/** The value of the last option named `name`. */
export function optionValue(options: readonly HaLineOption[], name: string): string | undefined {
  for (let i = options.length - 1; i >= 0; i--) if (options[i].name === name) return options[i].value;
  return undefined;
}

export function hasOption(options: readonly HaLineOption[], name: string): boolean {
  return options.some((o) => o.name === name);
}
