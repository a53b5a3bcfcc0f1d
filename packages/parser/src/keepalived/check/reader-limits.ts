import type { Diagnostic } from '../../source/diagnostic.js';
import type { KeepalivedLoadResult } from '../load.js';
import type { KaCheckTarget } from './options.js';

/** keepalived reads lines with fgets() into a 1024-byte buffer: at most 1023 bytes at a time. */
const MAX_LINE_BYTES = 1023;

/**
 * Where keepalived's line reader sees something else than the text: a UTF-8 byte order
 * mark (it becomes part of the first keyword) and lines longer than 1023 bytes (the rest
 * is read as a line of its own). Both measured with keepalived 2.2.7.
 */
export function checkReaderLimits(loaded: Pick<KeepalivedLoadResult, 'files'>, target: KaCheckTarget, out: Diagnostic[]): void {
  for (const { ast, source } of loaded.files.values()) {
    if (ast.bom) {
      out.push({
        code: 'schema/unknown-keyword',
        severity: 'error',
        message: `The file starts with a UTF-8 byte order mark: keepalived ${target.version} reads it as part of the first word and reports an unknown keyword (keepalived -t fails). Save the file without BOM.`,
        fileName: source.fileName,
        range: source.rangeOf(0, 0),
      });
    }
    const text = source.text;
    const starts = source.getLineStarts();
    for (let line = 0; line < starts.length; line++) {
      const start = starts[line];
      const next = line + 1 < starts.length ? starts[line + 1] - 1 : text.length;
      // Cheap test first: 1023 characters are at least 1023 bytes.
      if (next - start <= MAX_LINE_BYTES / 3) continue;
      const bytes = Buffer.from(text.slice(start, next), 'utf8');
      if (bytes.length <= MAX_LINE_BYTES) continue;
      const rest = bytes.subarray(MAX_LINE_BYTES).toString('utf8');
      const word = /^\s*(\S+)/.exec(rest)?.[1];
      if (!word) continue;
      const cut = start + bytes.subarray(0, MAX_LINE_BYTES).toString('utf8').length;
      out.push({
        code: 'schema/line-too-long',
        severity: 'error',
        message: `This line is longer than ${MAX_LINE_BYTES} bytes: keepalived ${target.version} reads the rest as a separate line and '${word.length > 30 ? word.slice(0, 30) + '…' : word}' as a keyword there (keepalived -t fails).`,
        fileName: source.fileName,
        range: source.rangeOf(cut, next),
      });
    }
  }
}
