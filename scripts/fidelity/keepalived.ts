/**
 * How well cfglint's verdicts on keepalived configurations agree with `keepalived -t`,
 * measured on the labelled corpus (../shared/corpus/keepalived, LABELS.tsv).
 *
 * The daemon's verdict per file comes from running keepalived -t here (all its messages;
 * needs root and keepalived) or, failing that, from the corpus labels (first message only).
 * Each message is classed as host-dependent (missing interface, script, user, include
 * file, DNS, script security), informational (keepalived prints it on configurations it
 * accepts), or a configuration problem. Goals: files keepalived accepts get no cfglint
 * error; files it rejects for a configuration problem get at least one. Files rejected
 * only for host reasons are left out and counted.
 */
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Diagnostic } from '../../packages/parser/src/source/diagnostic.js';
import { loadKeepalived } from '../../packages/parser/src/keepalived/index.js';
import type { KeepalivedLoadResult } from '../../packages/parser/src/keepalived/index.js';
import { checkKeepalived } from '../../packages/parser/src/keepalived/check/index.js';
import type { KaBuildFeatures } from '../../packages/parser/src/keepalived/schema/index.js';
import { interfacesIn, keepalivedCheck, keepalivedUnavailableReason } from '../../test-support/daemons.js';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

export interface KeepalivedFidelityOptions {
  /** Corpus root holding keepalived/*.conf and LABELS.tsv. Default: ../shared/corpus beside the repository. */
  corpusDir?: string;
  /** Target version cfglint checks against. Default 2.2.7, the daemon that labelled the corpus. */
  version?: string;
  features?: KaBuildFeatures;
  /** `run`: keepalived -t here; `labels`: LABELS.tsv only; `auto` (default): run when possible. */
  daemon?: 'run' | 'labels' | 'auto';
  /** JSON file caching daemon outputs by file content (speeds up reruns). */
  daemonCache?: string;
  /** More findings to count (lint rules), given the loaded configuration. */
  extraDiagnostics?: (loaded: KeepalivedLoadResult) => Diagnostic[];
  /** Only files whose name contains this. */
  filter?: string;
}

export type DaemonVerdict = 'accepted' | 'rejected' | 'host-dependent';
export type Outcome = 'agree' | 'false-error' | 'missed' | 'excluded';

export interface KeepalivedFidelityFile {
  file: string;
  daemon: {
    exitCode: number;
    verdict: DaemonVerdict;
    /** Configuration problems (the messages cfglint should match). */
    problems: string[];
    /** Host-dependent messages. */
    host: string[];
    /** Lines (1-based, in this file) that the problems point at. */
    problemLines: number[];
  };
  cfglint: { errors: number; warnings: number; first?: string; errorLines: number[] };
  /** For rejected files with located problems: how many of those lines cfglint flags. */
  linesMatched?: number;
  outcome: Outcome;
}

export interface KeepalivedFidelityReport {
  version: string;
  daemonSource: 'keepalived -t (run here)' | 'LABELS.tsv';
  files: KeepalivedFidelityFile[];
  totals: {
    files: number;
    accepted: number;
    acceptedWithoutError: number;
    rejected: number;
    rejectedFlagged: number;
    hostDependent: number;
    /** Problem lines the daemon reports in this corpus file (located messages, deduplicated). */
    problemLines: number;
    /** …of which cfglint reports an error on the same line. */
    problemLinesFlagged: number;
  };
  /** Share of accepted files with no cfglint error (goal 1.0). */
  acceptedAgreement: number;
  /** Share of files rejected for configuration problems that cfglint flags with an error (goal ≥ 0.95). */
  rejectedAgreement: number;
  /** Share of the daemon's located problem lines on which cfglint reports an error (a stricter measure). */
  lineAgreement: number;
}

/** Messages whose verdict depends on the machine, not on the configuration text. */
const HOST_DEPENDENT: RegExp[] = [
  /doesn't exist|Non-existent interface|Unknown interface/, // interfaces
  /not found\/accessible|Disabling track script|Cannot find script|is not executable|script .* is not|No such file/i,
  /uid\/gid|Unable to set default user|Unknown (user|group)|getpwnam|getgrnam/i,
  /Config files missing|include .* not found/i,
  /SECURITY VIOLATION|unsafe|insecure/i,
  /could not resolve|Invalid smtp server|getaddrinfo|Name or service not known/i,
  /Unable to (open|read|create)|Cannot open|config_save_dir/i,
  /TIMEOUT after/,
];

/** Normalises a message to its shape: numbers, quoted and bracketed parts removed. */
function shape(message: string): string {
  return message
    .replace(/^\((?:[^:)]*: )?Line \d+\)\s*/, '')
    .replace(/'[^']*'|"[^"]*"|\[[^\]]*\]|\([^)]*\)/g, '…')
    .replace(/\d+(\.\d+)?/g, 'N')
    .replace(/\s+/g, ' ')
    .trim();
}

interface DaemonRun {
  code: number;
  output: string;
}

