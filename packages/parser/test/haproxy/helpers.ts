import { readdirSync } from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Diagnostic, HaproxyModel, HaAddress } from '../../src/index.js';

export const repoRoot = fileURLToPath(new URL('../../../../', import.meta.url));
export const fixturesDir = path.join(repoRoot, 'fixtures/haproxy');
export const corpusDir = path.join(repoRoot, '../shared/corpus/haproxy');

/** `.cfg` files of a fixture folder, sorted. */
export function fixtureFiles(folder: string): string[] {
  const dir = path.join(fixturesDir, folder);
  return readdirSync(dir)
    .filter((n) => n.endsWith('.cfg'))
    .sort()
    .map((n) => path.join(dir, n));
}

export function corpusFiles(): string[] {
  try {
    return readdirSync(corpusDir)
      .filter((n) => n.endsWith('.cfg'))
      .sort()
      .map((n) => path.join(corpusDir, n));
  } catch {
    return [];
  }
}

export function printDiagnostics(diagnostics: readonly Diagnostic[]): string {
  return diagnostics
    .map((d) => {
      const r = d.range;
      return `${d.severity} ${d.code} ${path.basename(d.fileName)}:${r.start.line + 1}:${r.start.character + 1}-${r.end.line + 1}:${r.end.character + 1} ${d.message}`;
    })
    .join('\n');
}

function addr(a: HaAddress): string {
  if (a.error) return `!${a.raw}(${a.error})`;
  const where = a.family === 'unix' || a.family === 'abns' ? a.path : a.family === 'fd' || a.family === 'sockpair' ? `#${a.fd}` : `${a.host}`;
  const port =
    a.portOffset !== undefined ? `:${a.portOffset > 0 ? '+' : ''}${a.portOffset}` : a.port === undefined ? '' : a.portEnd !== a.port ? `:${a.port}-${a.portEnd}` : `:${a.port}`;
  return `${a.prefix ? a.prefix + '@' : ''}${a.family}(${where}${port})${a.wildcard ? '*' : ''}${a.hasVariable ? '$' : ''}`;
}

