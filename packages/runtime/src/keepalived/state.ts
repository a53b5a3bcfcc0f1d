/**
 * keepalived's own account of its state, written on signal: the JSON signal writes
 * keepalived.json (per-instance state, priority, VRID, VIPs); SIGUSR1 writes keepalived.data.
 */
export type VrrpState = 'INIT' | 'BACKUP' | 'MASTER' | 'FAULT' | 'UNKNOWN';

export interface InstanceState {
  name: string;
  state: VrrpState;
  interface?: string;
  vrid?: number;
  priority?: number;
  effectivePriority?: number;
  /** VIP addresses (without prefix or options). */
  vips: string[];
}

const STATES: Record<number, VrrpState> = { 0: 'INIT', 1: 'BACKUP', 2: 'MASTER', 3: 'FAULT' };

/** Parses keepalived.json. The password (auth_data) is never copied out. */
export function parseKeepalivedJson(text: string): InstanceState[] {
  const data = JSON.parse(text) as Array<{ data?: Record<string, unknown> }>;
  if (!Array.isArray(data)) throw new Error('keepalived.json is not a list of instances');
  return data.map(({ data: d = {} }) => ({
    name: String(d.iname ?? ''),
    state: STATES[Number(d.state)] ?? 'UNKNOWN',
    ...(typeof d.ifp_ifname === 'string' ? { interface: d.ifp_ifname } : {}),
    ...(typeof d.vrid === 'number' ? { vrid: d.vrid } : {}),
    ...(typeof d.base_priority === 'number' ? { priority: d.base_priority } : {}),
    ...(typeof d.effective_priority === 'number' ? { effectivePriority: d.effective_priority } : {}),
    vips: Array.isArray(d.vips) ? d.vips.map((v) => String(v).split(/\s+/)[0].split('/')[0]) : [],
  }));
}

/** Parses the VRRP part of keepalived.data (`VRRP Instance = X`, `State = Y`, `Virtual IP (n):` lines). */
export function parseKeepalivedData(text: string): InstanceState[] {
  const out: InstanceState[] = [];
  let current: InstanceState | undefined;
  let inVips = false;
  for (const raw of text.split('\n')) {
    const line = raw.trim();
    const instance = /^VRRP Instance = (\S+)/.exec(line);
    if (instance) {
      current = { name: instance[1], state: 'UNKNOWN', vips: [] };
      out.push(current);
      inVips = false;
      continue;
    }
    if (!current) continue;
    if (/^------</.test(line)) {
      current = undefined;
      continue;
    }
    let m;
    if ((m = /^State = (\S+)$/.exec(line))) current.state = (['INIT', 'BACKUP', 'MASTER', 'FAULT'].includes(m[1]) ? m[1] : 'UNKNOWN') as VrrpState;
    else if ((m = /^Interface = (\S+)$/.exec(line))) current.interface = m[1];
    else if ((m = /^Virtual Router ID = (\d+)$/.exec(line))) current.vrid = Number(m[1]);
    else if ((m = /^Priority = (\d+)$/.exec(line))) current.priority = Number(m[1]);
    else if ((m = /^Effective priority = (\d+)$/.exec(line))) current.effectivePriority = Number(m[1]);
    else if (/^Virtual IP \(\d+\):$/.test(line)) inVips = true;
    else if (inVips && /^[0-9a-fA-F:.]+(\/\d+)?\s/.test(line + ' ')) current.vips.push(line.split(/\s+/)[0].split('/')[0]);
    else inVips = false;
  }
  return out;
}
