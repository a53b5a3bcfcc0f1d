import { readdirSync } from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';

export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../..');
export const fixturesDir = path.join(repoRoot, 'fixtures/keepalived');
export const corpusDir = path.resolve(repoRoot, '../shared/corpus/keepalived');
export const seedDir = path.join(repoRoot, 'fixtures/seed');

/** `*.conf` directly in a fixtures folder (included files live in `*.d/` subfolders). */
export function fixtureFiles(kind: 'valid' | 'invalid'): string[] {
  const dir = path.join(fixturesDir, kind);
  return readdirSync(dir)
    .filter((f) => f.endsWith('.conf'))
    .sort()
    .map((f) => path.join(dir, f));
}

/** Every file under a folder, recursively (fixtures with their included files). */
export function allFiles(dir: string): string[] {
  const out: string[] = [];
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) out.push(...allFiles(full));
    else out.push(full);
  }
  return out.sort();
}

export function corpusFiles(): string[] {
  try {
    return readdirSync(corpusDir)
      .filter((f) => f.endsWith('.conf'))
      .sort()
      .map((f) => path.join(corpusDir, f));
  } catch {
    return [];
  }
}

export function seedFiles(): string[] {
  return allFiles(seedDir).filter((f) => f.endsWith('keepalived.conf'));
}