async function runDaemon(file: string, text: string): Promise<DaemonRun> {
  // As the corpus labels do: an interface for every name the file uses, plus the names
  // keepalived reports missing, up to three more runs.
  const interfaces = new Set(interfacesIn(text));
  let result = await keepalivedCheck(file, { interfaces: [...interfaces] });
  for (let round = 0; round < 3; round++) {
    const missing = [...result.output.matchAll(/interface (\S+) (?:for \S+ \S+ |specified for \S+ )?doesn't exist/g)].map((m) => m[1]);
    const fresh = missing.filter((n) => !interfaces.has(n) && /^[A-Za-z0-9_.:@-]{1,15}$/.test(n));
    if (!fresh.length) break;
    for (const n of fresh) interfaces.add(n);
    result = await keepalivedCheck(file, { interfaces: [...interfaces] });
  }
  return result;
}

function readLabels(corpusDir: string): Map<string, { code: number; first: string }> {
  const out = new Map<string, { code: number; first: string }>();
  const tsv = path.join(corpusDir, 'LABELS.tsv');
  if (!existsSync(tsv)) return out;
  for (const line of readFileSync(tsv, 'utf8').split('\n')) {
    const c = line.split('\t');
    if (!c[0]?.startsWith('keepalived/') || !c[1]?.includes('private netns')) continue;
    out.set(c[0].slice('keepalived/'.length), { code: Number(c[2]), first: c[4] ?? '' });
  }
  return out;
}

/** Measures agreement; see the module comment. Never throws for a bad corpus file. */
export async function measureKeepalivedFidelity(options: KeepalivedFidelityOptions = {}): Promise<KeepalivedFidelityReport> {
  const corpusDir = options.corpusDir ?? path.resolve(repoRoot, '../shared/corpus');
  const dir = path.join(corpusDir, 'keepalived');
  const version = options.version ?? '2.2.7';
  const labels = readLabels(corpusDir);
  const canRun = !keepalivedUnavailableReason();
  const mode = options.daemon ?? 'auto';
  const useDaemon = mode === 'run' || (mode === 'auto' && canRun);
  if (mode === 'run' && !canRun) throw new Error(`cannot run keepalived -t here: ${keepalivedUnavailableReason()}`);
  const cache: Record<string, DaemonRun> = options.daemonCache && existsSync(options.daemonCache) ? JSON.parse(readFileSync(options.daemonCache, 'utf8')) : {};

  const names = readdirSync(dir)
    .filter((n) => n.endsWith('.conf') && (!options.filter || n.includes(options.filter)))
    .sort();
  const runs = new Map<string, DaemonRun>();
  for (const name of names) {
    const file = path.join(dir, name);
    const text = readFileSync(file, 'utf8');
    if (useDaemon) {
      const key = createHash('sha256').update(name).update('\0').update(text).digest('hex');
      cache[key] ??= await runDaemon(file, text);
      runs.set(name, cache[key]);
    } else {
      const label = labels.get(name);
      runs.set(name, { code: label?.code ?? 0, output: label?.first ?? '' });
    }
  }
  if (options.daemonCache && useDaemon) writeFileSync(options.daemonCache, JSON.stringify(cache));

  // Message shapes keepalived also prints for configurations it accepts are informational.
  const informational = new Set<string>();
  for (const run of runs.values()) {
    // Under net_namespace keepalived -t exits 0 even after reporting errors: not a guide.
    if (run.code !== 0 || /Unknown keyword|Unexpected '[{}]'/.test(run.output)) continue;
    for (const line of run.output.split('\n')) if (line.trim() && !isHostDependent(line)) informational.add(shape(line));
  }

  const files: KeepalivedFidelityFile[] = [];
  for (const name of names) {
    const run = runs.get(name)!;
    const loaded = loadKeepalived(path.join(dir, name));
    // A vrrp_script that is defined but whose file is missing here is dropped, and its
    // track_script references are then "not found": that depends on the host too.
    const definedScripts = loaded.model.vrrpScripts.map((s) => s.name).filter(Boolean);
    const hostHere = (l: string) => isHostDependent(l) || definedScripts.some((n) => l.includes(`track script ${n} not found`));
    const lines = [...new Set(run.output.split('\n').map((l) => l.trim()).filter(Boolean))];
    const host = lines.filter(hostHere);
    const problems = lines.filter((l) => !hostHere(l) && !informational.has(shape(l)));
    // With net_namespace, keepalived -t checks the configuration in a namespace of that
    // name; where it does not exist, it skips the VRRP and checker parts and exits 0.
    const netns = loaded.statements.some((s) => s.keyword.value === 'net_namespace');
    let verdict: DaemonVerdict;
    if (problems.length) verdict = 'rejected';
    else if (run.code === 0 && !netns) verdict = 'accepted';
    else verdict = 'host-dependent';

    const diagnostics = [...loaded.diagnostics, ...checkKeepalived(loaded, { version, features: options.features }), ...(options.extraDiagnostics?.(loaded) ?? [])];
    const errors = diagnostics.filter((d) => d.severity === 'error');
    const file = path.join(dir, name);
    const errorLines = [...new Set(errors.filter((d) => d.fileName === file).map((d) => d.range.start.line + 1))].sort((x, y) => x - y);
    // "(Line N)" is the file being read, "(FILE: Line N)" names it; only lines of this file count.
    const problemLines = [
      ...new Set(
        problems.flatMap((p) => {
          const m = /^\((?:([^:)]*): )?Line (\d+)\)/.exec(p);
          return m && (!m[1] || path.basename(m[1]) === name) ? [Number(m[2])] : [];
        }),
      ),
    ].sort((x, y) => x - y);
    const firstError = errors[0];
    const cfglint = {
      errorLines,
      errors: errors.length,
      warnings: diagnostics.filter((d) => d.severity === 'warning').length,
      first: firstError ? `${path.basename(firstError.fileName)}:${firstError.range.start.line + 1} ${firstError.code}: ${firstError.message}` : undefined,
    };
    const outcome: Outcome =
      verdict === 'host-dependent' ? 'excluded' : verdict === 'accepted' ? (errors.length ? 'false-error' : 'agree') : errors.length ? 'agree' : 'missed';
    const linesMatched = verdict === 'rejected' && problemLines.length ? problemLines.filter((l) => errorLines.includes(l)).length : undefined;
    files.push({ file: name, daemon: { exitCode: run.code, verdict, problems, host, problemLines }, cfglint, outcome, linesMatched });
  }

  const accepted = files.filter((f) => f.daemon.verdict === 'accepted');
  const rejected = files.filter((f) => f.daemon.verdict === 'rejected');
  const totals = {
    files: files.length,
    accepted: accepted.length,
    acceptedWithoutError: accepted.filter((f) => f.outcome === 'agree').length,
    rejected: rejected.length,
    rejectedFlagged: rejected.filter((f) => f.outcome === 'agree').length,
    hostDependent: files.filter((f) => f.daemon.verdict === 'host-dependent').length,
    problemLines: rejected.reduce((n, f) => n + (f.linesMatched === undefined ? 0 : f.daemon.problemLines.length), 0),
    problemLinesFlagged: rejected.reduce((n, f) => n + (f.linesMatched ?? 0), 0),
  };
  return {
    version,
    daemonSource: useDaemon ? 'keepalived -t (run here)' : 'LABELS.tsv',
    files,
    totals,
    acceptedAgreement: totals.accepted ? totals.acceptedWithoutError / totals.accepted : 1,
    rejectedAgreement: totals.rejected ? totals.rejectedFlagged / totals.rejected : 1,
    lineAgreement: totals.problemLines ? totals.problemLinesFlagged / totals.problemLines : 1,
  };
}

function isHostDependent(line: string): boolean {
  return HOST_DEPENDENT.some((re) => re.test(line));
}

// `npx tsx scripts/fidelity/keepalived.ts [--labels] [--verbose]` prints the figures.
if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const verbose = process.argv.includes('--verbose');
  const report = await measureKeepalivedFidelity({
    daemon: process.argv.includes('--labels') ? 'labels' : 'auto',
    daemonCache: path.join(repoRoot, 'node_modules/.cache/cfglint-keepalived-daemon.json'),
  });
  const t = report.totals;
  console.log(`keepalived ${report.version}, daemon verdicts from ${report.daemonSource}: ${t.files} files`);
  console.log(`accepted by keepalived: ${t.accepted}, without cfglint error: ${t.acceptedWithoutError} (${(100 * report.acceptedAgreement).toFixed(1)}%)`);
  console.log(`rejected for configuration problems: ${t.rejected}, flagged by cfglint: ${t.rejectedFlagged} (${(100 * report.rejectedAgreement).toFixed(1)}%)`);
  console.log(`rejected only for host reasons (left out): ${t.hostDependent}`);
  console.log(`problem lines keepalived reports: ${t.problemLines}, with a cfglint error on the same line: ${t.problemLinesFlagged} (${(100 * report.lineAgreement).toFixed(1)}%)`);
  for (const f of report.files) {
    const partial = verbose && f.linesMatched !== undefined && f.linesMatched < f.daemon.problemLines.length;
    if (f.outcome === 'false-error' || f.outcome === 'missed' || partial || (verbose && f.outcome === 'excluded')) {
      const lines = partial ? ` lines ${f.daemon.problemLines.join(',')} vs cfglint ${f.cfglint.errorLines.join(',')}` : '';
      console.log(`\n${partial ? 'lines' : f.outcome}: ${f.file} (exit ${f.daemon.exitCode})${lines}`);
      for (const p of (f.outcome === 'excluded' ? f.daemon.host : f.daemon.problems).slice(0, 4)) console.log(`  daemon: ${p}`);
      if (f.cfglint.first) console.log(`  cfglint: ${f.cfglint.first}`);
    }
  }
}
