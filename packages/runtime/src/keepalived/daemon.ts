import { existsSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import type { Executor } from '../exec/executor.js';
import { parseKeepalivedData, parseKeepalivedJson, type InstanceState } from './state.js';

export interface DaemonOptions {
  pidFile: string;
  reload: 'auto' | 'signal' | 'systemd';
  service: string;
  /** keepalived's /tmp, where it writes its dumps. */
  tmpDir: string;
  keepalived?: string;
  /** Read keepalived.data (SIGUSR1) even when the JSON dump is available. */
  preferData?: boolean;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** The pid of the running keepalived parent, or a reason why there is none. */
export function daemonPid(pidFile: string): { pid: number } | { reason: string } {
  let text: string;
  try {
    text = readFileSync(pidFile, 'utf8').trim();
  } catch {
    return { reason: `no pid file ${pidFile}` };
  }
  const pid = Number(text);
  if (!Number.isInteger(pid) || pid <= 1) return { reason: `${pidFile} holds no pid ('${text.slice(0, 20)}')` };
  if (!processAlive(pid)) return { reason: `keepalived (pid ${pid} from ${pidFile}) is not running` };
  const comm = readComm(pid);
  if (comm !== undefined && comm !== 'keepalived') return { reason: `pid ${pid} from ${pidFile} is '${comm}', not keepalived` };
  return { pid };
}

export function processAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

function readComm(pid: number): string | undefined {
  try {
    return readFileSync(`/proc/${pid}/comm`, 'utf8').trim();
  } catch {
    return undefined;
  }
}

export async function usesSystemd(exec: Executor, service: string): Promise<boolean> {
  if (!existsSync('/run/systemd/system')) return false;
  const r = await exec.run('systemctl', ['is-active', '--quiet', service]);
  return r.code === 0;
}

/** Whether systemd manages keepalived here (the unit exists), running or not. */
export async function systemdHasUnit(exec: Executor, service: string): Promise<boolean> {
  if (!existsSync('/run/systemd/system')) return false;
  return (await exec.run('systemctl', ['cat', service])).code === 0;
}

/** Starts keepalived through systemd (first deployment on a host). */
export async function startViaSystemd(exec: Executor, service: string): Promise<string> {
  const r = await exec.run('systemctl', ['start', service]);
  if (r.code !== 0) throw new Error(`systemctl start ${service} failed: ${(r.stderr || r.stdout).trim()}`);
  return `systemctl start ${service}`;
}

/** Asks the running daemon to re-read its config: `systemctl reload` or SIGHUP. Returns how. */
export async function reloadDaemon(exec: Executor, options: DaemonOptions, pid: number): Promise<string> {
  const systemd = options.reload === 'systemd' || (options.reload === 'auto' && (await usesSystemd(exec, options.service)));
  if (systemd) {
    const r = await exec.run('systemctl', ['reload', options.service]);
    if (r.code !== 0) throw new Error(`systemctl reload ${options.service} failed: ${(r.stderr || r.stdout).trim()}`);
    return `systemctl reload ${options.service}`;
  }
  process.kill(pid, 'SIGHUP');
  return `kill -HUP ${pid}`;
}

let jsonSignal: number | null | undefined;

/** keepalived's number for its JSON dump signal (`keepalived --signum=JSON`), or null when unsupported. */
export async function jsonSignalNumber(exec: Executor, keepalived = 'keepalived'): Promise<number | null> {
  if (jsonSignal !== undefined) return jsonSignal;
  const r = await exec.run(keepalived, ['--signum=JSON']);
  const n = Number(r.stdout.trim());
  jsonSignal = r.code === 0 && Number.isInteger(n) && n > 0 ? n : null;
  return jsonSignal;
}

/**
 * Asks the daemon for its VRRP state: the JSON dump when keepalived supports it, else the
 * SIGUSR1 data dump. The old dump is removed first so only a fresh one is read.
 */
export async function readDaemonState(exec: Executor, options: DaemonOptions, pid: number, timeoutMs = 3000): Promise<{ source: string; instances: InstanceState[] }> {
  const signal = options.preferData ? null : await jsonSignalNumber(exec, options.keepalived);
  const file = join(options.tmpDir, signal ? 'keepalived.json' : 'keepalived.data');
  rmSync(file, { force: true });
  process.kill(pid, signal ?? 'SIGUSR1');
  const deadline = Date.now() + timeoutMs;
  let lastError = 'no dump written';
  while (Date.now() < deadline) {
    await sleep(50);
    if (!existsSync(file)) continue;
    const text = readFileSync(file, 'utf8');
    try {
      if (signal) return { source: file, instances: parseKeepalivedJson(text) };
      // keepalived.data is written in pieces; it is complete once the VRRP section ended.
      if (/------< VRRP Sockpool >------|------< Interfaces >------/.test(text) || !text.includes('VRRP Topology')) {
        if (text.length > 0) return { source: file, instances: parseKeepalivedData(text) };
      }
    } catch (error) {
      lastError = (error as Error).message; // half-written: read again
    }
  }
  throw new Error(`keepalived (pid ${pid}) wrote no state to ${file} within ${timeoutMs} ms (${lastError}); is --keepalived-tmp right?`);
}

/** Addresses on this host's interfaces: `ip -j addr`. */
export async function hostAddresses(exec: Executor): Promise<Map<string, string>> {
  const r = await exec.run('ip', ['-j', 'addr', 'show']);
  if (r.code !== 0) throw new Error(`ip -j addr failed: ${r.stderr.trim()}`);
  const links = JSON.parse(r.stdout) as Array<{ ifname: string; addr_info?: Array<{ local: string }> }>;
  const out = new Map<string, string>();
  for (const link of links) for (const a of link.addr_info ?? []) out.set(a.local, link.ifname);
  return out;
}
