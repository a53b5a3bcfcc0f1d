/**
 * Real VRRP for tests: one network namespace per host, joined by a veth pair (each end
 * named eth0), a real keepalived in each, its /tmp bound to a private directory so its
 * state dumps cannot mix with another daemon's. Everything started is stopped by pid and
 * every namespace deleted in destroy().
 */
import { execFile, execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync, mkdtempSync, openSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

export function vrrpLabUnavailableReason(): string | undefined {
  if (process.getuid?.() !== 0) return 'needs root (network namespaces)';
  for (const cmd of ['ip', 'keepalived', 'mount']) {
    try {
      execFileSync('sh', ['-c', 'command -v "$1"', 'sh', cmd], { stdio: 'ignore' });
    } catch {
      return `needs ${cmd}`;
    }
  }
  const probe = `cfgrun-probe-${process.pid}`;
  try {
    execFileSync('ip', ['netns', 'add', probe], { stdio: 'ignore' });
    execFileSync('ip', ['netns', 'del', probe], { stdio: 'ignore' });
  } catch {
    return 'ip netns add failed here';
  }
  return undefined;
}

export interface LabNode {
  name: string;
  ns: string;
  dir: string;
  target: string;
  pidFile: string;
  tmpDir: string;
  stateDir: string;
  lockFile: string;
  address: string;
  daemon?: ChildProcess;
}

export interface CliRun {
  code: number;
  stdout: string;
  stderr: string;
  json: any;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const ip = (...args: string[]) => execFileSync('ip', args, { stdio: ['ignore', 'pipe', 'pipe'] }).toString();

export class VrrpLab {
  readonly nodes = new Map<string, LabNode>();
  private readonly namespaces: string[] = [];
  private constructor(readonly root: string) {}

  /** Hosts on 192.168.4.0/24 (the lab's network), inside namespaces only this test can reach. */
  static create(hosts: Array<{ name: string; address: string; extraDownInterface?: string }>): VrrpLab {
    // Not under /tmp: keepalived's /tmp is replaced by a private directory.
    const lab = new VrrpLab(mkdtempSync('/var/tmp/cfgrun-vrrp-'));
    const tag = `${process.pid % 100000}`;
    try {
      hosts.forEach((h, i) => {
        const ns = `cfgrun-${tag}-${h.name}`;
        ip('netns', 'add', ns);
        lab.namespaces.push(ns);
        const dir = join(lab.root, h.name);
        mkdirSync(join(dir, 'tmp'), { recursive: true });
        mkdirSync(join(dir, 'etc'), { recursive: true });
        lab.nodes.set(h.name, {
          name: h.name,
          ns,
          dir,
          target: join(dir, 'etc', 'keepalived.conf'),
          pidFile: join(dir, 'keepalived.pid'),
          tmpDir: join(dir, 'tmp'),
          stateDir: join(dir, 'state'),
          lockFile: join(dir, 'cfgrun.lock'),
          address: h.address,
        });
        ip('-n', ns, 'link', 'set', 'lo', 'up');
        if (h.extraDownInterface) ip('-n', ns, 'link', 'add', h.extraDownInterface, 'type', 'veth', 'peer', 'name', `${h.extraDownInterface}p`);
        void i;
      });
      const [a, b] = [...lab.nodes.values()];
      const va = `cr${tag}a`;
      const vb = `cr${tag}b`;
      ip('link', 'add', va, 'type', 'veth', 'peer', 'name', vb);
      ip('link', 'set', va, 'netns', a.ns);
      ip('link', 'set', vb, 'netns', b.ns);
      for (const [node, dev] of [[a, va], [b, vb]] as const) {
        ip('-n', node.ns, 'link', 'set', dev, 'name', 'eth0');
        ip('-n', node.ns, 'addr', 'add', `${node.address}/24`, 'dev', 'eth0');
        ip('-n', node.ns, 'link', 'set', 'eth0', 'up');
      }
    } catch (error) {
      lab.destroy();
      throw error;
    }
    return lab;
  }

  node(name: string): LabNode {
    const n = this.nodes.get(name);
    if (!n) throw new Error(`no node ${name}`);
    return n;
  }

  /** Starts keepalived in the node's namespace with `config` installed at its target. */
  async startKeepalived(name: string, config: string): Promise<number> {
    const n = this.node(name);
    writeFileSync(n.target, config, { mode: 0o600 });
    const log = openSync(join(n.dir, 'keepalived.log'), 'a');
    const script = 'mount --bind "$1" /tmp && exec keepalived -n -l -D -f "$2" -p "$3" -r "$4" -c "$5"';
    n.daemon = spawn('ip', ['netns', 'exec', n.ns, 'sh', '-c', script, 'sh', n.tmpDir, n.target, n.pidFile, join(n.dir, 'vrrp.pid'), join(n.dir, 'checkers.pid')], { stdio: ['ignore', log, log] });
    const deadline = Date.now() + 5000;
    while (Date.now() < deadline) {
      try {
        if (Number(readFileSync(n.pidFile, 'utf8')) === n.daemon.pid) return n.daemon.pid!;
      } catch {
        // not yet written
      }
      await sleep(50);
    }
    throw new Error(`keepalived in ${n.ns} did not write ${n.pidFile}: ${readFileSync(join(n.dir, 'keepalived.log'), 'utf8').slice(-1000)}`);
  }

  /** Stops the node's keepalived (SIGTERM to its pid) and waits for it to exit. */
  async stopKeepalived(name: string): Promise<void> {
    const d = this.node(name).daemon;
    if (!d || d.exitCode !== null || d.signalCode !== null) return;
    const exited = new Promise((r) => d.once('exit', r));
    d.kill('SIGTERM');
    await Promise.race([exited, sleep(10_000)]);
    if (d.exitCode === null && d.signalCode === null) d.kill('SIGKILL');
  }

  /**
   * Freezes (SIGSTOP) or thaws (SIGCONT) the node's VRRP process: a MASTER that stops
   * advertising without a goodbye, as a hung host does. (Taking a veth end down would take
   * the peer's carrier down too.)
   */
  signalVrrp(name: string, signal: 'SIGSTOP' | 'SIGCONT'): void {
    const pid = Number(readFileSync(join(this.node(name).dir, 'vrrp.pid'), 'utf8'));
    if (!Number.isInteger(pid) || pid <= 1) throw new Error(`no VRRP pid for ${name}`);
    process.kill(pid, signal);
  }

  daemonAlive(name: string): boolean {
    const d = this.node(name).daemon;
    return !!d && d.exitCode === null && d.signalCode === null;
  }

  /** Names of the nodes whose interfaces hold `address`. */
  holders(address: string): string[] {
    return [...this.nodes.values()].filter((n) => ip('-n', n.ns, '-j', 'addr', 'show').includes(`"local":"${address}"`)).map((n) => n.name);
  }

  /** Waits until exactly `name` holds `address` (or `name` among others, with `shared`); returns the milliseconds it took. */
  async waitForHolder(address: string, name: string | undefined, timeoutMs: number, shared = false): Promise<number> {
    const start = performance.now();
    while (performance.now() - start < timeoutMs) {
      const h = this.holders(address);
      if (name === undefined ? h.length === 0 : (shared || h.length === 1) && h.includes(name)) return performance.now() - start;
      await sleep(20);
    }
    throw new Error(`${address} is on [${this.holders(address).join(', ')}], not ${name ?? 'nowhere'}, after ${timeoutMs} ms`);
  }

  /** Runs the cfgrun bundle inside the node's namespace against its keepalived (with --json unless told). */
  cfgrun(name: string, cli: string, args: string[], options: { json?: boolean } = {}): Promise<CliRun> {
    const n = this.node(name);
    const argv = ['netns', 'exec', n.ns, process.execPath, cli, ...args, ...(options.json === false ? [] : ['--json']), '--target', n.target, '--pid-file', n.pidFile, '--keepalived-tmp', n.tmpDir, '--state-dir', n.stateDir, '--lock-file', n.lockFile, '--reload', 'signal'];
    return new Promise((resolve) => {
      execFile('ip', argv, { timeout: 60_000, maxBuffer: 16 * 1024 * 1024 }, (error, stdout, stderr) => {
        const code = error ? (typeof error.code === 'number' ? error.code : -1) : 0;
        let json: any;
        try {
          json = JSON.parse(stdout);
        } catch {
          json = undefined;
        }
        resolve({ code, stdout, stderr, json });
      });
    });
  }

  /** Stops every daemon started here and deletes the namespaces and files. */
  async destroyAsync(): Promise<void> {
    for (const name of this.nodes.keys()) await this.stopKeepalived(name);
    this.destroy();
  }

  destroy(): void {
    for (const n of this.nodes.values()) if (n.daemon && n.daemon.exitCode === null && n.daemon.signalCode === null) n.daemon.kill('SIGKILL');
    for (const ns of this.namespaces) {
      try {
        execFileSync('ip', ['netns', 'del', ns], { stdio: 'ignore' });
      } catch {
        // already gone
      }
    }
    rmSync(this.root, { recursive: true, force: true });
  }
}
