// Language-server latency and memory, measured through the protocol as an editor sees them:
// the bundled server runs as `node server.js --stdio`; this script is its client.
//
//   node packages/lsp/bench/latency.mjs [--lines 24000] [--edits 200] [--completions 200] [--priority -10]
//
// Prints: first open (to the first and to the complete diagnostics), didChange of one line →
// publishDiagnostics (p50/p99; the syntax step and the full check), completion latency
// (p50/p99), and the server's RSS with the 24k-line and the ~60k-line file open.
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, setPriority, tmpdir } from 'node:os';
import * as path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { build } from 'esbuild';
import { createMessageConnection, StreamMessageReader, StreamMessageWriter } from 'vscode-jsonrpc/node';
import { generateHaproxy } from '../../../bench/generate.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
const arg = (name, fallback) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? Number(process.argv[i + 1]) : fallback;
};
const EDITS = arg('edits', 200);
const COMPLETIONS = arg('completions', 200);

const sleep = (t) => new Promise((resolve) => setTimeout(resolve, t));
/** Longer than the check worker's idle timeout (5 s). */
const IDLE_WAIT = 6000;

const pct = (xs, p) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))];
};
const ms = (x) => `${x.toFixed(1)} ms`;

async function bundle(dir) {
  const common = {
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    conditions: ['source'],
    logLevel: 'error',
    minifySyntax: true,
    banner: { js: "import { createRequire as __cfglintCreateRequire } from 'node:module'; const require = __cfglintCreateRequire(import.meta.url);" },
    define: { CFGLINT_VERSION: '"bench"' },
  };
  await build({ ...common, entryPoints: [path.join(here, '../src/main.ts')], outfile: path.join(dir, 'server.js') });
  await build({ ...common, entryPoints: [path.join(here, '../src/analysis/check-worker.ts')], outfile: path.join(dir, 'check-worker.js') });
  return path.join(dir, 'server.js');
}

/** CPU time (user + system, ms) the process has used so far, worker threads included. */
function cpuMs(pid) {
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
  return ((Number(fields[11]) + Number(fields[12])) * 1000) / 100; // clock ticks of 10 ms
}

function rssMb(pid) {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  return Number(/VmRSS:\s+(\d+)/.exec(status)[1]) / 1024;
}

/** Generated haproxy.cfg of about `lines` lines (frontends : backends = 1 : 2, 10 servers each). */
function haproxyOfLines(lines) {
  const frontends = Math.round((lines - 16) / 32);
  return generateHaproxy({ frontends, backends: frontends * 2, serversPerBackend: 10 });
}

async function startServer(server, root) {
  const child = spawn(process.execPath, [...(process.env.CFGLINT_BENCH_NODE_ARGS ?? '').split(' ').filter(Boolean), server, '--stdio'], { stdio: ['pipe', 'pipe', 'inherit'] });
  const conn = createMessageConnection(new StreamMessageReader(child.stdout), new StreamMessageWriter(child.stdin));
  const listeners = new Set();
  conn.onNotification('textDocument/publishDiagnostics', (p) => {
    const t = performance.now();
    for (const l of [...listeners]) l(p, t);
  });
  conn.onRequest('workspace/configuration', () => [{}]);
  conn.onRequest('client/registerCapability', () => null);
  conn.listen();
  await conn.sendRequest('initialize', { processId: process.pid, rootUri: pathToFileURL(root).href, capabilities: { workspace: { configuration: true } } });
  await conn.sendNotification('initialized', {});
  /** Resolves at the `nth` publish (1-based) for `uri` and `version` arriving after the call. */
  const publish = (uri, version, nth = 1) =>
    new Promise((resolve) => {
      let seen = 0;
      const l = (p, t) => {
        if (p.uri !== uri || (version !== undefined && p.version !== version)) return;
        if (++seen < nth) return;
        listeners.delete(l);
        resolve({ t, diagnostics: p.diagnostics });
      };
      listeners.add(l);
    });
  return { child, conn, publish };
}

