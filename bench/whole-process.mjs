// Whole-process timing: cfglint against the daemons' own checkers on the same file,
// alternating runs, medians. Prints a small table; imported by bench/run.mjs.
import { execFileSync, spawnSync } from 'node:child_process';

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};

function timeOnce(cmd, args) {
  const t0 = process.hrtime.bigint();
  const r = spawnSync(cmd, args, { stdio: ['ignore', 'ignore', 'pipe'] });
  const ms = Number(process.hrtime.bigint() - t0) / 1e6;
  if (r.error) throw r.error;
  return { ms, status: r.status, stderr: String(r.stderr) };
}

/** Alternates `a` and `b` `runs` times after one warm-up each; returns medians in ms. */
export function compareCommands(a, b, runs = 9) {
  timeOnce(...a);
  timeOnce(...b);
  const ta = [];
  const tb = [];
  for (let i = 0; i < runs; i++) {
    ta.push(timeOnce(...a).ms);
    tb.push(timeOnce(...b).ms);
  }
  return { a: median(ta), b: median(tb) };
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
