// Whole-process timing: cfglint against the daemons' own checkers on the same file,
// alternating runs, medians. Imported by bench/run.mjs.
//
// Wall time is what the goals are about, but on a shared machine it mostly measures the
// other processes; CPU time (user + system, all threads) is steadier. On Linux the CPU
// time of a finished child comes from this process's cutime/cstime (/proc/self/stat), so
// it needs no wrapper; elsewhere it is not measured.
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};

/** Milliseconds of CPU the waited-for children of this process have used, or undefined. */
function childrenCpuMs() {
  if (!existsSync('/proc/self/stat')) return undefined;
  // Fields after the ')' that ends the command name: cutime and cstime are the 14th and 15th.
  const fields = readFileSync('/proc/self/stat', 'utf8').split(') ')[1].split(' ');
  // USER_HZ is 100 on every Linux Node supports.
  return (Number(fields[13]) + Number(fields[14])) * 10;
}

function timeOnce(cmd, args) {
  const cpu0 = childrenCpuMs();
  const t0 = process.hrtime.bigint();
  const r = spawnSync(cmd, args, { stdio: ['ignore', 'ignore', 'pipe'] });
  const ms = Number(process.hrtime.bigint() - t0) / 1e6;
  const cpu1 = childrenCpuMs();
  if (r.error) throw r.error;
  return { ms, cpu: cpu0 === undefined ? undefined : cpu1 - cpu0, status: r.status, stderr: String(r.stderr) };
}

/**
 * Alternates `a` and `b` `runs` times after one warm-up each (which also writes cfglint's
 * code cache); returns median wall and CPU milliseconds of each.
 */
export function compareCommands(a, b, runs = 9) {
  timeOnce(...a);
  timeOnce(...b);
  const ra = [];
  const rb = [];
  for (let i = 0; i < runs; i++) {
    ra.push(timeOnce(...a));
    rb.push(timeOnce(...b));
  }
  const cpu = (rs) => (rs[0].cpu === undefined ? undefined : median(rs.map((r) => r.cpu)));
  return { a: median(ra.map((r) => r.ms)), b: median(rb.map((r) => r.ms)), aCpu: cpu(ra), bCpu: cpu(rb) };
}

/** "load 1.52 on 2 CPUs": how busy the machine was, for the record. */
export function machineLoad() {
  return `load average ${loadavg()[0].toFixed(2)} on ${cpus().length} CPUs`;
}

/** A network namespace with an eth0, so keepalived -t finds the interface the file names. */
export function withNamespace(fn) {
  const ns = `cfgl-bench-${process.pid}`;
  execFileSync('ip', ['netns', 'add', ns]);
  try {
    execFileSync('ip', ['-n', ns, 'link', 'add', 'eth0', 'type', 'veth', 'peer', 'name', 'benchp0']);
    execFileSync('ip', ['-n', ns, 'link', 'set', 'eth0', 'up']);
    return fn(ns);
  } finally {
    execFileSync('ip', ['netns', 'del', ns]);
  }
}
