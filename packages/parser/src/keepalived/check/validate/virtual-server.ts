import type { KaEffectiveStatement } from '../../preprocess/effective.js';
import type { CheckContext } from '../report.js';
import { argOf, child, children, fails, since } from './statements.js';

/** What keepalived 2.x's validate_check_config reports for one virtual_server. */
export function validateVirtualServer(vs: KaEffectiveStatement, ctx: CheckContext, groups: Map<string, KaEffectiveStatement>): void {
  const [a0, a1] = vs.args.map((a) => a.value);
  const isFwmark = a0 === 'fwmark';
  const group = a0 === 'group' ? groups.get(a1 ?? '') : undefined;
  if (a0 === 'group' && !group) return; // an undefined group: keepalived drops the server; not judged here
  const groupEntries = (group?.body ?? []).map((e) => [e.keyword.value, ...e.args.map((w) => w.value)]);
  const groupAddrs = groupEntries.filter((w) => w[0] !== 'fwmark');
  const groupMarks = groupEntries.filter((w) => w[0] === 'fwmark');
  const byAddress = group ? groupAddrs.length > 0 : !isFwmark;
  const fwmarkOnly = group ? groupAddrs.length === 0 && groupMarks.length > 0 : isFwmark;
  const vsPort = !group && !isFwmark ? portOf(a1) : 0;
  const label = `virtual_server ${vs.args.map((w) => w.value).join(' ')}`;
  const at = vs.args[0] ?? vs.keyword;
  const err = (code: string, message: string, s: KaEffectiveStatement = vs, word = s === vs ? at : s.keyword) => ctx.report(code, 'error', message, s, word);

  const realServers = children(vs, 'real_server');
  if (since(ctx, '2.0.0') && realServers.length === 0) {
    err('config/virtual-server-no-real-server', `${label} has no real_server: keepalived drops the whole virtual server, and ${fails(ctx)}.`);
    return;
  }
  const protocol = child(vs, 'protocol');
  if (since(ctx, '1.3.6') && byAddress && !protocol) {
    err('config/virtual-server-no-protocol', `${label} has no protocol: keepalived uses UDP, and ${fails(ctx)}. Add 'protocol TCP' (or UDP, SCTP).`);
  }
  if (since(ctx, '2.0.0') && byAddress && child(vs, 'ops') && (argOf(vs, 'protocol') ?? 'UDP').toUpperCase() !== 'UDP' && protocol) {
    err('config/virtual-server-ops', `'ops' (one-packet scheduling) needs protocol UDP: keepalived turns it off, and ${fails(ctx)}.`, child(vs, 'ops')!);
  }
  const persistence = child(vs, 'persistence_timeout');
  if (since(ctx, '2.0.0') && byAddress && !group && vsPort === 0 && !persistence) {
    err('config/virtual-server-zero-port', `${label} has no port: that is only valid for persistent services, so keepalived adds persistence, and ${fails(ctx)}.`);
  }
  if (since(ctx, '1.3.7') && protocol && fwmarkOnly) {
    err('config/virtual-server-fwmark-protocol', `A firewall-mark virtual server ignores 'protocol': ${fails(ctx)}.`, protocol);
  }
  if (since(ctx, '2.0.0') && !child(vs, 'lb_algo') && !child(vs, 'lvs_sched')) {
    err('config/virtual-server-no-scheduler', `${label} has no lb_algo: keepalived uses wlc, and ${fails(ctx)}.`);
  }
  if (since(ctx, '2.0.0') && child(vs, 'ha_suspend') && (isFwmark || groupMarks.length > 0)) {
    err('config/virtual-server-ha-suspend', `ha_suspend does not work with firewall marks: keepalived clears it, and ${fails(ctx)}.`, child(vs, 'ha_suspend')!);
  }

  const vsMethod = argOf(vs, 'lb_kind') ?? argOf(vs, 'lvs_method');
  const vsWeight = Number(argOf(vs, 'weight') ?? 1);
  const vsInhibit = inhibitOf(child(vs, 'inhibit_on_failure'));
  let reportedMethod = false;
  // Addresses seen, with their ports: a lookup per real server, not a scan of the earlier ones.
  const seen = new Map<string, Set<number>>();
  let weightSum = 0;
  const sorry = child(vs, 'sorry_server');
  const sorryEndpoint = sorry ? { addr: sorry.args[0]?.value ?? '', port: portOf(sorry.args[1]?.value) } : undefined;
  for (const rs of realServers) {
    const method = argOf(rs, 'lvs_method') ?? vsMethod;
    if (!method && !reportedMethod && since(ctx, '2.0.0')) {
      err('config/virtual-server-no-forwarding', `${label} sets no lb_kind and its real servers no lvs_method: keepalived uses NAT, and ${fails(ctx)}.`);
      reportedMethod = true;
    }
    const nat = (method ?? 'NAT') === 'NAT';
    const rsPort = portOf(rs.args[1]?.value);
    const endpoint = { addr: rs.args[0]?.value ?? '', port: rsPort || (isFwmark && !nat ? 0 : vsPort) };
    if (since(ctx, '2.0.20') && seen.get(endpoint.addr)?.has(endpoint.port)) {
      err('config/real-server-duplicate', `real_server ${endpoint.addr} ${endpoint.port} is listed twice in ${label}: keepalived drops the second, and ${fails(ctx)}.`, rs, rs.args[0] ?? rs.keyword);
    }
    const ports = seen.get(endpoint.addr);
    if (ports) ports.add(endpoint.port);
    else seen.set(endpoint.addr, new Set([endpoint.port]));
    if (!nat && rsPort) {
      if (isFwmark && since(ctx, '2.0.15')) {
        err('config/real-server-port', `With ${method} forwarding a firewall-mark virtual server's real servers take no port: keepalived clears it, and ${fails(ctx)}.`, rs, rs.args[1]);
      } else if (!group && !isFwmark && rsPort !== vsPort && since(ctx, '2.0.15')) {
        err('config/real-server-port', `With ${method} forwarding a real server must use the virtual server's port (${vsPort}), not ${rsPort}: keepalived resets it, and ${fails(ctx)}.`, rs, rs.args[1]);
      } else if (group && since(ctx, '2.0.15') && groupAddrs.some((g) => portOf(g[1]) !== rsPort)) {
        err('config/real-server-port', `With ${method} forwarding a real server must use the ports of the virtual_server_group's addresses: ${fails(ctx)}.`, rs, rs.args[1]);
      }
    }
    const weight = rs.body?.some((c) => c.keyword.value === 'weight') ? Number(argOf(rs, 'weight')) : vsWeight;
    if (Number.isFinite(weight)) weightSum += weight;
    if (since(ctx, '2.0.20') && sorryEndpoint && sorryEndpoint.addr === endpoint.addr && (sorryEndpoint.port || vsPort) === endpoint.port) {
      const rsInhibit = child(rs, 'inhibit_on_failure') ? inhibitOf(child(rs, 'inhibit_on_failure')) : vsInhibit;
      const sorryInhibit = !!child(vs, 'sorry_server_inhibit');
      if (rsInhibit !== sorryInhibit) {
        err('config/sorry-server-inhibit', `The sorry server is also real_server ${endpoint.addr} but their inhibit_on_failure settings differ: keepalived changes the sorry server's, and ${fails(ctx)}.`, sorry!);
      }
    }
  }
  if (sorry && !child(vs, 'sorry_server_lvs_method') && !vsMethod && !reportedMethod && since(ctx, '2.0.0')) {
    err('config/virtual-server-no-forwarding', `${label} sets no lb_kind for its sorry server: keepalived uses NAT, and ${fails(ctx)}.`);
  }
  if (sorry && sorryEndpoint?.port && !isFwmark && !group && since(ctx, '2.0.15')) {
    const sorryMethod = argOf(vs, 'sorry_server_lvs_method') ?? vsMethod ?? 'NAT';
    if (sorryMethod !== 'NAT' && sorryEndpoint.port !== vsPort) {
      err('config/real-server-port', `With ${sorryMethod} forwarding the sorry server must use the virtual server's port (${vsPort}): keepalived resets it, and ${fails(ctx)}.`, sorry, sorry.args[1]);
    }
  }
  const quorum = Number(argOf(vs, 'quorum') ?? 1);
  if (since(ctx, '2.0.14') && Number.isFinite(quorum) && quorum > weightSum) {
    err('config/virtual-server-quorum', `quorum ${quorum} exceeds the total weight of the real servers (${weightSum}): the service could never come up, so keepalived lowers it, and ${fails(ctx)}.`, child(vs, 'quorum') ?? vs);
  }
  const hysteresis = Number(argOf(vs, 'hysteresis') ?? 0);
  const effectiveQuorum = quorum > weightSum ? weightSum : quorum;
  if (since(ctx, '2.0.0') && Number.isFinite(hysteresis) && hysteresis >= effectiveQuorum) {
    err('config/virtual-server-hysteresis', `hysteresis ${hysteresis} must be below quorum (${quorum}): keepalived lowers it, and ${fails(ctx)}.`, child(vs, 'hysteresis') ?? vs);
  }
}

function portOf(word: string | undefined): number {
  if (word === undefined || !/^\d+$/.test(word)) return 0;
  return Number(word);
}

function inhibitOf(s: KaEffectiveStatement | undefined): boolean {
  if (!s) return false;
  const v = s.args[0]?.value;
  return v === undefined || /^(true|on|yes)$/.test(v);
}

/** virtual_server_group blocks by name. */
export function groupsByName(statements: readonly KaEffectiveStatement[]): Map<string, KaEffectiveStatement> {
  const out = new Map<string, KaEffectiveStatement>();
  for (const s of statements) if (s.keyword.value === 'virtual_server_group' && s.args[0]) out.set(s.args[0].value, s);
  return out;
}

