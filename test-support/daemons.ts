/**
 * Runs the real daemons' own checkers for tests and measurements:
 * `haproxy -c -dr -f FILE` and `keepalived -t -l -f FILE`, the latter inside a
 * throwaway network namespace holding the interfaces the config names (keepalived
 * checks that they exist; the host kernel has no dummy links, so veth pairs stand in).
 */
import { execFile, execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';

export interface CheckResult {
  code: number;
  output: string;
}

function run(cmd: string, args: string[], timeoutMs = 20_000): Promise<CheckResult> {
  return new Promise((resolve) => {
    execFile(cmd, args, { timeout: timeoutMs, maxBuffer: 32 * 1024 * 1024 }, (error, stdout, stderr) => {
      const code = error ? (typeof error.code === 'number' ? error.code : 124) : 0;
      resolve({ code, output: `${stdout}${stderr}` });
    });
  });
}

function hasCommand(cmd: string): boolean {
  try {
    execFileSync('sh', ['-c', `command -v ${cmd}`], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

let netnsUsable: boolean | undefined;

/** Why the network-namespace checks cannot run here, or undefined when they can. */
export function netnsUnavailableReason(): string | undefined {
  if (process.getuid?.() !== 0) return 'needs root for ip netns';
  if (!hasCommand('ip')) return 'needs iproute2 (ip)';
  if (netnsUsable === undefined) {
    const name = `cfgl-probe-${process.pid}`;
    try {
      execFileSync('ip', ['netns', 'add', name], { stdio: 'ignore' });
      execFileSync('ip', ['netns', 'del', name], { stdio: 'ignore' });
      netnsUsable = true;
    } catch {
      netnsUsable = false;
    }
  }
  return netnsUsable ? undefined : 'ip netns add failed on this machine';
}

/** Why `haproxy -c` cannot run here, or undefined when it can. */
export function haproxyUnavailableReason(): string | undefined {
  return hasCommand('haproxy') ? undefined : 'needs haproxy (apt-get install haproxy)';
}

/** Why `keepalived -t` cannot run here, or undefined when it can. */
export function keepalivedUnavailableReason(): string | undefined {
  if (!hasCommand('keepalived')) return 'needs keepalived (apt-get install keepalived)';
  return netnsUnavailableReason();
}

export function haproxyCheck(file: string, extraArgs: string[] = []): Promise<CheckResult> {
  return run('haproxy', ['-c', '-dr', ...extraArgs, '-f', file]);
}

/**
 * Interface names a keepalived config refers to, found by a plain word scan
 * (`interface X`, `dev X`, `track_interface { X … }`, `lvs_sync_daemon X`).
 */
export function interfacesIn(text: string): string[] {
  const names = new Set<string>();
  const words = text.replace(/[#!].*$/gm, '').split(/\s+/).filter(Boolean);
  let inTrackInterface = false;
  for (let i = 0; i < words.length; i++) {
    const w = words[i];
    const next = words[i + 1];
    if (inTrackInterface) {
      if (w === '}') inTrackInterface = false;
      else if (w !== '{' && w !== 'weight' && !/^-?\d+$/.test(w)) names.add(w);
      continue;
    }
    if (w === 'track_interface') {
      inTrackInterface = true;
      continue;
    }
    if ((w === 'interface' || w === 'dev' || w === 'lvs_sync_daemon' || w === 'lvs_sync_daemon_interface') && next && next !== '{') {
      names.add(next);
    }
  }
  return [...names].filter((n) => /^[A-Za-z0-9_.:@-]{1,15}$/.test(n) && n !== 'lo' && !n.startsWith('$'));
}

let namespaceCounter = 0;

/**
 * `keepalived -t -l -f FILE` in a new network namespace with a veth link for each
 * interface (default: those the file names). The namespace is deleted afterwards.
 */
export async function keepalivedCheck(file: string, options: { interfaces?: string[]; extraArgs?: string[] } = {}): Promise<CheckResult> {
  const interfaces = options.interfaces ?? interfacesIn(readFileSync(file, 'utf8'));
  const ns = `cfgl-${process.pid}-${++namespaceCounter}`;
  const ip = (...args: string[]) => run('ip', args);
  const added = await ip('netns', 'add', ns);
  if (added.code !== 0) return { code: -1, output: `could not create network namespace ${ns}: ${added.output}` };
  try {
    await ip('-n', ns, 'link', 'set', 'lo', 'up');
    let peer = 0;
    for (const name of interfaces) {
      const made = await ip('-n', ns, 'link', 'add', name, 'type', 'veth', 'peer', 'name', `cfglp${peer++}`);
      if (made.code === 0) await ip('-n', ns, 'link', 'set', name, 'up');
    }
    return await run('ip', ['netns', 'exec', ns, 'keepalived', '-t', '-l', ...(options.extraArgs ?? []), '-f', file]);
  } finally {
    await ip('netns', 'del', ns);
  }
}
