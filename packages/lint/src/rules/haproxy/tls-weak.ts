import { compareVersions, type HaLineOption, type HaSetting, type Word } from '@cfglint/parser';
import { haproxyRule } from '../../engine/contexts.js';
import { hasVariable, keywordSpan, settingSpan, wordSpan } from './locate.js';

/** Protocol versions with practical attacks, deprecated by RFC 8996 (TLS 1.0/1.1) and RFC 7568 (SSLv3). */
const WEAK_VERSIONS = ['SSLv3', 'TLSv1.0', 'TLSv1.1'];
const FORCED: Record<string, string> = { 'force-sslv3': 'SSLv3', 'force-tlsv10': 'TLSv1.0', 'force-tlsv11': 'TLSv1.1' };

/** Cipher list words (OpenSSL syntax) naming broken or unauthenticated families, by the family that excludes them. */
const WEAK_GROUPS: Record<string, string> = {
  RC4: 'RC4', DES: 'DES', '3DES': '3DES', MD5: 'MD5', NULL: 'eNULL', eNULL: 'eNULL', COMPLEMENTOFALL: 'eNULL',
  aNULL: 'aNULL', ADH: 'aNULL', AECDH: 'aNULL', EXP: 'EXP', EXPORT: 'EXP', LOW: 'LOW', RC2: 'RC2', MEDIUM: '3DES',
};
/** Parts of suite names (`DES-CBC3-SHA`, `ADH-AES128-SHA`) and the family they belong to. */
const WEAK_PARTS: Record<string, string> = { RC4: 'RC4', DES: 'DES', CBC3: '3DES', '3DES': '3DES', MD5: 'MD5', NULL: 'eNULL', EXP: 'EXP', EXPORT: 'EXP', ADH: 'aNULL', AECDH: 'aNULL', RC2: 'RC2' };
/** Exclusions that also remove a family (`!aNULL` removes ADH suites). */
const ALIASES: Record<string, string[]> = { aNULL: ['aNULL', 'ADH', 'AECDH'], eNULL: ['eNULL', 'NULL'], EXP: ['EXP', 'EXPORT'], '3DES': ['3DES', 'DES'], DES: ['DES'] };

/** The weak words of an OpenSSL cipher list that its own exclusions (`!RC4`) do not cancel. */
export function weakCiphers(list: string): string[] {
  const words = list.split(/[:, ]+/).filter(Boolean);
  const excluded = new Set(words.filter((w) => w.startsWith('!') || w.startsWith('-')).map((w) => w.slice(1)));
  const isExcluded = (family: string) => (ALIASES[family] ?? [family]).some((n) => excluded.has(n));
  const weak: string[] = [];
  for (const raw of words) {
    if (raw.startsWith('!') || raw.startsWith('-')) continue;
    const word = raw.replace(/^\+/, '');
    // `ALL` brings the anonymous (aNULL) suites unless they are excluded.
    const families = word === 'ALL' ? ['aNULL'] : WEAK_GROUPS[word] ? [WEAK_GROUPS[word]] : word.split('-').flatMap((p) => (WEAK_PARTS[p] ? [WEAK_PARTS[p]] : []));
    if (families.some((f) => !isExcluded(f))) weak.push(word);
  }
  return weak;
}

/** `name value` pairs of an option list (a bind/server line, or ssl-default-*-options), with where they are written. */
interface Opt {
  name: string;
  value?: string;
  at: Word;
}

function fromLine(options: readonly HaLineOption[]): Opt[] {
  return options.map((o) => ({ name: o.name, value: o.value, at: o.valueWord ?? o.word }));
}

function fromGlobal(setting: HaSetting): Opt[] {
  const out: Opt[] = [];
  const args = setting.args;
  for (let i = 0; i < args.length; i++) {
    const name = args[i].value;
    if (name === 'ssl-min-ver' || name === 'ssl-max-ver') {
      out.push({ name, value: args[i + 1]?.value, at: args[i + 1] ?? args[i] });
      i++;
    } else out.push({ name, at: args[i] });
  }
  return out;
}