async function main() {
  const dir = mkdtempSync(path.join(tmpdir(), 'cfglint-lsp-bench-'));
  try {
    const server = await bundle(dir);
    const lines = arg('lines', 24000);
    const text = haproxyOfLines(lines);
    const big = generateHaproxy(); // the ~62k-line file
    const file = path.join(dir, 'lb', 'haproxy.cfg');
    const uri = pathToFileURL(file).href;
    writeFileSync(path.join(dir, 'placeholder'), '');

    const { child, conn, publish } = await startServer(server, dir);
    // --priority N: run the server at this nice value (root can raise it) to see it without other processes' noise.
    const priority = arg('priority', undefined);
    if (priority !== undefined) setPriority(child.pid, priority);
    const lineCount = text.split('\n').length;
    const rssIdle = rssMb(child.pid);
    console.log(`haproxy.cfg: ${lineCount} lines, ${(text.length / 1e6).toFixed(2)} MB; ${EDITS} one-line edits, ${COMPLETIONS} completions`);

    // First open: to the syntax diagnostics, and to the complete check from the worker.
    let t0 = performance.now();
    const fast = publish(uri, 1, 1);
    const full = publish(uri, 1, 2);
    await conn.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'haproxy', version: 1, text } });
    const openFast = (await fast).t - t0;
    const openFull = (await full).t - t0;
    console.log(`first open: syntax diagnostics ${ms(openFast)}, complete diagnostics ${ms(openFull)}`);
    console.log(`RSS: ${rssIdle.toFixed(0)} MB before opening, ${rssMb(child.pid).toFixed(0)} MB after the first complete check`);

    // Edits: change the weight on one server line (a different line each time), as a keystroke does.
    const docLines = text.split('\n');
    const serverLines = [];
    docLines.forEach((l, i) => {
      if (l.includes(' weight ')) serverLines.push(i);
    });
    const fastTimes = [];
    const fullTimes = [];
    let version = 1;
    const cpuBefore = cpuMs(child.pid);
    for (let i = 0; i < EDITS; i++) {
      const line = serverLines[(i * 7919) % serverLines.length];
      const col = docLines[line].lastIndexOf(' ') + 1;
      const old = docLines[line].slice(col);
      const next = String(((Number(old) || 1) % 9) + 1);
      docLines[line] = docLines[line].slice(0, col) + next;
      version++;
      const f1 = publish(uri, version, 1);
      const f2 = publish(uri, version, 2);
      t0 = performance.now();
      await conn.sendNotification('textDocument/didChange', {
        textDocument: { uri, version },
        contentChanges: [{ range: { start: { line, character: col }, end: { line, character: col + old.length } }, text: next }],
      });
      fastTimes.push((await f1).t - t0);
      fullTimes.push((await f2).t - t0);
    }
    const cpuPerEdit = (cpuMs(child.pid) - cpuBefore) / EDITS;
    console.log(`didChange → publishDiagnostics, syntax step (what shows first): p50 ${ms(pct(fastTimes, 50))}, p99 ${ms(pct(fastTimes, 99))}`);
    console.log(`didChange → publishDiagnostics, complete (lint rules, schema, cluster on the worker): p50 ${ms(pct(fullTimes, 50))}, p99 ${ms(pct(fullTimes, 99))}`);
    console.log(`server CPU per edit (both steps, worker included): ${ms(cpuPerEdit)}; load average during the run: ${loadavg()[0].toFixed(1)} on ${cpus().length} cores`);

    // Completion: keyword at a line start, balance values, backend names for use_backend.
    const targets = [];
    docLines.forEach((l, i) => {
      if (l.startsWith('    balance ')) targets.push({ line: i, character: 12 });
      if (l.startsWith('    default_backend ')) targets.push({ line: i, character: 20 });
      if (l.startsWith('    bind ')) targets.push({ line: i, character: 4 });
    });
    const completionTimes = [];
    let items = 0;
    for (let i = 0; i < COMPLETIONS; i++) {
      const position = targets[(i * 104729) % targets.length];
      t0 = performance.now();
      const result = await conn.sendRequest('textDocument/completion', { textDocument: { uri }, position });
      completionTimes.push(performance.now() - t0);
      items += result.length;
    }
    console.log(`completion: p50 ${ms(pct(completionTimes, 50))}, p99 ${ms(pct(completionTimes, 99))} (${Math.round(items / COMPLETIONS)} items on average)`);
    const active = rssMb(child.pid);
    await sleep(IDLE_WAIT);
    console.log(`RSS with the ${lineCount}-line file open: ${active.toFixed(0)} MB while checking, ${rssMb(child.pid).toFixed(0)} MB at rest (the check worker exits when idle)`);

    // The ~60k-line file: open it instead, wait for the complete check, read RSS.
    await conn.sendNotification('textDocument/didClose', { textDocument: { uri } });
    const bigUri = pathToFileURL(path.join(dir, 'big', 'haproxy.cfg')).href;
    const bigFull = publish(bigUri, 1, 2);
    t0 = performance.now();
    await conn.sendNotification('textDocument/didOpen', { textDocument: { uri: bigUri, languageId: 'haproxy', version: 1, text: big } });
    await bigFull;
    const bigOpen = performance.now() - t0;
    const bigLines = big.split('\n').length;
    const bigActive = rssMb(child.pid);
    await sleep(IDLE_WAIT);
    console.log(`RSS with the ${bigLines}-line file open (complete check in ${ms(bigOpen)}): ${bigActive.toFixed(0)} MB right after the check, ${rssMb(child.pid).toFixed(0)} MB at rest`);

    await conn.sendRequest('shutdown');
    await conn.sendNotification('exit');
    conn.dispose();
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

await main();
