/**
 * Runs sample lines through the real `haproxy -c` in small batches and returns what
 * it said about each line. HAProxy stops after 50 fatal errors, so batches stay small.
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { execFileSync } from 'node:child_process';
import { haproxyCheck } from '../../../../test-support/daemons.js';

export interface ProbeEntry {
  key: string;
  /** Section header line, e.g. 'listen l1' or 'global'. */
  header: string;
  /** Lines of the section body; the last one is the line under test. */
  lines: string[];
}

export interface ProbeResult {
  key: string;
  line: string;
  messages: string[];
}

const BATCH = 30;
/** Sections whose parser gives up on the rest of the file after an unknown keyword. */
const ABORTING = /^log-forward /;
let fileCounter = 0;

/** Sections some samples refer to (a backend, mailers, error pages, an FastCGI app). */
const SUPPORT = (files: string) => `
backend be0
mailers m0
  mailer m 127.0.0.1:25
http-errors e0
  errorfile 503 ${files}/err.http
fcgi-app fa0
  docroot /var/www
`;

/** A directory with the files samples name as FILES/…: error page, Lua file, certificate. */
export function makeSampleFiles(): string {
  const dir = mkdtempSync(join(tmpdir(), 'cfglint-hx-'));
  writeFileSync(join(dir, 'err.http'), 'HTTP/1.0 503 Service Unavailable\r\nContent-Type: text/plain\r\n\r\ndown\r\n');
  writeFileSync(join(dir, 'x.lua'), '-- empty\n');
  execFileSync('openssl', ['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-keyout', join(dir, 'key.pem'), '-out', join(dir, 'crt.pem'), '-days', '3650', '-subj', '/CN=cfglint-test'], { stdio: 'ignore' });
  writeFileSync(join(dir, 'cert.pem'), readFileSync(join(dir, 'crt.pem'), 'utf8') + readFileSync(join(dir, 'key.pem'), 'utf8'));
  return dir;
}

/**
 * `batch` lines share one file; use 1 when a line may make HAProxy abort parsing
 * (the lines after it would look accepted).
 */
export async function probe(entries: ProbeEntry[], filesDir: string, batch = BATCH): Promise<ProbeResult[]> {
  const results: ProbeResult[] = [];
  const batches: ProbeEntry[][] = [];
  const plain = entries.filter((e) => !ABORTING.test(e.header));
  for (let b = 0; b < plain.length; b += batch) batches.push(plain.slice(b, b + batch));
  for (const e of entries) if (ABORTING.test(e.header)) batches.push([e]);
  while (batches.length) {
    const batch = batches.shift() as ProbeEntry[];
    const text: string[] = ['global', '  expose-experimental-directives'];
    const lineOf = new Map<number, ProbeEntry>();
    for (const e of batch) {
      text.push(e.header);
      for (const l of e.lines) text.push(`  ${l.replaceAll('FILES', filesDir)}`);
      lineOf.set(text.length, e);
    }
    text.push(...SUPPORT(filesDir).split('\n').filter(Boolean));
    // A last unknown keyword proves HAProxy read the whole file.
    text.push('global', '  cfglint-probe-sentinel');
    const sentinel = text.length;
    const file = join(filesDir, `probe-${fileCounter++}.cfg`);
    writeFileSync(file, text.join('\n') + '\n');
    const { output } = await haproxyCheck(file);
    const byLine = new Map<number, string[]>();
    for (const raw of output.split('\n')) {
      const m = /probe-\d+\.cfg:(\d+)\]/.exec(raw);
      if (!m) continue;
      const msg = raw.replace(/^\[(\w+)\]\s*\(\d+\)\s*:\s*config\s*:\s*/, '$1 ');
      byLine.set(Number(m[1]), [...(byLine.get(Number(m[1])) ?? []), msg]);
    }
    if (!byLine.has(sentinel) && batch.length > 1) {
      // HAProxy gave up before the end: try each line on its own.
      for (const e of batch) batches.push([e]);
      continue;
    }
    for (const [line, e] of lineOf) results.push({ key: e.key, line: e.lines[e.lines.length - 1], messages: byLine.get(line) ?? [] });
  }
  return results;
}

/** HAProxy's ways of saying a keyword or option does not exist (or no longer does). */
export const UNKNOWN_RE =
  /unknown keyword|unknown option|\(got '|only supports '|not supported any ?more|doesn't exist any ?more|expects 'cookie'|is not implemented/;
