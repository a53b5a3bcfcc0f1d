import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadHaproxy } from '../../src/index.js';
import { corpusDir } from './helpers.js';

// ../shared/corpus/LABELS.tsv holds haproxy 2.6.12's verdict on each corpus file.
interface Label {
  file: string;
  exitCode: number;
  firstMessage: string;
}

function readLabels(): Label[] {
  try {
    const text = readFileSync(path.join(corpusDir, '..', 'LABELS.tsv'), 'utf8');
    return text
      .split('\n')
      .slice(1)
      .filter((l) => l.startsWith('haproxy/'))
      .map((l) => l.split('\t'))
      .map((c) => ({ file: path.join(corpusDir, '..', c[0]), exitCode: Number(c[2]), firstMessage: c[4] }));
  } catch {
    return [];
  }
}

// Messages HAProxy prints while reading lines, before any keyword is interpreted:
// the parser and the model must find these too, on the same line.
const READER_MESSAGES =
  /unmatched quote|unmatched brace|Missing LF|out of section|too many words|hexadecimal|environment variable name|word expansion|lone '\.|non-terminated '\.if'|unknown directive|unparsable conditional|'\.elif' after|Unexpected argument '.*' for '\./;

const labels = readLabels();

describe.skipIf(labels.length === 0)(`corpus agreement with haproxy -c 2.6.12 (${labels.length} labelled files)`, () => {
  it('reports no parse or model error on files haproxy accepts', () => {
    const accepted = labels.filter((l) => l.exitCode === 0 || l.exitCode === 2);
    expect(accepted.length).toBeGreaterThan(100);
    const disagreements: string[] = [];
    for (const label of accepted) {
      const errors = loadHaproxy([label.file]).diagnostics.filter((d) => d.severity === 'error');
      if (errors.length > 0) disagreements.push(`${path.basename(label.file)}: ${errors[0].code} ${errors[0].message}`);
    }
    expect(disagreements).toEqual([]);
  });

  it('finds the reading errors haproxy reports first, on the same line', () => {
    const rejected = labels.filter((l) => l.exitCode === 1 && READER_MESSAGES.test(l.firstMessage));
    expect(rejected.length).toBeGreaterThan(0);
    for (const label of rejected) {
      const line = Number(/:(\d+)\]/.exec(label.firstMessage)?.[1]);
      const errors = loadHaproxy([label.file]).diagnostics.filter((d) => d.severity === 'error');
      expect(errors.map((d) => d.range.start.line + 1), `${path.basename(label.file)}: ${label.firstMessage}`).toContain(line);
    }
  });
});