export default haproxyRule({
  id: 'haproxy/tls-weak',
  meta: {
    type: 'problem',
    severity: 'warning',
    description: 'TLS settings that allow SSLv3, TLS 1.0/1.1, broken or anonymous ciphers, or small Diffie-Hellman groups',
  },
  messages: {
    minVersion:
      "'ssl-min-ver {{value}}' lets {{side}} negotiate {{versions}}: versions below TLS 1.2 are deprecated (RFC 7568, RFC 8996) and open to known attacks (POODLE on SSLv3, BEAST on TLS 1.0) and downgrades; use 'ssl-min-ver TLSv1.2'",
    maxVersion: "'ssl-max-ver {{value}}' caps {{side}} at {{value}}, a deprecated version (RFC 8996) open to known attacks: remove it or raise it to TLSv1.3",
    forced: "'{{option}}' forces {{side}} to {{value}}, a deprecated version (RFC 8996) open to known attacks: use 'ssl-min-ver TLSv1.2'",
    oldDefault:
      "this ssl bind sets no 'ssl-min-ver' (nor does ssl-default-bind-options), and HAProxy {{version}} accepts TLS 1.0 and 1.1 by default (2.2 and later start at TLS 1.2): add 'ssl-min-ver TLSv1.2'",
    ciphers:
      "the cipher list allows {{weak}}: broken or unauthenticated ciphers that an attacker who can see or intercept the traffic can decrypt or impersonate; exclude them (e.g. ':!aNULL:!eNULL:!RC4:!3DES:!MD5:!EXP') or use Mozilla's intermediate list",
    dhParam: "'tune.ssl.default-dh-param {{bits}}': Diffie-Hellman groups under 2048 bits are within reach of precomputation attacks (Logjam); use 2048",
  },
  defaultOptions: {},
  check({ model, versions, report }) {
    const checkOptions = (opts: Opt[], side: string, fileName: string) => {
      for (const o of opts) {
        if (hasVariable(o.at)) continue;
        const at = wordSpan(fileName, o.at);
        if ((o.name === 'ssl-min-ver' || o.name === 'ssl-max-ver') && o.value && WEAK_VERSIONS.includes(o.value)) {
          const index = WEAK_VERSIONS.indexOf(o.value);
          const list = WEAK_VERSIONS.slice(index);
          const versions = list.length === 1 ? list[0] : `${list.slice(0, -1).join(', ')} and ${list[list.length - 1]}`;
          if (o.name === 'ssl-min-ver') report({ messageId: 'minVersion', data: { value: o.value, side, versions }, at });
          else report({ messageId: 'maxVersion', data: { value: o.value, side }, at });
        } else if (FORCED[o.name]) {
          report({ messageId: 'forced', data: { option: o.name, value: FORCED[o.name], side }, at });
        } else if (o.name === 'ciphers' && o.value) {
          const weak = weakCiphers(o.value);
          if (weak.length) report({ messageId: 'ciphers', data: { weak: weak.map((w) => `'${w}'`).join(', ') }, at });
        }
      }
    };
    const bindSide = 'clients';
    const serverSide = 'connections to servers';
    const global = model.global.ssl;
    const bindDefaults = global.get('ssl-default-bind-options');
    const serverDefaults = global.get('ssl-default-server-options');
    if (bindDefaults) checkOptions(fromGlobal(bindDefaults), bindSide, bindDefaults.fileName);
    if (serverDefaults) checkOptions(fromGlobal(serverDefaults), serverSide, serverDefaults.fileName);
    for (const keyword of ['ssl-default-bind-ciphers', 'ssl-default-server-ciphers']) {
      const s = global.get(keyword);
      const word = s?.args[0];
      if (!s || !word || hasVariable(word)) continue;
      const weak = weakCiphers(s.values[0]);
      if (weak.length) report({ messageId: 'ciphers', data: { weak: weak.map((w) => `'${w}'`).join(', ') }, at: wordSpan(s.fileName, word) });
    }
    const dh = global.get('tune.ssl.default-dh-param');
    if (dh?.args[0] && !hasVariable(dh.args[0]) && /^\d+$/.test(dh.values[0]) && Number(dh.values[0]) < 2048) {
      report({ messageId: 'dhParam', data: { bits: dh.values[0] }, at: settingSpan(dh) });
    }

    // default-server lines pass their options to the servers after them; report them once, there.
    for (const section of [...model.defaults, ...model.proxies]) {
      const ds = section.defaultServer;
      if (ds) checkOptions(fromLine(ds.options), serverSide, section.fileName);
    }

    const oldDefaults = compareVersions(versions.haproxy, '2.2') < 0;
    const globalMin = bindDefaults ? fromGlobal(bindDefaults) : [];
    for (const proxy of model.proxies) {
      for (const bind of proxy.binds) {
        if (bind.options.length === 0) continue;
        const opts = fromLine(bind.options);
        checkOptions(opts, bindSide, bind.fileName);
        if (!oldDefaults || !bind.ssl || !bind.setting) continue;
        const all = [...globalMin, ...opts];
        const limited = all.some((o) => o.name === 'ssl-min-ver' || o.name.startsWith('force-')) || (all.some((o) => o.name === 'no-tlsv10') && all.some((o) => o.name === 'no-tlsv11'));
        if (limited) continue;
        const ssl = bind.options.find((o) => o.name === 'ssl');
        report({ messageId: 'oldDefault', data: { version: versions.haproxy }, at: ssl ? wordSpan(bind.fileName, ssl.word) : keywordSpan(bind.setting), certainty: 'likely' });
      }
      for (const server of proxy.servers) if (server.ssl) checkOptions(fromLine(server.options), serverSide, server.setting.fileName);
    }
  },
});
