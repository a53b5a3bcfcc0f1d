/**
 * How well cfglint's verdicts on haproxy.cfg files agree with `haproxy -c`, measured
 * on the labelled corpus (../shared/corpus/haproxy, LABELS.tsv, labelled by 2.6.12).
 *
 * The daemon's messages per file come from running `haproxy -c` here (every message)
 * or, for the reg-test configurations whose VTest macros only the labelling run could
 * expand, from the corpus labels (first message only). Each message is classed as a
 * configuration problem, or as depending on the host (a missing certificate, Lua or
 * map file, an unresolvable name, an unknown user) or on macro expansion. Goals: files
 * HAProxy accepts get no cfglint error (100 %); files it rejects for a configuration
 * problem get at least one (≥ 95 %). Files rejected only for host or macro reasons are
 * left out and counted.
 */
import { createHash } from 'node:crypto';
import { execFile, execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadHaproxy } from '../../packages/parser/src/haproxy/load.js';
import type { HaproxyLoadResult } from '../../packages/parser/src/haproxy/load.js';
import { checkHaproxy } from '../../packages/parser/src/haproxy/check/index.js';
import type { HaFeature } from '../../packages/parser/src/haproxy/schema/types.js';
import type { Diagnostic } from '../../packages/parser/src/source/diagnostic.js';
import { createMemoryFileSystem, nodeFileSystem } from '../../packages/parser/src/source/file-system.js';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

export interface HaproxyFidelityOptions {
  /** Corpus root holding haproxy/*.cfg and LABELS.tsv. Default: ../shared/corpus beside the repository. */
  corpusDir?: string;
  /** Target version cfglint checks against. Default 2.6, the daemon that labelled the corpus. */
  version?: string;
  /** Build options of that daemon. Default: Debian 12's haproxy 2.6.12. */
  features?: HaFeature[];
  /** `run`: haproxy -c here where possible; `labels`: LABELS.tsv only; `auto` (default): run when haproxy is installed. */
  daemon?: 'run' | 'labels' | 'auto';
  /** JSON file caching daemon outputs by file content. */
  daemonCache?: string;
  /** More findings to count (lint rules), given the loaded configuration. */
  extraDiagnostics?: (loaded: HaproxyLoadResult) => Diagnostic[];
  /** Only files whose name contains this. */
  filter?: string;
}

export type DaemonVerdict = 'accepted' | 'rejected' | 'host-dependent' | 'macro-dependent';
export type Outcome = 'agree' | 'false-error' | 'missed' | 'excluded';

export interface HaproxyFidelityFile {
  file: string;
  daemon: {
    exitCode: number;
    verdict: DaemonVerdict;
    source: 'run' | 'labels';
    /** Configuration problems (what cfglint should find). */
    problems: string[];
    /** Messages that depend on the host or on macro expansion. */
    excluded: string[];
  };
  cfglint: { errors: number; warnings: number; first?: string };
  /** Problem messages that name a line, and how many of those lines carry a cfglint error. */
  lines: { named: number; matched: number };
  outcome: Outcome;
}

export interface HaproxyFidelityReport {
  version: string;
  files: HaproxyFidelityFile[];
  totals: {
    files: number;
    accepted: number;
    acceptedWithoutError: number;
    rejected: number;
    rejectedFlagged: number;
    hostDependent: number;
    macroDependent: number;
    /** Files whose messages came from running haproxy here. */
    runHere: number;
    /** Over rejected files: problem messages naming a line, and those whose line has a cfglint error. */
    problemLines: number;
    problemLinesMatched: number;
  };
  /** Share of accepted files with no cfglint error (goal 1.0). */
  acceptedAgreement: number;
  /** Share of files rejected for configuration problems that cfglint flags with an error (goal ≥ 0.95). */
  rejectedAgreement: number;
}

