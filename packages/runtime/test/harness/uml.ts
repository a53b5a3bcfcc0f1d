/**
 * Runs commands on a real Linux kernel with IPVS: user-mode Linux booting the host's own
 * file system (hostfs), with the UML kernel's modules loaded by `modprobe -d`. Each step's
 * output and status are written to files in a host directory and read back after halt.
 */
import { spawn, execFileSync } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const LINUX_UML = '/usr/bin/linux.uml';
const UML_MODULES = '/usr/lib/uml/modules';

function hasCommand(cmd: string): boolean {
  try {
    execFileSync('sh', ['-c', 'command -v "$1"', 'sh', cmd], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

/** Why user-mode Linux tests cannot run here, or undefined when they can. */
export function umlUnavailableReason(): string | undefined {
  if (process.getuid?.() !== 0) return 'needs root';
  if (!existsSync(LINUX_UML)) return 'needs user-mode Linux (apt-get install user-mode-linux)';
  if (!existsSync(UML_MODULES) || readdirSync(UML_MODULES).length === 0) return `no UML kernel modules in ${UML_MODULES}`;
  for (const cmd of ['modprobe', 'ipvsadm', 'ip']) if (!hasCommand(cmd)) return `needs ${cmd} (apt-get install kmod ipvsadm iproute2)`;
  return undefined;
}

export interface UmlStep {
  name: string;
  /** argv of the command; run with stdout/stderr captured. */
  argv: string[];
}

export interface UmlStepResult {
  code: number;
  stdout: string;
  stderr: string;
}

const quote = (s: string) => `'${s.replace(/'/g, `'\\''`)}'`;

export interface UmlOptions {
  /** Modules to load (default: ip_vs with rr and wrr, and dummy for the real servers' route). */
  modules?: string[];
  /** Shell lines run before the steps (e.g. addresses). */
  setup?: string[];
  timeoutMs?: number;
}

export async function runInUml(steps: UmlStep[], options: UmlOptions = {}): Promise<{ results: Map<string, UmlStepResult>; console: string; dir: string }> {
  const dir = mkdtempSync(join(tmpdir(), 'cfgrun-uml-'));
  const version = readdirSync(UML_MODULES)[0];
  mkdirSync(join(dir, 'mods/lib/modules'), { recursive: true });
  symlinkSync(join(UML_MODULES, version), join(dir, 'mods/lib/modules', version));
  const modules = options.modules ?? ['ip_vs', 'ip_vs_rr', 'ip_vs_wrr', 'dummy'];
  const lines = [
    '#!/bin/sh',
    'export PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin',
    'mount -t proc proc /proc',
    'mount -t sysfs sys /sys',
    // Private /run and /tmp inside the guest: nothing the steps write there reaches the host.
    'mount -t tmpfs tmpfs /run',
    `modprobe -a -d ${quote(join(dir, 'mods'))} ${modules.map(quote).join(' ')} || echo MODPROBE-FAILED`,
    ...(options.setup ?? []),
  ];
  for (const step of steps) {
    const base = quote(join(dir, `step-${step.name}`));
    lines.push(`${step.argv.map(quote).join(' ')} >${base}.out 2>${base}.err </dev/null; echo $? >${base}.rc`);
  }
  lines.push('halt -f', '');
  const init = join(dir, 'init.sh');
  writeFileSync(init, lines.join('\n'));
  chmodSync(init, 0o755);
  const args = ['mem=512M', 'rootfstype=hostfs', 'rootflags=/', 'rw', `init=${init}`, 'con0=fd:0,fd:1', 'con=null', 'quiet'];
  const console = await new Promise<string>((resolve, reject) => {
    const child = spawn(LINUX_UML, args, { stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    child.stdout.on('data', (d) => (out += d));
    child.stderr.on('data', (d) => (out += d));
    const timer = setTimeout(() => {
      if (child.pid) process.kill(child.pid, 'SIGKILL');
      reject(new Error(`user-mode Linux did not halt within ${options.timeoutMs ?? 120_000} ms:\n${out.slice(-2000)}`));
    }, options.timeoutMs ?? 120_000);
    child.on('exit', () => {
      clearTimeout(timer);
      resolve(out);
    });
  });
  if (console.includes('MODPROBE-FAILED')) throw new Error(`modprobe failed inside user-mode Linux:\n${console.slice(-2000)}`);
  const results = new Map<string, UmlStepResult>();
  for (const step of steps) {
    const base = join(dir, `step-${step.name}`);
    const read = (ext: string) => (existsSync(`${base}.${ext}`) ? readFileSync(`${base}.${ext}`, 'utf8') : '');
    const rc = read('rc').trim();
    results.set(step.name, { code: rc === '' ? -1 : Number(rc), stdout: read('out'), stderr: read('err') });
  }
  // Kept for a post-mortem only when asked.
  if (!process.env.CFGRUN_KEEP_UML) rmSync(dir, { recursive: true, force: true });
  return { results, console, dir };
}
