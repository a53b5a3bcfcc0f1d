import { readFileSync } from 'node:fs';

export type ReadOutcome = { ok: true; text: string } | { ok: false; reason: string };

const utf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

/** Reads a configuration file as UTF-8 text (a BOM is kept: the parsers record it), refusing binary and non-UTF-8 content with a reason. */
export function readConfigText(filePath: string): ReadOutcome {
  let bytes: Buffer;
  try {
    bytes = readFileSync(filePath);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') return { ok: false, reason: 'no such file' };
    if (code === 'EACCES') return { ok: false, reason: 'permission denied' };
    if (code === 'EISDIR') return { ok: false, reason: 'is a directory' };
    return { ok: false, reason: `cannot read (${code ?? 'unknown error'})` };
  }
  if (bytes.subarray(0, 8192).includes(0)) return { ok: false, reason: 'binary file (contains NUL bytes), not a configuration' };
  try {
    return { ok: true, text: utf8.decode(bytes) };
  } catch {
    return { ok: false, reason: 'not valid UTF-8 text' };
  }
}