/** Messages whose verdict depends on the machine rather than the text. */
const HOST_DEPENDENT: RegExp[] = [
  /No such file or directory/,
  /unable to stat SSL certificate/,
  /cannot open|Couldn't open|can't open|unable to load|failed to open/i,
  /could not resolve address|Cannot resolve|unable to resolve/i,
  /cannot find (user|group) id/,
  /Impossible to get back to directory/,
  /error in Lua file/,
  /log : invalid address: '[A-Za-z][^'@]*'/, // a log host name: resolved at parse time
  /invalid address: '[A-Za-z][A-Za-z0-9.-]*' in '[A-Za-z][A-Za-z0-9.-]*:\d+'/,
  /cannot bind|Address already in use|Permission denied/,
  /missing certificate location/,
  /error opening file/,
  /Failed to initialize server\(s\) addr/, // init-addr: name resolution at start-up
  /'lua\.[^']*' unknown service name/, // registered by a Lua file the host lacks
];

/** An alert on a line that uses a Lua-registered name or an environment variable depends on the host. */
function hostDependentLine(lineText: string): boolean {
  return /(^|[\s"'])lua\./.test(lineText) || /"[^"]*\$\{?[A-Za-z_]/.test(lineText);
}

/**
 * Messages about text that only VTest's macro expansion produced (an address, a
 * descriptor, a scratch path), when the line they point at holds a macro.
 */
const MACRO_DEPENDENT: RegExp[] = [/<scratch>/, /fd@/, /\$\{[a-z0-9_]+\}/i, /invalid address|missing port|cannot bind|socket path/];

/** Summary lines HAProxy prints after the real messages. */
const SUMMARY = /Error\(s\) found in configuration file|Fatal errors found in configuration|Configuration file is valid|too many fatal errors/;

interface DaemonRun {
  code: number;
  messages: string[];
}

function runHaproxy(file: string, cwd: string): Promise<DaemonRun> {
  // Without a network namespace of its own a run could resolve names the labelling run could not.
  const unshare = process.getuid?.() === 0;
  const cmd = unshare ? 'unshare' : 'haproxy';
  const args = unshare ? ['-n', 'haproxy', '-c', '-f', file] : ['-c', '-f', file];
  return new Promise((resolve) => {
    execFile(cmd, args, { cwd, timeout: 20_000, env: { PATH: process.env.PATH ?? '/usr/sbin:/usr/bin:/sbin:/bin' } }, (error, stdout, stderr) => {
      const code = error ? (typeof error.code === 'number' ? error.code : 124) : 0;
      const messages = `${stdout}${stderr}`
        .split('\n')
        .filter((l) => /^\[(ALERT|WARNING)\]/.test(l) && !SUMMARY.test(l))
        .map((l) => l.replace(/^\[(\w+)\]\s*\(\d+\)\s*:\s*(config\s*:\s*)?/, '[$1] '));
      resolve({ code, messages });
    });
  });
}

function readLabels(corpusDir: string): Map<string, { code: number; first: string }> {
  const labels = new Map<string, { code: number; first: string }>();
  for (const row of readFileSync(path.join(corpusDir, 'LABELS.tsv'), 'utf8').split('\n').slice(1)) {
    const cells = row.split('\t');
    if (!cells[0]?.startsWith('haproxy/')) continue;
    labels.set(cells[0].slice('haproxy/'.length), { code: Number(cells[2]), first: cells[4] ?? '' });
  }
  return labels;
}

function hasHaproxy(): boolean {
  return (process.env.PATH ?? '').split(':').some((d) => existsSync(path.join(d, 'haproxy')));
}

/** VTest macros (`${h1_fe1_addr}`, `${testdir}`) that only the labelling run expanded. */
function hasVtestMacros(name: string, text: string): boolean {
  return name.includes('reg-tests') && /\$\{[a-z0-9_]+\}/i.test(text);
}

/**
 * Expands VTest macros the way the labelling run did, so cfglint reads the text
 * HAProxy read: `${X_addr}` → 127.0.0.1, `${X_port}` → 20001 and up, `${X_sock}` →
 * address:port, `fd@${X}` → an inherited descriptor, `${testdir}`/`${tmpdir}` → paths.
 * Other `${…}` (HAProxy's own environment references) stay.
 */
export function expandVtestMacros(text: string): string {
  const ports = new Map<string, number>();
  const fds = new Map<string, number>();
  const port = (base: string) => {
    if (!ports.has(base)) ports.set(base, 20001 + ports.size);
    return ports.get(base) as number;
  };
  return text.replace(/(fd@)?\$\{([A-Za-z0-9_-]+)\}/g, (whole, fd: string | undefined, name: string) => {
    // Older reg-tests put `${no-htx}` where VTest wrote nothing (or an HTX switch).
    if (name === 'no-htx') return '';
    if (fd) {
      if (!fds.has(name)) fds.set(name, 3 + fds.size);
      return `fd@${fds.get(name)}`;
    }
    if (name.endsWith('_addr')) return '127.0.0.1';
    if (name.endsWith('_port')) return String(port(name.slice(0, -5)));
    if (name.endsWith('_sock')) return `127.0.0.1:${port(name.slice(0, -5))}`;
    if (name === 'testdir') return '/vtest/reg-tests';
    if (name === 'tmpdir') return '/vtest/tmp';
    return whole;
  });
}

/** The line a message points at, in the file `name`. */
function lineOf(message: string, name: string): number | undefined {
  const m = new RegExp(`${name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}:(\\d+)`).exec(message);
  return m ? Number(m[1]) : undefined;
}

export async function measureHaproxyFidelity(options: HaproxyFidelityOptions = {}): Promise<HaproxyFidelityReport> {
  const corpusDir = options.corpusDir ?? path.resolve(repoRoot, '../shared/corpus');
  const version = options.version ?? '2.6';
  const features = options.features ?? ['openssl', 'lua', 'promex', 'ot'];
  const dir = path.join(corpusDir, 'haproxy');
  const labels = readLabels(corpusDir);
  const names = readdirSync(dir)
    .filter((n) => n.endsWith('.cfg') && (!options.filter || n.includes(options.filter)))
    .sort();
  const useDaemon = options.daemon === 'run' || (options.daemon !== 'labels' && hasHaproxy());
  const cache: Record<string, DaemonRun> = options.daemonCache && existsSync(options.daemonCache) ? JSON.parse(readFileSync(options.daemonCache, 'utf8')) : {};
  const cwd = mkdtempSync(path.join(tmpdir(), 'cfglint-hx-fidelity-'));
  const files: HaproxyFidelityFile[] = [];
  for (const name of names) {
    const file = path.join(dir, name);
    const text = readFileSync(file, 'utf8');
    const label = labels.get(name);
    const macros = hasVtestMacros(name, text);
    let run: DaemonRun | undefined;
    if (useDaemon && !macros) {
      const key = createHash('sha256').update(name).update('\0').update(text).digest('hex');
      cache[key] ??= await runHaproxy(file, cwd);
      run = cache[key];
    }
    const exitCode = run?.code ?? label?.code ?? 0;
    const alerts = run ? run.messages.filter((m) => m.startsWith('[ALERT]')) : label && label.code === 1 ? [label.first] : [];
    const lines = text.split('\n');
    const problems: string[] = [];
    const excluded: string[] = [];
    let macroHit = false;
    for (const a of alerts) {
      const ln = lineOf(a, name);
      const lineText = ln !== undefined ? (lines[ln - 1] ?? '') : '';
      if (macros && MACRO_DEPENDENT.some((re) => re.test(a)) && (/\$\{/.test(lineText) || ln === undefined)) {
        excluded.push(a);
        macroHit = true;
      } else if (HOST_DEPENDENT.some((re) => re.test(a)) || hostDependentLine(lineText)) excluded.push(a);
      else problems.push(a);
    }
    let verdict: DaemonVerdict;
    if (exitCode === 0 || exitCode === 2) verdict = 'accepted';
    else if (problems.length) verdict = 'rejected';
    else verdict = macroHit ? 'macro-dependent' : 'host-dependent';

    // VTest ran the reg-tests with VTC_SOCK_TYPE=stream in the environment.
    const loaded = macros
      ? loadHaproxy([file], { env: { VTC_SOCK_TYPE: 'stream' }, fs: createMemoryFileSystem({ [file]: expandVtestMacros(text) }, nodeFileSystem) })
      : loadHaproxy([file], { env: {} });
    const diagnostics = [...loaded.diagnostics, ...checkHaproxy(loaded, { version, features }), ...(options.extraDiagnostics?.(loaded) ?? [])];
    const errors = diagnostics.filter((d) => d.severity === 'error');
    const firstError = errors[0];
    const cfglint = {
      errors: errors.length,
      warnings: diagnostics.filter((d) => d.severity === 'warning').length,
      first: firstError ? `${firstError.range.start.line + 1}: [${firstError.code}] ${firstError.message}` : undefined,
    };
    const errorLines = new Set(errors.map((d) => d.range.start.line + 1));
    const named = problems.map((a) => lineOf(a, name)).filter((n): n is number => n !== undefined);
    const lineFacts = { named: named.length, matched: named.filter((n) => errorLines.has(n)).length };
    let outcome: Outcome;
    if (verdict === 'accepted') outcome = cfglint.errors ? 'false-error' : 'agree';
    else if (verdict === 'rejected') outcome = cfglint.errors ? 'agree' : 'missed';
    else outcome = 'excluded';
    files.push({ file: name, daemon: { exitCode, verdict, source: run ? 'run' : 'labels', problems, excluded }, cfglint, lines: lineFacts, outcome });
  }
  if (options.daemonCache && useDaemon) writeFileSync(options.daemonCache, JSON.stringify(cache));
  const accepted = files.filter((f) => f.daemon.verdict === 'accepted');
  const rejected = files.filter((f) => f.daemon.verdict === 'rejected');
  const totals = {
    files: files.length,
    accepted: accepted.length,
    acceptedWithoutError: accepted.filter((f) => f.outcome === 'agree').length,
    rejected: rejected.length,
    rejectedFlagged: rejected.filter((f) => f.outcome === 'agree').length,
    hostDependent: files.filter((f) => f.daemon.verdict === 'host-dependent').length,
    macroDependent: files.filter((f) => f.daemon.verdict === 'macro-dependent').length,
    runHere: files.filter((f) => f.daemon.source === 'run').length,
    problemLines: rejected.reduce((n, f) => n + f.lines.named, 0),
    problemLinesMatched: rejected.reduce((n, f) => n + f.lines.matched, 0),
  };
  return {
    version,
    files,
    totals,
    acceptedAgreement: totals.accepted ? totals.acceptedWithoutError / totals.accepted : 1,
    rejectedAgreement: totals.rejected ? totals.rejectedFlagged / totals.rejected : 1,
  };
}

export interface RegTestAgreement {
  tag: string;
  version: string;
  /** Configurations the tests expect HAProxy to start with, and those cfglint finds an error in. */
  good: number;
  goodWithError: number;
  /** `-conf-BAD` configurations, and those cfglint flags. */
  bad: number;
  badFlagged: number;
  /** The errors on configurations that should start: "file:line [code] message". */
  falseErrors: string[];
}

/**
 * Cross-version agreement without running each release: the `haproxy hN -conf {…}`
 * blocks of the reg-tests at each release tag of a haproxy/haproxy git snapshot, checked
 * for that release (every build option assumed, VTest macros expanded). Blocks the test
 * expects to start should give no error; `-conf-BAD` blocks should give one.
 */
export function measureHaproxyRegTests(gitDir: string, tags: string[]): RegTestAgreement[] {
  const git = (...args: string[]) => execFileSync('git', ['--git-dir', gitDir, ...args], { encoding: 'utf8', maxBuffer: 1 << 28 });
  const allFeatures: HaFeature[] = ['openssl', 'lua', 'promex', 'ot', 'quic', 'zlib', '51degrees', 'deviceatlas', 'wurfl', 'engine', 'memory-profiling'];
  const out: RegTestAgreement[] = [];
  for (const tag of tags) {
    const version = tag.replace(/^v/, '').replace(/\.0$/, '');
    const result: RegTestAgreement = { tag, version, good: 0, goodWithError: 0, bad: 0, badFlagged: 0, falseErrors: [] };
    const files = git('ls-tree', '-r', '--name-only', tag, 'reg-tests').split('\n').filter((f) => /\.vtci?$/.test(f));
    for (const f of files) {
      const text = git('show', `${tag}:${f}`);
      const re = /haproxy\s+(\w+)\s+((?:-\S+\s+)*)-conf(-OK|-BAD)?\s*(?:\S+\s+)?\{/g;
      let m: RegExpExecArray | null;
      while ((m = re.exec(text))) {
        let depth = 1;
        let i = re.lastIndex;
        for (; i < text.length && depth; i++) {
          if (text[i] === '{') depth++;
          else if (text[i] === '}') depth--;
        }
        const body = `${text.slice(re.lastIndex, i - 1).replace(/^\s*\n/, '')}\n`;
        const file = `/reg-tests/${f.replace(/\//g, '--')}--${m[1]}.cfg`;
        const loaded = loadHaproxy([file], { env: { VTC_SOCK_TYPE: 'stream' }, fs: createMemoryFileSystem({ [file]: expandVtestMacros(body) }) });
        const errors = [...loaded.diagnostics, ...checkHaproxy(loaded, { version, features: allFeatures })].filter((d) => d.severity === 'error');
        if (m[3] === '-BAD') {
          result.bad++;
          if (errors.length) result.badFlagged++;
        } else {
          result.good++;
          if (errors.length) {
            result.goodWithError++;
            for (const e of errors) result.falseErrors.push(`${f} ${m[1]}:${e.range.start.line + 1} [${e.code}] ${e.message}`);
          }
        }
      }
    }
    out.push(result);
  }
  return out;
}

// `npx tsx scripts/fidelity/haproxy.ts [--labels] [--verbose] [--reg-tests GITDIR] [FILTER]` prints the figures.
if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const verbose = process.argv.includes('--verbose');
  const regAt = process.argv.indexOf('--reg-tests');
  const regGit = regAt > 0 ? process.argv[regAt + 1] : undefined;
  const filter = process.argv.slice(2).find((a, i, all) => !a.startsWith('--') && all[i - 1] !== '--reg-tests');
  const report = await measureHaproxyFidelity({
    daemon: process.argv.includes('--labels') ? 'labels' : 'auto',
    daemonCache: path.join(repoRoot, 'node_modules/.cache/cfglint-haproxy-daemon.json'),
    filter,
  });
  const t = report.totals;
  console.log(`haproxy ${report.version}: ${t.files} files (${t.runHere} checked with haproxy -c here, the rest from LABELS.tsv)`);
  console.log(`accepted by haproxy: ${t.accepted}, without cfglint error: ${t.acceptedWithoutError} (${(100 * report.acceptedAgreement).toFixed(1)}%)`);
  console.log(`rejected for configuration problems: ${t.rejected}, flagged by cfglint: ${t.rejectedFlagged} (${(100 * report.rejectedAgreement).toFixed(1)}%)`);
  console.log(`left out: ${t.hostDependent} rejected for host reasons, ${t.macroDependent} for VTest macro expansion`);
  console.log(`problem lines haproxy names in rejected files: ${t.problemLines}, with a cfglint error on the same line: ${t.problemLinesMatched}`);
  for (const f of report.files) {
    if (f.outcome === 'false-error' || f.outcome === 'missed' || (verbose && f.outcome === 'excluded')) {
      console.log(`\n${f.outcome}: ${f.file} (exit ${f.daemon.exitCode}, ${f.daemon.source})`);
      for (const p of (f.outcome === 'excluded' ? f.daemon.excluded : f.daemon.problems).slice(0, 4)) console.log(`  daemon: ${p.slice(0, 220)}`);
      if (f.cfglint.first) console.log(`  cfglint: ${f.cfglint.first.slice(0, 220)}`);
    }
  }
  if (regGit) {
    const tags = ['v1.9.0', 'v2.0.0', 'v2.1.0', 'v2.2.0', 'v2.3.0', 'v2.4.0', 'v2.5.0', 'v2.6.0', 'v2.7.0', 'v2.8.0', 'v2.9.0', 'v3.0.0', 'v3.1.0', 'v3.2.0'];
    console.log('\nreg-tests of each release, checked for that release:');
    for (const r of measureHaproxyRegTests(regGit, tags)) {
      console.log(`${r.tag}: ${r.good} configurations that start, ${r.goodWithError} with a cfglint error; ${r.bad} -conf-BAD, ${r.badFlagged} flagged`);
      for (const e of r.falseErrors.slice(0, verbose ? 20 : 3)) console.log(`  ${e.slice(0, 200)}`);
    }
  }
}