/** A compact, readable summary of the model for snapshots. */
export function summarizeModel(model: HaproxyModel): string {
  const out: string[] = [];
  const g = model.global;
  if (g.sections.length > 0) {
    const facts = [
      g.user && `user=${g.user.value}`,
      g.group && `group=${g.group.value}`,
      g.chroot && `chroot=${g.chroot.value}`,
      g.maxconn && `maxconn=${g.maxconn.value}`,
      g.nbthread && `nbthread=${g.nbthread.value}`,
      g.daemon && 'daemon',
      g.masterWorker && 'master-worker',
      g.logs.length > 0 && `logs=${g.logs.length}`,
    ].filter(Boolean);
    out.push(['global', ...facts].join(' '));
    for (const s of g.statsSockets) {
      out.push(`  stats socket ${addr(s.address)} level=${s.level}${s.levelSet ? '' : '(default)'}${s.mode ? ` mode=${s.mode}` : ''}${s.user ? ` user=${s.user}` : ''}`);
    }
    for (const [k, s] of g.ssl) out.push(`  ${k} ${s.values.join(' ')}`);
  }
  for (const d of model.defaults) {
    out.push(
      `defaults${d.name ? ` ${d.name}` : ''}${d.from ? ` from ${d.from.name}${d.from.target ? '' : '(missing)'}` : ''} mode=${d.effective.mode} timeouts=[${[...d.effective.timeouts].map(([k, s]) => `${k}=${s.values[0]}`).join(' ')}] options=[${[...d.effective.options].map(([k, o]) => (o.enabled ? '' : 'no ') + k).join(', ')}]${d.effective.defaultServer ? ` default-server=[${d.effective.defaultServer.options.map((o) => o.name + (o.value ? ' ' + o.value : '')).join(' ')}]` : ''}`,
    );
  }
  for (const p of model.proxies) {
    const parent = p.inheritsFrom ? (p.inheritsFrom.name ?? `(anonymous defaults ${model.defaults.indexOf(p.inheritsFrom)})`) : '-';
    out.push(
      `${p.kind} ${p.name}${p.undecided ? ' UNDECIDED' : ''} inherits=${parent} mode=${p.effective.mode} timeouts=[${[...p.effective.timeouts].map(([k, s]) => `${k}=${s.values[0]}`).join(' ')}] options=[${[...p.effective.options].map(([k, o]) => (o.enabled ? '' : 'no ') + k).join(', ')}]`,
    );
    for (const b of p.binds) {
      const opts = b.options.map((o) => o.name + (o.value !== undefined ? ` ${o.value}` : '') + (o.unknown ? '?' : '')).join(' ');
      out.push(`  bind ${b.addresses.map(addr).join(',')}${b.legacy ? ' (legacy header address)' : ''}${opts ? ` [${opts}]` : ''}${b.undecided ? ' UNDECIDED' : ''}`);
    }
    for (const s of p.servers) {
      const facts = [
        s.template && `template=${s.template}`,
        s.check !== undefined && `check=${s.check}`,
        s.backup && 'backup',
        s.disabled && 'disabled',
        s.ssl && 'ssl',
        s.weight !== undefined && `weight=${s.weight}`,
        s.rise !== undefined && `rise=${s.rise}`,
        s.fall !== undefined && `fall=${s.fall}`,
        s.inter !== undefined && `inter=${s.inter}ms`,
        s.fastinter !== undefined && `fastinter=${s.fastinter}ms`,
        s.downinter !== undefined && `downinter=${s.downinter}ms`,
        s.maxconn !== undefined && `maxconn=${s.maxconn}`,
        s.checkPort !== undefined && `checkPort=${s.checkPort}`,
        s.verify && `verify=${s.verify}`,
        s.track && `track=${s.track}`,
      ].filter(Boolean);
      out.push(`  server ${s.name} ${addr(s.address)}${facts.length ? ' ' + facts.join(' ') : ''}`);
    }
    for (const a of p.acls) out.push(`  acl ${a.name} ${a.criterion ?? ''}${a.flags.length ? ` flags=[${a.flags.join(' ')}]` : ''} patterns=[${a.patterns.join(' ')}]`);
    for (const u of p.useBackends) {
      const cond = u.condition ? ` ${u.condition.kind} refs=[${u.condition.aclRefs.map((r) => (r.negated ? '!' : '') + r.name).join(' ')}] anonymous=${u.condition.anonymousAcls.length}` : '';
      out.push(`  use_backend ${u.backend}${u.dynamic ? ' (dynamic)' : ''}${cond}`);
    }
    for (const u of p.useServers) out.push(`  use-server ${u.server}${u.condition ? ` ${u.condition.kind}` : ''}`);
    if (p.effective.defaultBackend) out.push(`  default_backend ${p.effective.defaultBackend.backend}${p.defaultBackend ? '' : ' (inherited)'}`);
    for (const r of p.rules) {
      out.push(`  rule ${r.keyword} ${r.action}${r.args.length ? ` args=${r.args.length}` : ''}${r.condition ? ` ${r.condition.kind} refs=[${r.condition.aclRefs.map((x) => (x.negated ? '!' : '') + x.name).join(' ')}] anonymous=${r.condition.anonymousAcls.length}` : ''}`);
    }
    const st = p.effective.stats;
    if (st.enabled) {
      out.push(
        `  stats uri=${st.uri?.value ?? '-'} realm=${st.realm?.value ?? '-'} refresh=${st.refresh?.value ?? '-'} auth=[${st.auth.map((a) => `${a.user}:${a.password}`).join(' ')}] admin=${st.admin.length} hideVersion=${!!st.hideVersion}${p.stats.enabled ? '' : ' (inherited)'}`,
      );
    }
    if (p.effective.inheritedRules.length > 0) out.push(`  inherited rules=${p.effective.inheritedRules.length}`);
  }
  for (const u of model.userlists) {
    out.push(`userlist ${u.name}`);
    for (const usr of u.users) out.push(`  user ${usr.name} password=${usr.passwordKind} groups=[${usr.groups.join(',')}]`);
    for (const grp of u.groups) out.push(`  group ${grp.name} users=[${grp.users.join(',')}]`);
  }
  for (const p of model.peers) out.push(`peers ${p.name} ${p.peers.map((x) => `${x.name}=${x.address ? addr(x.address) : '-'}`).join(' ')}`);
  for (const r of model.resolvers) {
    out.push(`resolvers ${r.name} ${r.nameservers.map((n) => `${n.name}=${addr(n.address)}`).join(' ')} timeouts=[${[...r.timeouts.keys()].join(',')}] holds=[${[...r.holds.keys()].join(',')}]`);
  }
  for (const m of model.mailers) out.push(`mailers ${m.name} ${m.mailers.map((x) => `${x.name}=${addr(x.address)}`).join(' ')} timeout=${m.timeoutMail?.value ?? '-'}`);
  for (const s of model.otherSections) {
    out.push(`${s.kind}${s.name ? ` ${s.name}` : ''} keywords=[${[...s.byKeyword.keys()].join(', ')}]`);
    for (const b of s.binds) out.push(`  bind ${b.addresses.map((a) => addr(a) + (a.transport === 'dgram' ? '/dgram' : '')).join(',')}`);
  }
  for (const c of model.conditionals) {
    const p = c.node.branches[0].keyword;
    out.push(`conditional ${path.basename(c.fileName)}@${p.start} taken=${c.taken} decided=${c.decided}${c.undecided ? ' (inside undecided)' : ''}`);
  }
  for (const o of model.orphans) out.push(`orphan ${o.keyword} (${path.basename(o.fileName)})`);
  return out.join('\n') + '\n';
}
