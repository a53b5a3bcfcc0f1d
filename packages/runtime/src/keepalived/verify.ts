import type { VrrpInstanceFact } from '../config/facts.js';
import type { Executor } from '../exec/executor.js';
import { canonicalIpv6 } from '../validate/values.js';
import { hostAddresses, processAlive, readDaemonState, type DaemonOptions } from './daemon.js';
import type { InstanceState } from './state.js';

export interface Consistency {
  /** The daemon runs exactly the config's instances (names, VRIDs, priorities, VIPs). */
  loaded: boolean;
  /** Why not loaded, or what is inconsistent. */
  problems: string[];
}

const canonical = (a: string) => (a.includes(':') ? canonicalIpv6(a) : a);

/**
 * Compares keepalived's reported state with the config and the host's addresses. Pure.
 * A MASTER must hold all its VIPs on this host, a BACKUP none; FAULT is a failure.
 */
export function checkConsistency(expected: VrrpInstanceFact[], instances: InstanceState[], addresses: Map<string, string>): Consistency {
  const problems: string[] = [];
  const byName = new Map(instances.map((i) => [i.name, i]));
  let loaded = true;
  const notLoaded = (text: string) => {
    loaded = false;
    problems.push(text);
  };
  for (const want of expected) {
    const have = byName.get(want.name);
    if (!have) {
      notLoaded(`instance ${want.name} is not running`);
      continue;
    }
    if (want.virtualRouterId !== undefined && have.vrid !== undefined && Number(want.virtualRouterId) !== have.vrid) notLoaded(`${want.name} runs VRID ${have.vrid}, config says ${want.virtualRouterId}`);
    if (have.priority !== undefined && Number(want.priority ?? 100) !== have.priority) notLoaded(`${want.name} runs priority ${have.priority}, config says ${want.priority ?? 100}`);
    const wantVips = want.virtualIps.map((v) => canonical(v.address)).sort();
    const haveVips = have.vips.map(canonical).sort();
    if (wantVips.join(' ') !== haveVips.join(' ')) notLoaded(`${want.name} runs VIPs ${haveVips.join(', ') || 'none'}, config says ${wantVips.join(', ') || 'none'}`);
  }
  const expectedNames = new Set(expected.map((e) => e.name));
  for (const have of instances) if (!expectedNames.has(have.name)) notLoaded(`instance ${have.name} still runs but is not in the config`);
  if (!loaded) return { loaded, problems };
  for (const have of instances) {
    if (have.state === 'FAULT') problems.push(`${have.name} is in FAULT state (its interface${have.interface ? ` ${have.interface}` : ''} is down, or a tracked interface or script failed)`);
    else if (have.state === 'INIT' || have.state === 'UNKNOWN') problems.push(`${have.name} is still in ${have.state} state`);
    else {
      const present = have.vips.filter((v) => addresses.has(canonical(v)));
      if (have.state === 'MASTER' && present.length !== have.vips.length) problems.push(`${have.name} is MASTER but ${have.vips.filter((v) => !addresses.has(canonical(v))).join(', ')} is not on this host`);
      if (have.state === 'BACKUP' && present.length > 0) problems.push(`${have.name} is BACKUP but holds ${present.join(', ')}`);
    }
  }
  return { loaded, problems };
}

export interface VerifyResult {
  ok: boolean;
  problems: string[];
  instances: InstanceState[];
  /** VIPs on this host that belong to the config's instances. */
  vipsHere: string[];
  ms: number;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Polls the daemon until it runs the config consistently, or the timeout passes. */
export async function verifyDaemon(exec: Executor, options: DaemonOptions, pid: number, expected: VrrpInstanceFact[], timeoutMs: number): Promise<VerifyResult> {
  const start = Date.now();
  let last: VerifyResult = { ok: false, problems: ['not checked yet'], instances: [], vipsHere: [], ms: 0 };
  const allVips = new Set(expected.flatMap((e) => e.virtualIps.map((v) => canonical(v.address))));
  if (expected.length === 0) {
    // No VRRP instances: keepalived runs no VRRP process and writes no state dump. The
    // daemon surviving the reload for a moment is what can be checked.
    await sleep(Math.min(1000, timeoutMs));
    const alive = processAlive(pid);
    return { ok: alive, problems: alive ? [] : [`keepalived (pid ${pid}) is no longer running`], instances: [], vipsHere: [], ms: Date.now() - start };
  }
  do {
    if (!processAlive(pid)) return { ...last, ok: false, problems: [`keepalived (pid ${pid}) is no longer running`], ms: Date.now() - start };
    try {
      const { instances } = await readDaemonState(exec, options, pid, Math.min(3000, Math.max(500, timeoutMs)));
      const addresses = await hostAddresses(exec);
      const c = checkConsistency(expected, instances, addresses);
      last = { ok: c.loaded && c.problems.length === 0, problems: c.problems, instances, vipsHere: [...addresses.keys()].filter((a) => allVips.has(a)), ms: Date.now() - start };
      if (last.ok) return last;
    } catch (error) {
      last = { ...last, problems: [(error as Error).message], ms: Date.now() - start };
    }
    await sleep(250);
  } while (Date.now() - start < timeoutMs);
  return { ...last, ok: false, ms: Date.now() - start };
}
